import Foundation
import Testing

/// Keys held by ssh-agent and passphrase-protected keys: signing goes through `ssh-keygen -Y sign`.
@Suite("signed approvals with ssh-agent and passphrases")
struct SigningAgentTests {
    private func draft(_ box: Sandbox) throws -> String {
        let run = try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle.", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require((try decodeJSON(run) as? [String: Any])?["draft"] as? String)
    }

    @Test("a passphrase key in the test's own agent signs, given only its public key file")
    func agentSigns() throws {
        let signed = try SignedSandbox(ritaPassphrase: "correct horse")
        let box = signed.box
        let id = try draft(box)
        let agent = try TestSSHAgent()
        defer { agent.stop() }
        try agent.add(signed.rita, passphrase: "correct horse")
        // Only the public half is left on disk: whatever signs must be the agent.
        try FileManager.default.removeItem(atPath: signed.rita)
        let run = try box.clinicctl(
            ["review", "approve", id, "--no-publish", "--signing-key", signed.rita + ".pub"], as: Sandbox.reviewer,
            environment: ["SSH_AUTH_SOCK": agent.socket])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try signed.gitVerifies("main", allowedSigners: try signed.allowedSigners()))
        let verify = try box.clinicctl(["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("ok   good \(try SignedSandbox.fingerprint(signed.rita))"), "\(verify.stdout)")
    }

    @Test("a passphrase key with no agent and no passphrase to give: refused, saying why, nothing published")
    func passphraseWithoutAgentIsRefused() throws {
        let signed = try SignedSandbox(ritaPassphrase: "correct horse")
        let box = signed.box
        let id = try draft(box)
        let before = try box.snapshot()
        // No agent, and an askpass that gives nothing: ssh-keygen cannot unlock the key.
        let run = try box.clinicctl(
            ["review", "approve", id, "--signing-key", signed.rita], as: Sandbox.reviewer,
            environment: ["SSH_AUTH_SOCK": "", "SSH_ASKPASS": "/bin/false", "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("could not sign with the key from --signing-key"), "\(run.stderr)")
        #expect(run.stderr.contains("ssh-add -l"))
        #expect(try box.snapshot() == before)
    }
}
