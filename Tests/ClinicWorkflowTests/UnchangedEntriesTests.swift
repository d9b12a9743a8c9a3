import ClinicContent
import Foundation
import Testing

@testable import ClinicWorkflow

/// Leaving unchanged FAQ entries out before writing files to compare finds exactly the files a full comparison finds.
@Suite struct UnchangedEntriesTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The paths whose canonical text differs between `old` and `new`.
    func changedPaths(_ old: SiteContent, _ new: SiteContent) -> [String] {
        let layout = ContentLayout()
        let a = CanonicalWriter(layout: layout, defaultLocale: old.clinic.defaultLocale).files(for: old)
        let b = CanonicalWriter(layout: layout, defaultLocale: new.clinic.defaultLocale).files(for: new)
        return Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @Test(arguments: ["one question", "a duplicate id", "the default locale", "a removal", "nothing"])
    func onlyUnchangedEntriesAreLeftOut(edit: String) throws {
        let old = try ContentLoader().load(from: FolderSource(root: Self.repositoryRoot)).content
        var new = old
        switch edit {
        case "one question": new.faq[2].question.set("Changed?", locale: "en")
        case "a duplicate id":
            // Two entries with one id write one file: the later one wins, so neither may be left out.
            var twin = new.faq[0]
            twin.position += 1
            new.faq.append(twin)
        case "the default locale": new.clinic.defaultLocale = "es"
        case "a removal": new.faq.remove(at: 1)
        default: break
        }
        let (leanOld, leanNew) = SiteContent.withoutUnchangedFAQ(old, new)
        #expect(changedPaths(leanOld, leanNew) == changedPaths(old, new))
        #expect(leanNew.faq.count < new.faq.count || edit == "the default locale")
    }
}
