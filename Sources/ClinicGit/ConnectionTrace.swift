import CLibGit2
import Foundation

/// Where libgit2 connects, seen from the callbacks. libgit2 1.5.1 gives the credentials
/// callback the configured address even after a redirect; only its trace says which server
/// each http(s) connection goes to ("Connecting to remote HOST port PORT"). The trace is one
/// callback for the whole process, without a payload: each network call runs synchronously
/// on one thread, so the session running on the calling thread is the one it is about.
enum ConnectionTrace {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Set once: libgit2's trace at the level that names connections (at that level it traces
    /// only http connections and requests).
    private static let installed: Bool = {
        ensureLibgit2()
        return git_trace_set(GIT_TRACE_DEBUG) { _, message in
            guard let message, let session = ConnectionTrace.current else { return }
            session.noteTrace(String(cString: message))
        } == 0
    }()

    static var current: NetworkSession? {
        pthread_getspecific(key).map { Unmanaged<NetworkSession>.fromOpaque($0).takeUnretainedValue() }
    }

    static func during<T>(_ session: NetworkSession, _ body: () throws -> T) rethrows -> T {
        _ = installed
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(session).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try body()
    }
}
