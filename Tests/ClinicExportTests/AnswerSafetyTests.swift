import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// Validation refuses these answers; here the model is fed directly, past
/// validation, to show the renderer's safe mode stops them on its own.
@Suite struct AnswerSafetyTests {
    static let attacks = [
        "Hi <script>alert(1)</script> there",
        "<script>\nalert(1)\n</script>\n",
        "<img src=x onerror=alert(1)>",
        "Click [here](javascript:alert(1))",
        "Click [here](JAVASCRIPT:alert(1))",
        "![x](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "<div onclick=\"alert(1)\">raw block</div>\n",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
    ]

    @Test(arguments: attacks)
    func unsafeMarkupNeverReachesTheHTML(_ answer: String) throws {
        var content = richContent()
        content.faq[0].answer = LocalizedText(["en": answer, "es": answer])
        let files = BundleExporter().files(for: content, source: fixedSource)
        for name in ["bundle.json", "bundle.es.json", "clinic.jsonld"] {
            let data = try #require(files[name])
            let decoded = try #require(String(data: data, encoding: .utf8))
            // The escaped form is what a page embeds; decode the JSON strings to see what a browser would get.
            let strings = try allStrings(JSONSerialization.jsonObject(with: data))
            let html = strings.filter { $0.contains("<p>") || $0.contains("<!--") }
            for fragment in html {
                let lower = fragment.lowercased()
                #expect(!lower.contains("<script"), "\(name): \(fragment)")
                #expect(!lower.contains("onerror"), "\(name): \(fragment)")
                #expect(!lower.contains("onclick"), "\(name): \(fragment)")
                #expect(!lower.contains("javascript:"), "\(name): \(fragment)")
                #expect(!lower.contains("data:text"), "\(name): \(fragment)")
                #expect(!lower.contains("<iframe"), "\(name): \(fragment)")
                #expect(!lower.contains("<img src=\"x"), "\(name): \(fragment)")
            }
            #expect(!decoded.contains("<"), "\(name) escapes < everywhere")
        }
    }

    @Test func safeModeKeepsOrdinaryMarkdown() {
        #expect(
            AnswerRenderer.html("A [link](https://x.example) and `code`.")
                == "<p>A <a href=\"https://x.example\">link</a> and <code>code</code>.</p>\n")
        #expect(AnswerRenderer.html("Hi <b>there</b>") == "<p>Hi <!-- raw HTML omitted -->there<!-- raw HTML omitted --></p>\n")
        #expect(AnswerRenderer.html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
        #expect(AnswerRenderer.plainText("1. one\n2. *two*\n\nSee <b>this</b>  \nnow") == "1. one\n2. two\n\nSee this\nnow")
    }

    func allStrings(_ value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.flatMap(allStrings)
        case let object as [String: Any]: object.values.flatMap(allStrings)
        default: []
        }
    }
}
