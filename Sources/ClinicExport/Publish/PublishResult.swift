import Foundation

/// What a publish did (or, for a dry run, would do).
public struct PublishResult: Hashable, Sendable, Encodable {
    public var revision: String
    /// What `refs/clinicctl/deployed` held before; nil when nothing was deployed yet.
    public var previousRevision: String?
    public var bundleDirectory: String
    /// The deploy hooks, in the order they ran (or would run).
    public var hooks: [String]
    /// Hooks the published change added or altered without a reviewer accepting them: not run.
    public var notRun: [String]
    /// The hooks that exited with `Publisher.skippedStatus`: they did nothing.
    public var skippedHooks: [String]
    public var dryRun: Bool
    /// True when the revision was recorded as deployed; false for a dry run and
    /// when every hook skipped (exported, not deployed).
    public var recorded: Bool
}

/// Why a publish stopped. A struct with a code, so new kinds don't break callers.
public struct PublishError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public var description: String { rawValue }
        /// A hook exited non-zero, was killed by a signal, or could not start.
        public static let hookFailed = Code(rawValue: "hook-failed")
        /// A hook was still running at the timeout and was stopped.
        public static let hookTimedOut = Code(rawValue: "hook-timed-out")
        /// Another publish recorded a revision while this one ran.
        public static let recordMoved = Code(rawValue: "record-moved")
        /// The bundle could not be written (a full disk, no permission).
        public static let bundleNotWritten = Code(rawValue: "bundle-not-written")
    }

    public let code: Code
    /// The hook that failed, for the hook codes.
    public let hook: String?
    public let message: String

    public init(_ code: Code, hook: String?, _ message: String) {
        self.code = code
        self.hook = hook
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
