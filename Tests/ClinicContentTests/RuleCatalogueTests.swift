import ClinicContent
import Foundation
import Testing

/// The one list of rules: unique, documented exactly, and each one tested.
@Suite("Rule catalogue")
struct RuleCatalogueTests {
    let all = RuleCatalogue.all

    @Test("no two rules share an id, and every id is found by its own id")
    func unique() {
        let ids = all.map(\.id)
        #expect(Set(ids).count == ids.count, "\(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(all.allSatisfy { RuleCatalogue.rule($0.id) == $0 })
        #expect(RuleCatalogue.rule("faq.translations.es.answer.required") == nil)
    }

    @Test("an id is lower-case dotted words and names no list index or locale")
    func idShape() {
        for rule in all {
            let parts = rule.id.split(separator: ".", omittingEmptySubsequences: false)
            #expect(
                parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } },
                "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.summary.contains("\n"), "\(rule.id)")
            #expect(!parts.contains("translations") || parts.count == 4, "\(rule.id) names a locale")
        }
    }

    /// `| `id` | severity | description |` rows of the `## Rules` section of docs/content-format.md.
    func documentedRules() throws -> [String] {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/content-format.md"), encoding: .utf8)
        let section = try #require(doc.range(of: "\n## Rules\n"))
        let rest = doc[section.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return rest[..<end].split(separator: "\n").filter { $0.hasPrefix("| `") }.map(String.init)
    }

    @Test("docs/content-format.md lists exactly the catalogue, in its order, with severity and description")
    func documented() throws {
        let expected = all.map { "| `\($0.id)` | \($0.severity.rawValue) | \($0.summary) |" }
        let documented = try documentedRules()
        #expect(documented == expected)
        #expect(Set(documented).symmetricDifference(expected).sorted() == [])
    }

    /// Every rule id appears in some rule test of this target (not this file), so each rule is proved by a test.
    @Test("every rule is exercised by a test")
    func everyRuleTested() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/ClinicContentTests")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix("Tests.swift") && $0 != "RuleCatalogueTests.swift" }
        let tests = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        let untested = all.map(\.id).filter { id in !tests.contains("[\(id)]") && !tests.contains("\"\(id)\"") }
        #expect(untested == [])
    }
}
