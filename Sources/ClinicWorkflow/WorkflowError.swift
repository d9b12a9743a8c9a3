import ClinicContent
import ClinicGit
import Foundation

/// A refusal or failure a user can meet: what happened and what to do next.
///
/// A struct with a code, not an enum, so that new kinds don't break callers.
public struct WorkflowError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public var description: String { rawValue }
        /// Content would be invalid: `findings` say why.
        public static let invalid = Code(rawValue: "invalid")
        /// The named draft, entry, revision or location does not exist.
        public static let notFound = Code(rawValue: "not-found")
        /// The operation is not allowed (approving one's own draft, removing a location still in use).
        public static let refused = Code(rawValue: "refused")
        /// Someone else changed the same thing meanwhile.
        public static let conflict = Code(rawValue: "conflict")
        /// Nothing would change.
        public static let unchanged = Code(rawValue: "unchanged")
        /// The acting person is unknown.
        public static let identity = Code(rawValue: "identity")
        /// The arguments do not make sense together.
        public static let usage = Code(rawValue: "usage")
        /// The repository itself failed.
        public static let repository = Code(rawValue: "repository")
    }

    public let code: Code
    public let message: String
    public let findings: [Finding]

    public init(_ code: Code, _ message: String, findings: [Finding] = []) {
        self.code = code
        self.message = message
        self.findings = findings
    }

    public var errorDescription: String? { message }
    public var description: String { message }

    /// Wraps a Git failure so that the caller sees one error type.
    static func git(_ error: GitError) -> WorkflowError {
        WorkflowError(.repository, error.description)
    }
}

extension WorkflowError {
    /// The named location does not exist; lists the ones that do.
    public static func noLocation(_ id: String, in content: SiteContent) -> WorkflowError {
        WorkflowError(.notFound, "there is no location \"\(id)\"; locations: \(content.locations.map(\.id).joined(separator: ", "))")
    }
}
