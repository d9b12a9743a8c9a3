import ArgumentParser
import ClinicContent
import Foundation

/// `clinicctl rules`: the catalogue of validation rules, as docs/content-format.md lists it.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every validation rule: its id, severity and what it asks.",
        discussion: """
            The ids are the ones `clinicctl validate` prints in brackets, one per line:
              faq.question.required  error  An FAQ entry's question is present and not empty.
            """)

    @OptionGroup var output: JSONOption

    func run() throws {
        let rules = RuleCatalogue.all
        if output.json { return try Output.printJSON(rules) }
        print(Output.table(rules.map { [$0.id, $0.severity.rawValue, $0.summary] }))
    }
}
