import Foundation
import Testing

extension Sandbox {
    /// Commits the shipped hooks at `paths` (default `hooks/post-receive` and `hooks/publish.d/10-webroot`)
    /// onto the bare repository's published branch with plain Git (before any server check is installed).
    func shipPublishHooks(_ paths: [String] = ["hooks/post-receive", "hooks/publish.d/10-webroot"]) throws {
        let setup = root.appendingPathComponent("setup")
        #expect(try git(["clone", "-q", repo.path, setup.path], in: root).status == 0)
        for path in paths {
            let target = setup.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(path), to: target)
        }
        #expect(try git(["add", "hooks"], in: setup).status == 0)
        #expect(try git(["-c", "user.name=O", "-c", "user.email=o@x.example", "commit", "-qm", "Ship hooks"], in: setup).status == 0)
        #expect(try git(["push", "-q", "origin", "main"], in: setup).status == 0)
    }
}
