import Foundation
import Testing

@testable import ClinicContent

/// Sizes are checked before parsing: hostile input is refused by its bytes (issue 15, item 7).
@Suite struct ContentLimitTests {
    /// `![[]()` repeated: cmark's time grows faster than the input on it.
    static let brackets = String(repeating: "![[]()", count: 100_000)

    @Test("a 600 KB answer of `![[]()` is refused by file.size, and no answer rule (cmark) looks at it")
    func oversizedFileIsNotParsed() throws {
        let findings = try validateRealContent { files in
            files["content/faq/brackets.md"] = Data("---\nid: brackets\nquestion: Why?\nposition: 99\n---\n\(Self.brackets)\n".utf8)
        }
        let about = findings.filter { $0.file == "content/faq/brackets.md" }
        #expect(about.map(\.rule) == ["file.size"])
    }

    @Test("cmark is never run on Markdown over the limit")
    func markdownOverTheLimitIsNotParsed() {
        let long = String(Self.brackets.prefix(ContentLimits.markdownBytes + 6))
        #expect(!AnswerMarkdown.isWithinLimit(long))
        #expect(AnswerMarkdown.problems(in: long).isEmpty && AnswerMarkdown.html(long).isEmpty)
        #expect(AnswerMarkdown.isWithinLimit("Yes."))
    }
}
