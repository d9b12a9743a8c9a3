import ClinicWorkflow
import Testing

/// A draft's id owns the branch-name check and its reference.
@Suite("draft ids")
struct DraftIDTests {
    @Test(arguments: ["hours-glenview", "faq-what-is-dry-needling", "Parking_Lot", "a"])
    func branchNames(_ text: String) {
        #expect(DraftID(text).isReferenceName)
        #expect(DraftID(text).reference == "refs/heads/drafts/" + text)
    }

    @Test(arguments: [
        "", "../../HEAD", "/abs", "trailing/", ".hidden", "x.lock", "a b", "a\u{7}b", "a:b", "a?b", "a*b", "a[b", "a~b", "a^b", "a@{1}",
        "a\\b",
    ])
    func notBranchNames(_ text: String) {
        #expect(!DraftID(text).isReferenceName)
    }

    @Test func canonicalNames() {
        #expect(DraftID("hours-glenview").isCanonical)
        #expect(!DraftID("Hours-Glenview").isCanonical)
        #expect(!DraftID("").isCanonical)
        #expect(DraftID(String(repeating: "a", count: DraftID.maximumLength)).isCanonical)
        #expect(!DraftID(String(repeating: "a", count: DraftID.maximumLength + 1)).isCanonical)
    }
}
