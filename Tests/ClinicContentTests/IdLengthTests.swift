import ClinicContent
import Foundation
import Testing

@Suite("id length")
struct IdLengthTests {
    @Test("an id over 80 characters is refused for its length, not its letters")
    func longID() throws {
        let long = String(repeating: "a", count: 81)
        let (_, findings) = try validateRealContent { files in
            let old = "content/faq/what-is-dry-needling.md"
            var text = files.removeValue(forKey: old)!
            text = text.replacingOccurrences(of: "id: what-is-dry-needling", with: "id: \(long)")
            files["content/faq/\(long).md"] = text
        }
        let slug = try #require(findings.first { $0.rule == "id.slug" })
        #expect(slug.message.contains("81 characters long; ids are at most 80"))
        #expect(findings.errors.count == 1)
    }
}
