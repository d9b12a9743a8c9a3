import ArgumentParser
import ClinicContent
import ClinicWorkflow

struct ClinicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic", abstract: "Show and change the clinic's own details.", subcommands: [Show.self, Set.self])

    /// A phone number as people type it, kept as written for display.
    static func phone(_ text: String) throws -> PhoneNumber {
        guard let e164 = Formats.e164(parsing: text) else {
            throw ValidationError("\"\(text)\" is not a phone number clinicctl can dial; write it like 773.999.9825 or +17739999825")
        }
        return PhoneNumber(e164: e164, display: text.hasPrefix("+") ? nil : text, capabilities: [.voice, .sms])
    }
}
