import Foundation
import Testing

/// Signed approvals through the built binary, with plain Git as the witness.
@Suite("signed approvals: clinicctl verify, signing keys, init")
struct SignedApprovalCommandTests {
    /// Olivia's draft of one FAQ answer; its id.
    private func draft(_ box: Sandbox, answer: String = "A thin needle.") throws -> String {
        let run = try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", answer, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require((try decodeJSON(run) as? [String: Any])?["draft"] as? String)
    }

    @Test("init with a reviewer key requires signatures; without, it does not")
    func initWithReviewerKey() throws {
        let signed = try SignedSandbox()
        let yaml = try signed.box.show("main", "clinicctl.yaml")
        #expect(yaml.contains("requireSignedApprovals: true"))
        #expect(yaml.contains(try String(contentsOfFile: signed.rita + ".pub", encoding: .utf8).split(separator: " ")[1]))
        let list = try signed.box.clinicctl(["reviewers", "list"])
        #expect(list.stdout.contains("Signed approvals required."), "\(list.stdout)")
        #expect(list.stdout.contains(try SignedSandbox.fingerprint(signed.rita)))
        let plain = try Sandbox()
        #expect(!(try plain.show("main", "clinicctl.yaml")).contains("requireSignedApprovals"))
        #expect(try plain.clinicctl(["reviewers", "list"]).stdout.contains("Signed approvals not required."))
    }

    @Test("approve refuses without a key, saying what to configure, and changes nothing")
    func refusesWithoutKey() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        let id = try draft(box)
        let before = try box.snapshot()
        let run = try box.clinicctl(["review", "approve", id], as: Sandbox.reviewer, environment: ["CLINICCTL_SIGNING_KEY": ""])
        #expect(run.status == 1)
        for words in ["requireSignedApprovals", "--signing-key", "CLINICCTL_SIGNING_KEY", "user.signingKey", "gpg.format ssh"] {
            #expect(run.stderr.contains(words), "\(words) in \(run.stderr)")
        }
        #expect(try box.snapshot() == before)
        // A key that is not listed for Rita is refused too, before anything is published.
        let stranger = try box.clinicctl(["review", "approve", id, "--signing-key", signed.stranger], as: Sandbox.reviewer)
        #expect(stranger.status == 1)
        #expect(stranger.stderr.contains("nothing was published"), "\(stranger.stderr)")
        #expect(try box.snapshot() == before)
    }

    @Test("each way of naming the key signs an approval Git itself verifies")
    func keySources() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        let allowed = try signed.allowedSigners()
        let fingerprint = try SignedSandbox.fingerprint(signed.rita)
        let ways: [(arguments: [String], environment: [String: String], gitConfig: Bool)] = [
            (["--signing-key", signed.rita], [:], false),
            ([], ["CLINICCTL_SIGNING_KEY": signed.rita], false),
            ([], ["CLINICCTL_SIGNING_KEY": ""], true),
        ]
        for (index, way) in ways.enumerated() {
            if way.gitConfig {
                try box.gitOutput(["config", "gpg.format", "ssh"])
                try box.gitOutput(["config", "user.signingKey", signed.rita])
            }
            let id = try draft(box, answer: "A thin needle, take \(index).")
            let run = try box.clinicctl(
                ["review", "approve", id, "--no-publish"] + way.arguments, as: Sandbox.reviewer, environment: way.environment)
            #expect(run.status == 0, "way \(index): \(run.stderr)")
            #expect(try signed.gitVerifies("main", allowedSigners: allowed), "way \(index)")
            let shown = try box.git(["-c", "gpg.ssh.allowedSignersFile=\(allowed)", "log", "--show-signature", "-1", "main"])
            #expect(shown.stdout.contains("Good \"git\" signature for rita@clinic.example"), "\(shown.stdout)")
            #expect(shown.stdout.contains(fingerprint))
        }
        let verify = try box.clinicctl(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.components(separatedBy: "ok   good \(fingerprint)").count == 4, "\(verify.stdout)")
    }

    @Test("verify: each verdict in text and JSON, with its exit status, and git verify-commit agrees")
    func verdicts() throws {
        let signed = try SignedSandbox()
        let box = signed.box
        let allowed = try signed.allowedSigners()
        let id = try draft(box)
        #expect(
            try box.clinicctl(["review", "approve", id, "--no-publish", "--signing-key", signed.rita], as: Sandbox.reviewer).status == 0)
        let good = try box.gitOutput(["rev-parse", "main"])
        let (tree, before, drafted) = (
            try box.gitOutput(["rev-parse", "main^{tree}"]), try box.gitOutput(["rev-parse", "main^1"]),
            try box.gitOutput(["rev-parse", "main^2"])
        )
        let message = try box.gitOutput(["log", "-1", "--format=%B", "main"])
        // Rita's own draft on top, for a self-approval.
        let own = try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00", "--json"], as: Sandbox.reviewer)
        #expect(own.status == 0, "\(own.stderr)")
        let ritasTip = try box.gitOutput(["rev-parse", "drafts/hours-the-loop"])
        // One byte changed after signing: the signature no longer covers the commit.
        let raw = try box.git(["cat-file", "commit", good]).stdout
        #expect(raw.contains("Approve draft"))
        let rawFile = signed.keys.appendingPathComponent("altered")
        try Data(raw.replacingOccurrences(of: "Approve draft", with: "Approve Draft").utf8).write(to: rawFile)

        let cases: [(verdict: String, commit: String, gitAgrees: Bool)] = [
            ("good", good, true),
            ("unsigned", try signed.forge(tree: tree, parents: [before, drafted], message: message), false),
            ("unknown-key", try signed.forge(tree: tree, parents: [before, drafted], message: message, key: signed.stranger), false),
            (
                "not-a-reviewer",
                try signed.forge(
                    tree: tree, parents: [before, drafted],
                    message: message.replacingOccurrences(of: Sandbox.reviewer, with: Sandbox.secondReviewer),
                    committer: ("Sam Second", "sam@clinic.example"), key: signed.rita), true
            ),
            (
                "self-approval",
                try signed.forge(
                    tree: try box.gitOutput(["rev-parse", "\(ritasTip)^{tree}"]), parents: [good, ritasTip],
                    message: message.replacingOccurrences(of: drafted, with: ritasTip), key: signed.rita), true
            ),
            ("bad", try box.gitOutput(["hash-object", "-t", "commit", "-w", rawFile.path]), false),
        ]
        for (verdict, commit, gitAgrees) in cases {
            #expect(try signed.gitVerifies(commit, allowedSigners: allowed) == gitAgrees, "git on \(verdict)")
            let text = try box.clinicctl(["verify", commit])
            let first = text.stdout.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix(String(commit.prefix(7))), "\(text.stdout)")
            #expect(first.contains(verdict == "good" ? "ok   good" : "FAIL \(verdict)"), "\(verdict): \(text.stdout)")
            #expect(first.contains("approved by"))
            #expect(text.status == (verdict == "good" ? 0 : 1), "\(verdict): \(text.stdout)")
            let json = try box.clinicctl(["verify", commit, "--json"])
            #expect(json.status == text.status)
            let checks = try #require(try decodeJSON(json) as? [[String: Any]])
            let check = try #require(checks.first { ($0["commit"] as? String) == commit })
            #expect(check["verdict"] as? String == verdict, "\(json.stdout)")
            #expect(check["passes"] as? Bool == (verdict == "good"))
            #expect(check["required"] as? Bool == true)
            if verdict != "unsigned" && verdict != "bad" {
                let key = verdict == "unknown-key" ? signed.stranger : signed.rita
                #expect(check["fingerprint"] as? String == (try SignedSandbox.fingerprint(key)))
            }
        }
        // A good approval followed by an unsigned one (Sam's, of Rita's draft): the history fails, and says how many.
        let chain = try signed.forge(
            tree: try box.gitOutput(["rev-parse", "\(ritasTip)^{tree}"]), parents: [good, ritasTip],
            message: message.replacingOccurrences(of: drafted, with: ritasTip).replacingOccurrences(
                of: Sandbox.reviewer, with: Sandbox.secondReviewer),
            committer: ("Sam Second", "sam@clinic.example"))
        let history = try box.clinicctl(["verify", chain])
        #expect(history.status == 1)
        #expect(history.stdout.contains("1 of 2 approvals fail."), "\(history.stdout)")
    }
}
