import ClinicContent
import Foundation
import Testing

/// `text.control`: no text of the content holds control characters or bidirectional
/// overrides, whichever field it is in; answers may hold line breaks and tabs.
@Suite("Control characters in every text")
struct ControlCharacterRuleTests {
    /// Invisible characters, written as YAML escapes: C0, DEL, C1, BOM, bidi embeddings, overrides and isolates.
    static let escapes = [
        #"\u0007"#, #"\u001B"#, #"\u007F"#, #"\u0085"#, #"\u009B"#, #"\uFEFF"#, #"\u202A"#, #"\u202E"#, #"\u2066"#, #"\u2069"#,
    ]

    /// Fields of every kind of file: `old` becomes `new` with X replaced by `"x<escape>y"`; the finding's line and column.
    static let fields: [(String, String, String, String)] = [
        (RealFile.clinic, "legalName: Jason The PT, LLC", "legalName: X", "2:12"),
        (RealFile.clinic, "  holder: Jason The PT, LLC", "  holder: X", "10:11"),
        (RealFile.clinic, "[Physiotherapy, MedicalClinic]", "[Physiotherapy, X]", "12:32"),
        (RealFile.glenview, "  state: IL", "  state: X", "7:10"),
        (RealFile.glenview, "    - 1940 Lehigh Ave", "    - X", "5:7"),
        (RealFile.social, "    handle: jasonthept\n  - network: x", "    handle: X\n  - network: x", "4:13"),
        (RealFile.categories, "    title: Trigger Point Dry Needling", "    title: X", "3:12"),
        (RealFile.painful, "position: 50", "position: 50\ntags: [X]", "6:8"),
    ]

    @Test("every text field refuses every invisible character", arguments: escapes)
    func everyField(escape: String) throws {
        for (path, old, new, at) in Self.fields {
            let value = new.replacingOccurrences(of: "X", with: "\"x\(escape)y\"")
            let (_, all) = try validateRealContent { replace(&$0, path, old, value) }
            let control = all.filter { $0.rule == "text.control" }
            #expect(control.map(\.summary) == ["\(path):\(at): error [text.control]"], "\(path) \(old) \(escape): \(all.map(\.summary))")
        }
    }

    @Test("a translated answer may hold line breaks and tabs; a translated question may not")
    func multiline() throws {
        let painful = RealFile.painful
        let answer = try validateRealContent {
            replace(
                &$0, painful, "position: 50\n",
                "position: 50\ntranslations:\n  es:\n    question: ¿Duele?\n    answer: \"Uno\\n\\n\\tDos\"\n")
        }.1
        #expect(answer.map(\.summary) == [])
        let question = try validateRealContent {
            replace(
                &$0, painful, "position: 50\n", "position: 50\ntranslations:\n  es:\n    question: \"¿Duele\\u202E?\"\n    answer: Sí\n")
        }.1
        #expect(question.map(\.summary) == ["\(painful):8:15: error [text.control]"])
        #expect(question.first?.message.contains("U+202E") == true)
    }

    @Test("a bidi override in a localized label names the locale")
    func localizedLabel() throws {
        let glenview = RealFile.glenview
        let all = try validateRealContent { replace(&$0, glenview, "label: Glenview", "label:\n  en: Glenview\n  es: \"Glen\\u2067view\"") }
            .1
        #expect(all.map(\.summary) == ["\(glenview):4:7: error [text.control]"])
        #expect(all.first?.locale == "es")
    }
}
