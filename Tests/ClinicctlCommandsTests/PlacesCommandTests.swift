import Testing

extension CommandCase {
    static let evanston = [
        "location", "add", "evanston", "--label", "Evanston", "--street", "1 Main St", "--city", "Evanston", "--state", "IL", "--zip",
        "60201",
    ]

    static let places: [CommandCase] = [
        .init(command: "location list", arguments: ["location", "list"], says: ["glenview  Glenview", "the-loop  The Loop"]),
        .init(command: "location show", arguments: ["location", "show", "the-loop"], says: ["The Loop (the-loop) — open", "Suite 919"]),
        .init(command: "location show", arguments: ["location", "show", "nowhere"], status: 1, warns: ["nowhere"]),
        .init(command: "location add", arguments: evanston, says: ["Opened draft location-evanston", "added location Evanston"]),
        .init(
            command: "location add", arguments: Array(evanston.dropLast()) + ["6020"], status: 1, warns: ["6020"]),
        .init(
            command: "location edit", arguments: ["location", "edit", "the-loop", "--phone", "+1 312 555 0100"],
            says: ["Opened draft location-the-loop", "phone.e164: \"+13125550100\""]),
        .init(
            command: "location edit", arguments: ["location", "edit", "the-loop", "--phone", "555"], status: 64,
            warns: ["\"555\" is not a phone number"], parses: false),
        .init(
            command: "location remove", arguments: ["location", "remove", "glenview", "--cascade"],
            says: ["Opened draft", "removed location Glenview"]),
        .init(command: "location remove", arguments: ["location", "remove", "glenview"], status: 1, warns: ["using --cascade"]),
        .init(command: "social list", arguments: ["social", "list"], says: ["tiktok     jasonthept", "https://x.com/jasonthept"]),
        .init(
            command: "social add", arguments: ["social", "add", "youtube", "https://www.youtube.com/@jasonthept2", "--replace"],
            says: ["Opened draft"]),
        .init(
            command: "social add", arguments: ["social", "add", "instagram", "https://www.instagram.com/jasonthept"], status: 1,
            warns: ["Instagram is already listed"]),
        .init(command: "social move", arguments: ["social", "move", "x", "--position", "1"], says: ["x: moved from 2nd of 4 to 1st of 4"]),
        .init(command: "social move", arguments: ["social", "move", "x"], status: 64, warns: ["error: "], parses: false),
        .init(
            command: "social remove", arguments: ["social", "remove", "tiktok"],
            says: ["tiktok: \"https://www.tiktok.com/@jasonthept\" (removed)"]),
        .init(command: "clinic show", arguments: ["clinic", "show"], says: ["name            Jason The PT", "+17739999825"]),
        .init(
            command: "clinic set", arguments: ["clinic", "set", "--phone", "+1 773 999 9826"],
            says: ["Opened draft clinic: Clinic: set phone", "\"+17739999825\" → \"+17739999826\""]),
        .init(command: "clinic set", arguments: ["clinic", "set"], status: 64, warns: ["say what to change"], parses: false),
    ]
}

@Suite struct PlacesCommandTests {
    @Test(arguments: CommandCase.places) func runs(_ testCase: CommandCase) throws { try testCase.check() }
}
