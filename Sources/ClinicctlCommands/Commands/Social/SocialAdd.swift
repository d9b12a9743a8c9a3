import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension Social {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a link to a social profile.",
            discussion: "Networks: \(SocialNetwork.allCases.map(\.rawValue).joined(separator: ", ")).")
        @Argument(help: "The network.") var network: SocialNetwork
        @Argument(help: "The profile's https address.") var url: String
        @Option(help: "The handle shown with the link.") var handle: String?
        @Flag(help: "Replace the network's existing link.") var replace = false
        @OptionGroup var write: WriteOptions

        func run() throws { try write.commit { _ in SocialEdits.add(network, url: url, handle: handle, replace: replace) } }
    }
}
