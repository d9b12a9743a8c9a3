import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension ClinicCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change the clinic's name, phone, website, email or time zone.")
        @Option var name: String?
        @Option var legalName: String?
        @Option(help: "As the clinic writes it, e.g. 773.999.9825 (stored also in E.164).") var phone: String?
        @Option(help: "https address; empty to remove.") var website: String?
        @Option(help: "Empty to remove.") var email: String?
        @Option(help: "IANA time zone, e.g. America/Chicago.") var timezone: String?
        @OptionGroup var write: WriteOptions

        func validate() throws {
            if [name, legalName, phone, website, email, timezone].allSatisfy({ $0 == nil }) {
                throw ValidationError("say what to change: --name, --legal-name, --phone, --website, --email or --timezone")
            }
            _ = try phone.map(ClinicCommand.phone)
        }

        func run() throws {
            let fields = ClinicEdits.Fields(
                name: name, legalName: legalName, phone: try phone.map(ClinicCommand.phone),
                website: website, email: email, timeZone: timezone)
            try write.commit { _ in ClinicEdits.set(fields) }
        }
    }
}
