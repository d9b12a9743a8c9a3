import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension Social {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a network's link.")
        @Argument(help: "The network.") var network: SocialNetwork
        @OptionGroup var write: WriteOptions

        func run() throws { try write.commit { _ in SocialEdits.remove(network) } }
    }
}
