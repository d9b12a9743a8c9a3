import Foundation

extension Publisher {
    /// Starts a hook just written to disk, trying again briefly when the start fails.
    ///
    /// A file just written cannot be executed while any process still holds it open
    /// for writing (ETXTBSY): a process forked by another thread of this program at
    /// the moment of the write inherits that descriptor until it execs. The window is
    /// short, so a few tries with a growing pause close it; a hook that really cannot
    /// start (no `#!` line) fails the same way every time and is reported after them.
    static func start(hook file: URL, _ run: (URL) throws -> HookExit) throws -> HookExit {
        var attempt = 0
        while true {
            do {
                return try run(file)
            } catch {
                attempt += 1
                guard attempt < 5 else { throw error }
                usleep(UInt32(20_000 * attempt))
            }
        }
    }
}
