import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

struct LocationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "location",
        abstract: "List, show, add, edit and remove locations.",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self])
}

extension LocationCommand {
    static func lines(_ a: PostalAddress) -> [String] { a.street + ["\(a.city), \(a.state) \(a.zip)"] }
}
