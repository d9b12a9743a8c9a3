import ArgumentParser
import ClinicContent
import ClinicExport
import ClinicWorkflow
import Foundation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of bundle.json.")

    func run() throws {
        CommandContext.current.standardOutput(BundleSchema.data)
    }
}
