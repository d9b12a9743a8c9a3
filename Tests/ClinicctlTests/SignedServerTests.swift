import ClinicTestSupport
import Foundation
import Testing

/// A server requiring signed approvals, over git daemon: plain Git cannot forge one.
@Suite("Team: the server requires signed approvals")
struct SignedServerTests {
    @Test func forgedApprovalsAreRefusedAndTheSignedOneAccepted() throws {
        let signed = try SignedSandbox(bare: true)
        let box = signed.box
        let server = try teamGitServer(serving: box.root, environment: ["CLINIC_WEBROOT": box.root.appendingPathComponent("webroot").path])
        defer { server.stop() }
        let install = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root)
        #expect(install.status == 0, "\(install.stderr)")
        func clone(_ name: String, as person: String) throws -> URL {
            let folder = box.root.appendingPathComponent(name)
            let run = try box.clinicctl(["clone", server.url("repo"), folder.path], as: person, in: box.root)
            #expect(run.status == 0, "clone: \(run.stderr)")
            return folder
        }
        let office = try clone("office", as: Sandbox.manager)
        #expect(
            try box.clinicctl(["faq", "edit", "what-is-dry-needling", "--answer", "A thin needle."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let laptop = try clone("laptop", as: Sandbox.reviewer)
        let approve = try box.clinicctl(
            ["review", "approve", "faq-what-is-dry-needling", "--local", "--no-publish", "--signing-key", signed.rita],
            as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        func output(_ arguments: [String]) throws -> String {
            try box.git(arguments, in: laptop).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (tree, first, second, message) = (
            try output(["rev-parse", "main^{tree}"]), try output(["rev-parse", "main^1"]), try output(["rev-parse", "main^2"]),
            try output(["log", "-1", "--format=%B", "main"])
        )
        let before = try box.gitOutput(["rev-parse", "main"])
        // The same merge made with plain Git: unsigned, then signed with a key listed for nobody.
        for (key, verdict) in [(nil, "unsigned"), (signed.stranger, "unknown-key")] as [(String?, String)] {
            let forged = try signed.forge(tree: tree, parents: [first, second], message: message, key: key, in: laptop)
            let pushed = try box.git(["push", "origin", "\(forged):refs/heads/main"], in: laptop)
            #expect(pushed.status != 0)
            #expect(pushed.stderr.contains("its signature does not prove the approval (\(verdict))"), "\(pushed.stderr)")
            #expect(try box.gitOutput(["rev-parse", "main"]) == before)
        }
        // Rita's signed approval goes through.
        let sent = try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop)
        #expect(sent.status == 0, "\(sent.stdout) \(sent.stderr)")
        #expect(try box.gitOutput(["rev-parse", "main"]) == output(["rev-parse", "main"]))
        #expect(try signed.gitVerifies("main", allowedSigners: try signed.allowedSigners(in: laptop)))
    }
}
