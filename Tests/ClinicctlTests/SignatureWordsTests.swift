import Foundation
import Testing

/// `history` and `status` say whether each approval is signed, with the same verdict as `verify`.
@Suite("history and status show approvals' signatures")
struct SignatureWordsTests {
    private func approve(_ box: Sandbox, _ extra: [String]) throws {
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."]).status == 0)
        let run = try box.clinicctl(["review", "approve", "faq-what-is-dry-needling", "--no-publish"] + extra, as: Sandbox.reviewer)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("a signed approval: signed, with the key's fingerprint, in text and JSON")
    func signed() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        try approve(box, ["--signing-key", signed.rita])
        let fingerprint = try SignedSandbox.fingerprint(signed.rita)
        let words = "approved by Rita Reviewer (signed, \(fingerprint))"
        let history = try box.clinicctl(["history"])
        #expect(history.stdout.contains(words), "\(history.stdout)")
        let status = try box.clinicctl(["status"])
        #expect(status.stdout.contains(words), "\(status.stdout)")

        let historyJSON = try #require(try decodeJSON(try box.clinicctl(["history", "--json"])) as? [[String: Any]])
        let signature = try #require(historyJSON.first?["signature"] as? [String: Any])
        #expect(signature["verdict"] as? String == "good")
        #expect(signature["fingerprint"] as? String == fingerprint)
        let statusJSON = try #require(try decodeJSON(try box.clinicctl(["status", "--json"])) as? [String: Any])
        let approval = try #require(statusJSON["publishedApproval"] as? [String: Any])
        #expect(approval["verdict"] as? String == "good")
        #expect(approval["fingerprint"] as? String == fingerprint)
    }

    @Test("an unsigned approval says unsigned; the first commit says nothing about signatures")
    func unsigned() throws {
        let box = try Sandbox()
        #expect(!(try box.clinicctl(["status"])).stdout.contains("approved by"))
        try approve(box, [])
        let history = try box.clinicctl(["history"])
        #expect(history.stdout.contains("approved by Rita Reviewer (unsigned)"), "\(history.stdout)")
        #expect(try box.clinicctl(["status"]).stdout.contains("approved by Rita Reviewer (unsigned)"))
        let historyJSON = try #require(try decodeJSON(try box.clinicctl(["history", "--json"])) as? [[String: Any]])
        #expect((historyJSON.first?["signature"] as? [String: Any])?["verdict"] as? String == "unsigned")
        #expect(historyJSON.last?["signature"] == nil)
    }
}

@Suite("review show tells which draft commits are signed")
struct DraftCommitSignatureTests {
    @Test("an unsigned edit and a signed one, in text and JSON")
    func signedAndUnsignedEdits() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."]).status == 0)
        let draft = "faq-what-is-dry-needling"
        let tip = try box.gitOutput(["rev-parse", "drafts/\(draft)"])
        // Rita adds a signed commit to the draft with plain Git.
        let added = try signed.forge(
            tree: try box.gitOutput(["rev-parse", "\(tip)^{tree}"]), parents: [tip], message: "Checked the wording", key: signed.rita)
        try box.gitOutput(["update-ref", "refs/heads/drafts/\(draft)", added, tip])
        let fingerprint = try SignedSandbox.fingerprint(signed.rita)
        let shown = try box.clinicctl(["review", "show", draft], as: Sandbox.secondReviewer)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("(unsigned)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Checked the wording (signed by Rita Reviewer (\(fingerprint)))"), "\(shown.stdout)")
        let json = try #require(try decodeJSON(try box.clinicctl(["review", "show", draft, "--json"])) as? [String: Any])
        let signatures = try #require(json["signatures"] as? [[String: Any]])
        #expect(signatures.map { $0["signed"] as? Bool } == [false, true])
        #expect((signatures.last?["signer"] as? [String: Any])?["email"] as? String == "rita@clinic.example")
        #expect(signatures.last?["fingerprint"] as? String == fingerprint)
    }

    @Test("with Git's commit.gpgSign on, clinicctl signs the edit itself, and Git verifies it")
    func editsSignedWhenGitSaysSo() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        try box.gitOutput(["config", "gpg.format", "ssh"])
        try box.gitOutput(["config", "user.signingKey", signed.rita])
        // Without commit.gpgSign the key alone signs no edit.
        #expect(try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."]).status == 0)
        #expect(!(try signed.gitVerifies("drafts/faq-what-is-dry-needling", allowedSigners: try signed.allowedSigners())))
        try box.gitOutput(["config", "commit.gpgSign", "true"])
        let edit = try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00"], as: Sandbox.reviewer)
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(try signed.gitVerifies("drafts/hours-the-loop", allowedSigners: try signed.allowedSigners()))
        let shown = try box.clinicctl(["review", "show", "hours-the-loop"], as: Sandbox.secondReviewer)
        #expect(shown.stdout.contains("(signed by Rita Reviewer (\(try SignedSandbox.fingerprint(signed.rita))))"), "\(shown.stdout)")
    }
}
