import Foundation
import Testing

@Suite("publish: deployed or only exported")
struct PublishCommandTests {
    /// Commits this project's shipped deploy hooks into the sandbox's repository, through git.
    func commitShippedHooks(_ box: Sandbox) throws {
        let folder = box.repo.appendingPathComponent("hooks/publish.d")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["10-webroot", "20-webhook"] {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("hooks/publish.d/\(name)"), to: target)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
        }
        try box.gitOutput(["add", "hooks"])
        try box.gitOutput(["-c", "user.name=Olivia Office", "-c", "user.email=office@clinic.example", "commit", "-qm", "Deploy hooks"])
    }

    @Test("every hook skipped: exported, not deployed; the record stays; status says so; a real deploy clears it")
    func everyHookSkipped() throws {
        let box = try Sandbox()
        try commitShippedHooks(box)
        let tip = try box.gitOutput(["rev-parse", "main"])
        let short = String(tip.prefix(7))
        let unset = ["CLINIC_WEBROOT": "", "CLINIC_WEBHOOK_URL": ""]

        let skipped = try box.clinicctl(["publish"], environment: unset)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("[10-webroot] skipped: CLINIC_WEBROOT is not set"))
        #expect(skipped.stdout.contains("Exported \(short), not deployed: every deploy hook skipped (10-webroot, 20-webhook)"))
        #expect(!skipped.stdout.contains("Deployed"), "\(skipped.stdout)")
        #expect(try box.git(["rev-parse", "--verify", "-q", "refs/clinicctl/deployed"]).status != 0)
        #expect(try box.gitOutput(["rev-parse", "refs/clinicctl/exported"]) == tip)

        let status = try box.clinicctl(["status"])
        #expect(status.stdout.contains("Deployed: never"), "\(status.stdout)")
        #expect(status.stdout.contains("Exported, not deployed: \(short)"), "\(status.stdout)")
        let json = try #require(try decodeJSON(try box.clinicctl(["status", "--json"])) as? [String: Any])
        #expect(json["exportedNotDeployed"] as? String == tip)

        let webroot = box.root.appendingPathComponent("www")
        let deployed = try box.clinicctl(["publish"], environment: ["CLINIC_WEBROOT": webroot.path, "CLINIC_WEBHOOK_URL": ""])
        #expect(deployed.status == 0, "\(deployed.stderr)")
        #expect(deployed.stdout.contains("Skipped: 20-webhook"))
        #expect(deployed.stdout.contains("Deployed \(short)"))
        #expect(try box.gitOutput(["rev-parse", "refs/clinicctl/deployed"]) == tip)
        let after = try box.clinicctl(["status"])
        #expect(after.stdout.contains("Deployed: \(short) (up to date)"), "\(after.stdout)")
        #expect(!after.stdout.contains("Exported, not deployed"))
    }
}
