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

    @Flag(help: "Print the rules as JSON: a list of {id, severity, description}.")
    var json = false

    func run() throws {
        let rules = RuleCatalogue.all
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rules), as: UTF8.self))
            return
        }
        let idWidth = rules.map(\.id.count).max() ?? 0
        for rule in rules {
            let id = rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            print("\(id)  \(severity)  \(rule.summary)")
        }
    }
}
