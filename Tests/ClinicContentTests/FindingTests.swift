import ClinicContent
import Foundation
import Testing

/// How findings print, sort and decide whether a run fails.
@Suite("Findings")
struct FindingTests {
    static let error = Finding(
        .error, file: "content/faq/b.md", line: 2, column: 11, field: "question",
        rule: "faq.question.required", message: "question is empty")
    static let warning = Finding(
        .warning, file: "content/faq/a.md", line: 5, column: 11, field: "position",
        rule: "faq.position.duplicate", message: "position 10 is also used by b")
    var error: Finding { Self.error }
    var warning: Finding { Self.warning }

    @Test("compiler style is file:line:column: severity: message [rule]")
    func compilerStyle() {
        #expect(error.compilerStyle == "content/faq/b.md:2:11: error: question is empty [faq.question.required]")
        #expect(warning.compilerStyle == "content/faq/a.md:5:11: warning: position 10 is also used by b [faq.position.duplicate]")
    }

    @Test(
        "warnings fail a run only when strict",
        arguments: [
            ([Finding](), false, false), ([Self.warning], false, true),
            ([Self.error], true, true), ([Self.warning, Self.error], true, true),
        ])
    func fail(findings: [Finding], plain: Bool, strict: Bool) {
        #expect(findings.fail(strict: false) == plain)
        #expect(findings.fail(strict: true) == strict)
    }

    @Test("errors and warnings are split by severity")
    func split() {
        let all = [warning, error, warning]
        #expect(all.errors == [error])
        #expect(all.warnings == [warning, warning])
    }

    @Test("print order is file, line, column, then rule")
    func ordered() {
        let late = Finding(.error, file: "content/faq/b.md", line: 2, column: 11, rule: "text.control", message: "x")
        let early = Finding(.error, file: "content/faq/b.md", line: 1, column: 40, rule: "zz", message: "x")
        #expect([late, error, warning, early].ordered == [warning, early, error, late])
    }

    @Test("findings survive JSON unchanged")
    func codable() throws {
        let data = try JSONEncoder().encode([error, warning])
        #expect(try JSONDecoder().decode([Finding].self, from: data) == [error, warning])
        #expect(String(decoding: data, as: UTF8.self).contains("\"severity\":\"warning\""))
    }
}
