import Testing

extension CommandCase {
    static let hours: [CommandCase] = [
        .init(command: "hours show", arguments: ["hours", "show"], says: ["Glenview (glenview)", "Mon  07:00-19:00"]),
        .init(command: "hours show", arguments: ["hours", "show", "nowhere"], status: 1, warns: ["nowhere"]),
        .init(
            command: "hours set", arguments: ["hours", "set", "the-loop", "mon", "08:00-18:00"],
            says: ["Opened draft hours-the-loop", "Mon: \"07:00-19:00\" → \"08:00-18:00\""]),
        .init(
            command: "hours set", arguments: ["hours", "set", "the-loop", "someday", "08:00-18:00"], status: 64, warns: ["someday"],
            parses: false),
        .init(command: "hours closed", arguments: ["hours", "closed", "glenview", "mon"], says: ["Opened draft hours-glenview", "Mon:"]),
        .init(command: "hours closed", arguments: ["hours", "closed", "glenview", "sun"], status: 1, warns: ["nothing to change"]),
        .init(
            command: "hours appointment", arguments: ["hours", "appointment", "the-loop", "sat", "--note", "Call first"],
            says: ["Opened draft hours-the-loop", "Call first"]),
        .init(
            command: "hours appointment", arguments: ["hours", "appointment", "the-loop", "caturday"], status: 64, warns: ["caturday"],
            parses: false),
        .init(
            command: "hours special add", arguments: ["hours", "special", "add", "the-loop", "2026-12-24", "--closed"],
            says: ["Opened draft", "2026-12-24"]),
        .init(
            command: "hours special add", arguments: ["hours", "special", "add", "the-loop", "2026-12-24"], status: 64,
            warns: ["give either --closed or the hours"], parses: false),
        .init(
            command: "hours special list", arguments: ["hours", "special", "list", "--draft", "hours-the-loop"],
            setup: [["hours", "special", "add", "the-loop", "2026-12-24", "--closed", "--draft-name", "hours-the-loop"]],
            says: ["2026-12-24"]),
        .init(command: "hours special list", arguments: ["hours", "special", "list"], says: ["No special hours."]),
        .init(
            command: "hours special remove", arguments: ["hours", "special", "remove", "the-loop", "2026-12-24", "--draft", "closing"],
            setup: [["hours", "special", "add", "the-loop", "2026-12-24", "--closed", "--draft-name", "closing"]],
            says: ["Added to draft closing"]),
        .init(
            command: "hours special remove", arguments: ["hours", "special", "remove", "the-loop", "2026-12-24"], status: 1,
            warns: ["the-loop has no special hours on 2026-12-24"]),
        .init(
            command: "hours export", arguments: ["hours", "export", "glenview", "--format", "osm"],
            says: ["Mo-Th 07:00-19:00; Fr 07:00-15:00; Sa unknown \"by appointment\""]),
        .init(
            command: "hours export", arguments: ["hours", "export", "glenview", "--format", "google"],
            says: ["\"openDay\": \"FRIDAY\""], warns: ["Google has no \"by appointment\": Saturday is left out of the week"]),
        .init(
            command: "hours special add", arguments: ["hours", "special", "add", "the-loop", "2026-12-24", "00:00-24:00"], status: 1,
            warns: ["listing.special-period"]),
        .init(
            command: "hours export", arguments: ["hours", "export", "the-loop", "--format", "google"],
            says: ["\"updateMask\": \"openInfo.status,regularHours,specialHours\"", "\"openDay\": \"FRIDAY\""]),
        .init(
            command: "hours export", arguments: ["hours", "export", "the-loop", "--format", "ics", "--draft", "closing"],
            setup: [["hours", "special", "add", "the-loop", "2026-12-24", "--closed", "--draft-name", "closing"]],
            says: ["DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\n"]),
        .init(
            command: "hours export", arguments: ["hours", "export", "glenview", "--format", "apple", "--json"],
            says: ["listings/glenview/apple-business-connect.json", "openingHoursByDay"]),
        .init(command: "hours export", arguments: ["hours", "export", "nowhere", "--format", "osm"], status: 1, warns: ["nowhere"]),
        .init(
            command: "hours export", arguments: ["hours", "export", "glenview", "--format", "yelp"], status: 64, warns: ["yelp"],
            parses: false),
    ]
}

@Suite struct HoursCommandTests {
    @Test(arguments: CommandCase.hours) func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
