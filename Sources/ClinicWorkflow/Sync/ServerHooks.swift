import Foundation

extension ContentRepository {
    /// The `pre-receive` hook the server runs: clinicctl's own check (also shipped as hooks/pre-receive).
    /// Written from here, not from the repository, so that what is pushed cannot change the check.
    public static let preReceiveScript = """
        #!/bin/sh
        # Git hook for the clinic's shared bare repository: clinicctl's check of every
        # push, the trust boundary. The published branch only moves by approvals that
        # pass the rules; clinicctl's records are only added. Installed by
        # `clinicctl hooks install --server` (clinicctl must be on the server's PATH).
        # Git's variables stay set: the pushed objects are only visible through them.
        exec clinicctl hooks pre-receive

        """

    /// A shared server: writes `hooks/pre-receive` (the check) and, when the published branch
    /// ships one, `hooks/post-receive` (publishing). Returns the files written.
    public func installServerHooks() throws -> [URL] {
        guard isBare else {
            throw WorkflowError(.refused, "--server is for the shared bare repository on the server; this one has a working tree")
        }
        // The server trusts what it publishes now; each push is judged from its old tip.
        if let tip = try withGit(reference: publishedRef, { try $0.referenceTarget(publishedRef) }) {
            try withGit { try Self.recordTrustedStart(from: tip, in: $0) }
        }
        let target = gitDirectory.appendingPathComponent("hooks/pre-receive")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Self.preReceiveScript.utf8).write(to: target, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
        } catch {
            throw WorkflowError(.repository, "cannot write \(target.path): \(error.localizedDescription)")
        }
        guard case .postReceive(let file, _)? = try? installPostReceive() else { return [target] }
        return [target, file]
    }
}
