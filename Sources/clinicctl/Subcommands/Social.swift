import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension SocialNetwork: ExpressibleByArgument {}

struct Social: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, add and remove social profile links.", subcommands: [List.self, Add.self, Remove.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the social links.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable { var network: String, url: String, handle: String? }

        func run() throws {
            try Output.guarded {
                let rows = try options.load().1.content.social.map { Row(network: $0.network.rawValue, url: $0.url, handle: $0.handle) }
                if options.json { return try Output.printJSON(rows) }
                print(Output.table([["NETWORK", "HANDLE", "URL"]] + rows.map { [$0.network, $0.handle ?? "", $0.url] }))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a link to a social profile.",
            discussion: "Networks: \(SocialNetwork.allCases.map(\.rawValue).joined(separator: ", ")).")
        @Argument(help: "The network.") var network: SocialNetwork
        @Argument(help: "The profile's https address.") var url: String
        @Option(help: "The handle shown with the link.") var handle: String?
        @Flag(help: "Replace the network's existing link.") var replace = false
        @OptionGroup var write: WriteOptions

        func run() throws { try write.commit { _ in SocialEdits.add(network, url: url, handle: handle, replace: replace) } }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a network's link.")
        @Argument(help: "The network.") var network: SocialNetwork
        @OptionGroup var write: WriteOptions

        func run() throws { try write.commit { _ in SocialEdits.remove(network) } }
    }
}
