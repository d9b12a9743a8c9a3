internal import ClinicGit
import Foundation

extension ContentRepository {
    /// The `pre-receive` hook the server runs: clinicctl's own check (also shipped as hooks/pre-receive).
    /// Written from here, not from the repository, so that what is pushed cannot change the check.
    public static let preReceiveScript = """
        #!/bin/sh
        # Git hook for the clinic's shared bare repository: clinicctl's check of every
        # push, the trust boundary. The published branch only moves by approvals that
        # pass the rules; clinicctl's records are only added. Installed by
        # `clinicctl hooks install --server`, which writes the clinicctl it runs below
        # the first line (else clinicctl must be on the server's PATH).
        # Git's variables stay set: the pushed objects are only visible through them.
        exec "${CLINICCTL:-clinicctl}" hooks pre-receive

        """

    /// The Git config key naming the web root the server's deploy hook publishes into, read as
    /// `CLINIC_WEBROOT` when the hooks' environment does not set it.
    static let webRootKey = "clinicctl.webroot"

    /// `script` with the clinicctl it runs written in after its first (`#!`) line: `CLINICCTL`,
    /// which the shipped hooks run, and its folder first on `PATH`, for hooks that run `clinicctl`.
    static func baking(_ script: Data, clinicctl: URL?) -> Data {
        guard let clinicctl else { return script }
        let text = String(decoding: script, as: UTF8.self)
        let firstLine = text.firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
        let prelude = """
            # Written by `clinicctl hooks install`: the clinicctl this hook runs, whatever the server's PATH.
            CLINICCTL=\(shellQuoted(clinicctl.path)); export CLINICCTL
            PATH=\(shellQuoted(clinicctl.deletingLastPathComponent().path)):"$PATH"; export PATH

            """
        return Data((text[..<firstLine] + prelude + text[firstLine...]).utf8)
    }

    /// `text` in single quotes for sh.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func checkProgram(_ program: URL) throws {
        guard program.path.hasPrefix("/"), !program.path.contains("\n") else {
            throw WorkflowError(.usage, "--clinicctl takes the absolute path of the clinicctl the hooks run, not \(program.path)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: program.path, isDirectory: &isFolder), !isFolder.boolValue,
            FileManager.default.isExecutableFile(atPath: program.path)
        else {
            throw WorkflowError(.notFound, "there is no executable clinicctl at \(program.path); nothing was installed")
        }
    }

    static func checkWebRoot(_ webRoot: URL) throws {
        guard webRoot.path.hasPrefix("/"), !webRoot.path.contains("\n") else {
            throw WorkflowError(.usage, "--webroot takes the folder the web server serves (an absolute path), not \(webRoot.path)")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: webRoot.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw WorkflowError(.refused, "--webroot \(webRoot.path) is a file, not a folder; nothing was installed")
        }
    }
}

extension Server {

    /// `git config clinicctl.webroot` of this repository (its own config only); nil when unset.
    public var configuredWebRoot: String? {
        guard let value = try? repository.withGit({ try $0.localConfigString(ContentRepository.webRootKey) }), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// A shared server: writes `hooks/pre-receive` (the check) and, when the published branch
    /// ships one, `hooks/post-receive` (publishing). Returns the files written.
    ///
    /// `clinicctl` (an absolute path) is written into both hooks, so they run it whatever the
    /// PATH of the account Git runs them as; `webRoot` goes into `git config clinicctl.webroot`,
    /// which the publish reads when `CLINIC_WEBROOT` is unset. Both are checked before anything
    /// is written.
    public func installServerHooks(webRoot: URL? = nil, clinicctl: URL? = nil) throws -> [URL] {
        guard repository.isBare else {
            throw WorkflowError(.refused, "--server is for the shared bare repository on the server; this one has a working tree")
        }
        if let clinicctl { try ContentRepository.checkProgram(clinicctl) }
        if let webRoot { try ContentRepository.checkWebRoot(webRoot) }
        // The server trusts what it publishes now; each push is judged from its old tip.
        if let tip = try repository.withGit(reference: repository.publishedRef, { try $0.referenceTarget(repository.publishedRef) }) {
            try repository.withGit { try ContentRepository.recordTrustedStart(from: tip, in: $0) }
        }
        let target = repository.gitDirectory.appendingPathComponent("hooks/pre-receive")
        try writeHook(ContentRepository.baking(Data(ContentRepository.preReceiveScript.utf8), clinicctl: clinicctl), to: target)
        if let webRoot { try repository.withGit { try $0.setConfigString(ContentRepository.webRootKey, webRoot.path) } }
        guard case .postReceive(let file, _)? = try? repository.installPostReceive(clinicctl: clinicctl) else { return [target] }
        return [target, file]
    }

    /// Writes an executable hook file, shared like the repository.
    func writeHook(_ script: Data, to target: URL) throws {
        do {
            try repository.makeFolder(target.deletingLastPathComponent())
            try script.write(to: target, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target.path)
            repository.shareAlike(target)
        } catch {
            let folder = target.deletingLastPathComponent().path
            let advice =
                FileManager.default.isWritableFile(atPath: folder) ? "" : ". " + ContentRepository.sharingAdvice(forUnwritable: folder)
            throw WorkflowError(.repository, "cannot write \(target.path): \(error.localizedDescription)\(advice)")
        }
    }
}

extension ContentRepository {

    /// The folder `address` names when it is on this computer; nil for a server's address.
    public static func localFolder(ofAddress address: String) -> String? {
        Repository.localFolder(ofAddress: address)
    }
}

extension Server {
    /// The folder the remote `remote` is, when it is one on this computer (a path or `file://`):
    /// clinicctl writes into it directly, and no server hook runs there (no check, no publish).
    public func localServerFolder(remote: String = "origin") -> String? {
        guard let address = try? repository.withGit({ try $0.remoteURL(remote) }) else { return nil }
        return ContentRepository.localFolder(ofAddress: address)
    }
}
