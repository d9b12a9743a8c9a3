import Foundation
import Testing

/// `reviewers add|remove` change the list through a draft, approved by another reviewer.
@Suite("reviewers add and remove")
struct ReviewersCommandTests {
    static let jason = "Jason Lee <jason@clinic.example>"

    @Test("adding a reviewer with a key is a settings draft that the added person cannot approve")
    func addThroughDraft() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        let jasonKey = try SignedSandbox.makeKey(in: signed.keys, name: "jason")
        let fingerprint = try SignedSandbox.fingerprint(jasonKey)
        let added = try box.clinicctl(["reviewers", "add", Self.jason, "--key", jasonKey + ".pub"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Opened draft reviewers: Reviewers: add \(Self.jason) with a key"), "\(added.stdout)")
        #expect(added.stdout.contains("signing key added for Jason Lee <jason@clinic.example>: \(fingerprint)"))
        // Nothing counts yet: the published list is unchanged.
        #expect(!(try box.show("main", "clinicctl.yaml")).contains("jason@"))

        let shown = try box.clinicctl(["review", "show", "reviewers"], as: Sandbox.reviewer)
        #expect(shown.stdout.contains("SETTINGS (clinicctl.yaml); approve only with --accept settings"), "\(shown.stdout)")
        #expect(shown.stdout.contains("reviewer added: \(Self.jason)"))
        #expect(shown.stdout.contains("signing key added for Jason Lee <jason@clinic.example>: \(fingerprint)"))

        let before = try box.snapshot()
        // Jason, with the key the draft lists for him, is nobody yet.
        let byJason = try box.clinicctl(
            ["review", "approve", "reviewers", "--accept", "settings", "--signing-key", jasonKey], as: Self.jason)
        #expect(byJason.status == 1)
        #expect(byJason.stderr.contains("is not a reviewer"), "\(byJason.stderr)")
        // Rita must say yes to the settings.
        let unaccepted = try box.clinicctl(["review", "approve", "reviewers", "--signing-key", signed.rita], as: Sandbox.reviewer)
        #expect(unaccepted.status == 1)
        #expect(unaccepted.stderr.contains("--accept settings"), "\(unaccepted.stderr)")
        #expect(try box.snapshot() == before)

        let approved = try box.clinicctl(
            ["review", "approve", "reviewers", "--accept", "settings", "--no-publish", "--signing-key", signed.rita],
            as: Sandbox.reviewer)
        #expect(approved.status == 0, "\(approved.stderr)")
        let list = try box.clinicctl(["reviewers", "list"])
        #expect(list.stdout.contains(Self.jason))
        #expect(list.stdout.contains(fingerprint))
        // From now on Jason approves, signed with his key.
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."]).status == 0)
        let next = try box.clinicctl(
            ["review", "approve", "faq-what-is-dry-needling", "--no-publish", "--signing-key", jasonKey], as: Self.jason)
        #expect(next.status == 0, "\(next.stderr)")
        let verify = try box.clinicctl(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("ok   good \(fingerprint): approved by \(Self.jason)"), "\(verify.stdout)")
    }

    @Test("a key added in the draft being approved grants nothing to its approval")
    func keyInDraftGrantsNothing() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        // Sam, a reviewer without a key, has the office manager list one for him.
        #expect(try box.clinicctl(["reviewers", "add", Sandbox.secondReviewer, "--key", signed.sam + ".pub"]).status == 0)
        let before = try box.snapshot()
        let bySam = try box.clinicctl(
            ["review", "approve", "reviewers", "--accept", "settings", "--signing-key", signed.sam], as: Sandbox.secondReviewer)
        #expect(bySam.status == 1)
        #expect(bySam.stderr.contains("not listed for any reviewer"), "\(bySam.stderr)")
        #expect(try box.snapshot() == before)
    }

    @Test("a reviewer adding their own key needs another reviewer")
    func ownKeyNeedsAnotherReviewer() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        let newKey = try SignedSandbox.makeKey(in: signed.keys, name: "rita-laptop")
        let added = try box.clinicctl(["reviewers", "add", Sandbox.reviewer, "--key", newKey + ".pub"], as: Sandbox.reviewer)
        #expect(added.status == 0, "\(added.stderr)")
        let own = try box.clinicctl(
            ["review", "approve", "reviewers", "--accept", "settings", "--signing-key", signed.rita], as: Sandbox.reviewer)
        #expect(own.status == 1)
        #expect(own.stderr.contains("another reviewer must approve it"), "\(own.stderr)")
    }

    @Test("remove takes a reviewer or one key off; nonsense is refused and changes nothing")
    func remove() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        let removed = try box.clinicctl(["reviewers", "remove", Sandbox.reviewer, "--key", signed.rita + ".pub", "--json"])
        #expect(removed.status == 0, "\(removed.stderr)")
        let draft = try #require((try decodeJSON(removed) as? [String: Any])?["draft"] as? String)
        let yaml = try box.show("drafts/\(draft)", "clinicctl.yaml")
        #expect(yaml.contains("rita@clinic.example"))
        #expect(!yaml.contains("ssh-ed25519"))
        let sam = try box.clinicctl(["reviewers", "remove", Sandbox.secondReviewer, "--draft", draft])
        #expect(sam.status == 0, "\(sam.stderr)")
        #expect(!(try box.show("drafts/\(draft)", "clinicctl.yaml")).contains("sam@"))

        let before = try box.snapshot()
        let last = try box.clinicctl(["reviewers", "remove", Sandbox.reviewer, "--draft", draft])
        #expect(last.status == 1)
        #expect(last.stderr.contains("nobody to approve"), "\(last.stderr)")
        let nobody = try box.clinicctl(["reviewers", "remove", "Nobody <nobody@clinic.example>"])
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("is not a reviewer"))
        let privateKey = try box.clinicctl(["reviewers", "add", ReviewersCommandTests.jason, "--key", signed.sam])
        #expect(privateKey.status == 1)
        #expect(privateKey.stderr.contains("this is a private key; give its .pub file"), "\(privateKey.stderr)")
        let again = try box.clinicctl(["reviewers", "add", Sandbox.reviewer])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already a reviewer"))
        #expect(try box.snapshot() == before)
    }
}
