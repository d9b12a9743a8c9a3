import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension Social {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the social links.")
        @OptionGroup var options: ReadOptions

        struct Row: Encodable { var network: String, url: String, handle: String? }

        func run() throws {
            let rows = try options.load().1.content.social.map { Row(network: $0.network.rawValue, url: $0.url, handle: $0.handle) }
            if options.json { return try Output.printJSON(rows) }
            print(Output.table([["NETWORK", "HANDLE", "URL"]] + rows.map { [$0.network, $0.handle ?? "", $0.url] }))
        }
    }
}
