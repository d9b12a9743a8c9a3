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
            let session = try self.session(access, url, remote, push: false)
            var options = git_fetch_options()
            try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "fetch from \(name)")
            session.install(into: &options.callbacks)
            options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
            options.follow_redirects = GIT_REMOTE_REDIRECT_NONE
            try withStringArray(refspecs) { specs in
                let result = try session.run { git_remote_fetch(remote, &specs, &options, "clinicctl: fetch") }
                try checkNetwork(result, session, "fetch from \(url)")
            }
        }
    }

    /// Pushes `refspecs` ("refs/heads/drafts/x:refs/heads/drafts/x") to remote `name`.
    ///
    /// Never forces and never deletes: a refspec starting with "+" or with an empty source
    /// is refused before anything is sent. A reference the server turns down does not make
    /// this throw (libgit2 reports it only through a callback): it comes back in the report
    /// with the server's reason, beside the server's own messages.
    ///
    /// `replacing` names references (the same name here and there) to send even when they do
    /// not fast-forward, each only while the server still has the value given: a
    /// compare-and-swap against what this copy last saw; otherwise nothing is sent at all.
    public func push(
        remote name: String, refspecs: [String], replacing leases: [String: ObjectID] = [:], access: NetworkAccess
    ) throws -> PushReport {
        for spec in refspecs where spec.hasPrefix("+") || spec.hasPrefix(":") {
            throw GitError(code: .invalid, operation: "push \(spec)", message: "forced pushes and deletions are never sent")
        }
        let refspecs = refspecs + leases.keys.sorted().map { "+\($0):\($0)" }
        return try withRemote(name, push: true) { remote, url in
            Self.adoptSharing(ofFolder: url)
            let session = try self.session(access, url, remote, push: true)
            session.leases = leases
            var options = git_push_options()
            try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "push to \(name)")
            session.install(into: &options.callbacks)
            options.follow_redirects = GIT_REMOTE_REDIRECT_NONE
            try withStringArray(refspecs) { specs in
                try checkNetwork(try session.run { git_remote_push(remote, &specs, &options) }, session, "push to \(url)")
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
        session.trustCertificates(config: defaultConfigString)
        var options = git_clone_options()
        try check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), operation)
        session.install(into: &options.fetch_opts.callbacks)
        options.fetch_opts.follow_redirects = GIT_REMOTE_REDIRECT_NONE
        var handle: OpaquePointer?
        let result = try session.run {
            folder.withUnsafeFileSystemRepresentation { path in
                guard let path else { return -1 }
                guard let branch else { return git_clone(&handle, session.connectionURL, path, &options) }
                return branch.withCString { name in
                    options.checkout_branch = name
                    return git_clone(&handle, session.connectionURL, path, &options)
                }
            }
        }
        try checkNetwork(result, session, operation)
        let repository = Repository(handle: handle!)
        // The address as written (its user name kept) is the one stored.
        if session.connectionURL != url { try check(git_remote_set_url(handle, "origin", url), operation) }
        return repository
    }

    /// The session of one fetch or push through `remote` at `url`: it connects without the
    /// address's user name (`NetworkSession.addressUser`) and trusts what the configuration names.
    private func session(_ access: NetworkAccess, _ url: String, _ remote: OpaquePointer, push: Bool) throws -> NetworkSession {
        let session = NetworkSession(access: access, url: url)
        session.trustCertificates { try? configString($0) }
        if session.connectionURL != url {
            let set = push && git_remote_pushurl(remote) != nil ? git_remote_set_instance_pushurl : git_remote_set_instance_url
            try check(set(remote, session.connectionURL), "use the address of \(url)")
        }
        return session
    }

    /// Runs `body` with remote `name` and the address it talks to (its push address for a push).
    private func withRemote<T>(_ name: String, push: Bool = false, _ body: (OpaquePointer, String) throws -> T) throws -> T {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, handle, name), "look up remote \(name)")
        defer { git_remote_free(remote) }
        let address = (push ? git_remote_pushurl(remote) : nil) ?? git_remote_url(remote)
        return try body(remote!, address.map { String(cString: $0) } ?? name)
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
        if let refusal = redirectRefusal(error.message, session) { throw refusal }
        if result == GIT_ENONFASTFORWARD.rawValue {
            throw GitError(
                code: .modified, operation: operation,
                message: "the server has commits this copy does not have yet; fetch first (a push never overwrites them)")
        }
        let code: GitError.Code = result == GIT_EAUTH.rawValue ? .authentication : .network
        throw GitError(code: code, operation: operation, message: error.message)
    }
}

/// libgit2's refusal of a redirect to another host (`GIT_REMOTE_REDIRECT_NONE`), "cannot
/// redirect from 'HOST' to 'HOST'", in words that say no credentials went there. The same
/// text with schemes in place of hosts (https to http) is a redirect refused too.
private func redirectRefusal(_ message: String, _ session: NetworkSession) -> GitError? {
    let prefix = "cannot redirect from '"
    guard message.hasPrefix(prefix), let middle = message.range(of: "' to '"), message.hasSuffix("'") else { return nil }
    let from = String(message[prefix.endIndex..<middle.lowerBound])
    let to = String(message[middle.upperBound..<message.index(before: message.endIndex)])
    guard let configured = session.configuredServer else { return nil }
    let server = NetworkSession.server(configured.host, configured.port)
    if from.lowercased() == configured.scheme {
        return GitError(
            code: .redirect, operation: "connect to \(session.url)",
            message: "the server at \(server) redirected clinicctl from \(from) to \(to): not followed, and nothing was sent there")
    }
    return NetworkSession.redirectRefusal(from: server, to: to, url: session.url, asked: false)
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
