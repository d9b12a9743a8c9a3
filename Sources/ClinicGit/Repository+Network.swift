import CLibGit2
import Foundation

extension Repository {
    /// The names of the configured remotes ("origin"), sorted.
    public func remoteNames() throws -> [String] {
        var names = git_strarray()
        try check(git_remote_list(&names, handle), "list remotes")
        defer { git_strarray_dispose(&names) }
        return (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }.sorted(by: gitOrder)
    }

    /// The address of remote `name`; nil when there is no such remote.
    public func remoteURL(_ name: String) throws -> String? {
        var remote: OpaquePointer?
        let result = git_remote_lookup(&remote, handle, name)
        if result == GIT_ENOTFOUND.rawValue || result == GIT_EINVALIDSPEC.rawValue { return nil }
        try check(result, "look up remote \(name)")
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// Adds remote `name` at `url`, with Git's default fetch refspec.
    public func addRemote(_ name: String, url: String) throws {
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, handle, name, url), "add remote \(name)")
        git_remote_free(remote)
    }

    /// Fetches `refspecs` ("+refs/heads/*:refs/remotes/origin/*") from remote `name`.
    ///
    /// Only local remote-tracking references move; nothing on the server changes.
    public func fetch(remote name: String, refspecs: [String], access: NetworkAccess) throws {
        try withRemote(name) { remote, url in
            let session = NetworkSession(access: access, url: url)
            var options = git_fetch_options()
            try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "fetch from \(name)")
            session.install(into: &options.callbacks)
            options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
            try withStringArray(refspecs) { specs in
                try withExtendedLifetime(session) {
                    try checkNetwork(git_remote_fetch(remote, &specs, &options, "clinicctl: fetch"), session, "fetch from \(url)")
                }
            }
        }
    }

    /// Pushes `refspecs` ("refs/heads/drafts/x:refs/heads/drafts/x") to remote `name`.
    ///
    /// Never forces and never deletes: a refspec starting with "+" or with an empty source
    /// is refused before anything is sent. A reference the server turns down does not make
    /// this throw (libgit2 reports it only through a callback): it comes back in the report
    /// with the server's reason, beside the server's own messages.
    public func push(remote name: String, refspecs: [String], access: NetworkAccess) throws -> PushReport {
        for spec in refspecs where spec.hasPrefix("+") || spec.hasPrefix(":") {
            throw GitError(code: .invalid, operation: "push \(spec)", message: "forced pushes and deletions are never sent")
        }
        return try withRemote(name) { remote, url in
            let session = NetworkSession(access: access, url: url)
            var options = git_push_options()
            try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "push to \(name)")
            session.install(into: &options.callbacks)
            try withStringArray(refspecs) { specs in
                try withExtendedLifetime(session) {
                    try checkNetwork(git_remote_push(remote, &specs, &options), session, "push to \(url)")
                }
            }
            return PushReport(
                references: session.order.map { PushedReference(name: $0, refusal: session.refusals[$0] ?? nil) },
                serverMessages: session.serverMessages)
        }
    }

    /// Clones `url` into `folder` (which must not exist or be empty), checking out
    /// `branch` (the server's default branch when nil).
    ///
    /// A password written in `url` is this clone's credential (in place of `access.token`),
    /// and the address is stored in `remote.origin.url` without it.
    public static func clone(from url: String, into folder: URL, branch: String?, access: NetworkAccess) throws -> Repository {
        ensureLibgit2()
        let (url, access) = access.takingPassword(from: url)
        let operation = "clone \(url)"
        let session = NetworkSession(access: access, url: url)
        var options = git_clone_options()
        try check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), operation)
        session.install(into: &options.fetch_opts.callbacks)
        var handle: OpaquePointer?
        try withExtendedLifetime(session) {
            let result: Int32 = folder.withUnsafeFileSystemRepresentation { path in
                guard let path else { return -1 }
                guard let branch else { return git_clone(&handle, url, path, &options) }
                return branch.withCString { name in
                    options.checkout_branch = name
                    return git_clone(&handle, url, path, &options)
                }
            }
            try checkNetwork(result, session, operation)
        }
        return Repository(handle: handle!)
    }

    private func withRemote<T>(_ name: String, _ body: (OpaquePointer, String) throws -> T) throws -> T {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, handle, name), "look up remote \(name)")
        defer { git_remote_free(remote) }
        return try body(remote!, git_remote_url(remote).map { String(cString: $0) } ?? name)
    }
}

/// A network call's result: what a callback decided wins over libgit2's generic text;
/// anything else that fails on the way to the server is a network failure.
private func checkNetwork(_ result: Int32, _ session: NetworkSession, _ operation: String) throws {
    guard result < 0 else { return }
    if let failure = session.failure { throw failure }
    do {
        try check(result, operation)
    } catch let error as GitError where error.code == .other {
        if result == GIT_ENONFASTFORWARD.rawValue {
            throw GitError(
                code: .modified, operation: operation,
                message: "the server has commits this copy does not have yet; fetch first (a push never overwrites them)")
        }
        let code: GitError.Code = result == GIT_EAUTH.rawValue ? .authentication : .network
        throw GitError(code: code, operation: operation, message: error.message)
    }
}

/// Hands libgit2 a `git_strarray` of `strings`, valid while `body` runs.
private func withStringArray<T>(_ strings: [String], _ body: (inout git_strarray) throws -> T) throws -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafeMutablePointer<CChar>?] = copies
    return try pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return try body(&array)
    }
}
