import Foundation
import Testing

/// Draft references and records that clinicctl did not write (issue 15, items 8-10).
@Suite("hardening: references and records")
struct HardeningRecordTests {
    static let draft = "faq-do-you-take-insurance"

    func sandboxWithDraft() throws -> Sandbox {
        let box = try Sandbox()
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]).status == 0)
        return box
    }

    @Test("a draft reference whose name imitates another (U+200B) is listed as invalid, never as a draft")
    func lookAlikeDraftID() throws {
        let box = try sandboxWithDraft()
        let tip = try box.gitOutput(["rev-parse", "drafts/\(Self.draft)"])
        #expect(try box.git(["update-ref", "refs/heads/drafts/\(Self.draft)\u{200B}", tip]).status == 0)
        let drafts = try box.clinicctl(["drafts"])
        #expect(drafts.status == 0, "\(drafts.stderr)")
        #expect(drafts.stdout.components(separatedBy: Self.draft).count == 2, "one row only: \(drafts.stdout)")
        #expect(drafts.stderr.contains("skipped") && drafts.stderr.contains("is not a draft id"), "\(drafts.stderr)")
        let json = try #require(try decodeJSON(try box.clinicctl(["drafts", "--json"])) as? [[String: Any]])
        #expect(json.map { $0["id"] as? String } == [Self.draft])
    }

    @Test("a draft reference pointing at a blob is reported once and skipped; the other drafts are listed")
    func draftReferenceToABlob() throws {
        let box = try sandboxWithDraft()
        let hashed = try Sandbox.execute(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "echo not a commit | git hash-object -w --stdin"], in: box.repo, environment: [:],
            stdin: nil)
        let id = hashed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // git refuses a branch at a blob; a hand-written reference file (or another tool) does not.
        let file = box.repo.appendingPathComponent(".git/refs/heads/drafts/blobby")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((id + "\n").utf8).write(to: file)
        let drafts = try box.clinicctl(["drafts"])
        #expect(drafts.status == 0, "\(drafts.stderr)")
        #expect(drafts.stdout.contains(Self.draft))
        #expect(drafts.stderr.components(separatedBy: "drafts/blobby").count == 2, "reported once: \(drafts.stderr)")
        let status = try box.clinicctl(["status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Open drafts: \(Self.draft)"))
    }

    @Test("a deployed reference set by hand is unverified; a real publish is up to date")
    func forgedDeployedRecord() throws {
        let box = try Sandbox()
        #expect(try box.git(["update-ref", "refs/clinicctl/deployed", "main"]).status == 0)
        let forged = try box.clinicctl(["status"])
        #expect(forged.stdout.contains("(unverified:"), "\(forged.stdout)")
        #expect(!forged.stdout.contains("up to date"))

        #expect(try box.git(["update-ref", "-d", "refs/clinicctl/deployed"]).status == 0)
        let publish = try box.clinicctl(["publish"])
        #expect(publish.status == 0, "\(publish.stderr)")
        let real = try box.clinicctl(["status"])
        #expect(real.stdout.contains("(up to date)"), "\(real.stdout)")
    }

    @Test("a rejection record written by someone who is not the reviewer it names shows as unverified")
    func forgedRejection() throws {
        let box = try sandboxWithDraft()
        let reject = try box.clinicctl(["review", "reject", Self.draft, "--reason", "Not now."], as: Sandbox.reviewer)
        #expect(reject.status == 0, "\(reject.stderr)")
        let real = try box.clinicctl(["drafts", "--all"])
        #expect(real.stdout.contains("rejected by \(Sandbox.reviewer):"), "\(real.stdout)")

        let ref = try box.rejectionRecord(of: Self.draft)
        let message = try box.gitOutput(["log", "-1", "--format=%B", ref])
        let forged = try box.gitOutput(
            [
                "-c", "user.name=Mallory", "-c", "user.email=mallory@evil.example", "commit-tree", "\(ref)^{tree}", "-p", "\(ref)^", "-m",
                message,
            ])
        #expect(try box.git(["update-ref", ref, forged]).status == 0)
        let shown = try box.clinicctl(["drafts", "--all"])
        #expect(shown.stdout.contains("rejected by \(Sandbox.reviewer) (unverified):"), "\(shown.stdout)")
    }
}
