import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension Social {
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a network's link in the order visitors see.")
        @Argument(help: "The network.") var network: SocialNetwork
        @Option(help: ArgumentHelp("Put it just before this network.", valueName: "network")) var before: SocialNetwork?
        @Option(help: ArgumentHelp("Put it just after this network.", valueName: "network")) var after: SocialNetwork?
        @Option(help: ArgumentHelp("Put it at this place (1 is first).", valueName: "n")) var position: Int?
        @OptionGroup var write: WriteOptions

        var placement: SocialEdits.Placement? {
            before.map { .before($0) } ?? after.map { .after($0) } ?? position.map { .position($0) }
        }

        func validate() throws {
            if [before != nil, after != nil, position != nil].filter({ $0 }).count != 1 {
                throw ValidationError("say where, once: --before NETWORK, --after NETWORK or --position N")
            }
            if let position, position < 1 { throw ValidationError("--position counts from 1 (the first link)") }
        }

        func run() throws { try write.commit { _ in SocialEdits.move(network, to: placement!) } }
    }
}
