import Foundation
import Testing

@Suite("Team: the server publishes what reviewers approve")
struct TeamSyncPublishTests {
    @Test func anApprovalPushedFromALaptopIsPublishedIntoTheWebRoot() throws {
        let team = try Team()
        let box = team.box
        // The published branch ships the hooks (committed before the server's check is installed).
        try box.shipPublishHooks()
        let install = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root)
        #expect(install.stdout.contains("post-receive"), "\(install.stdout) \(install.stderr)")

        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let approve = try box.clinicctl(
            ["review", "approve", "faq-do-you-take-insurance", "--no-publish"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")

        let main = try team.serverRef("refs/heads/main")
        let release = team.webRoot.appendingPathComponent("current")
        let folder = release.resolvingSymlinksInPath()
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        let texts = files.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        #expect(texts.contains { $0.contains("Do you take insurance?") }, "published: \(files)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: release.path).contains(main))
    }
}
