import ClinicContent
internal import ClinicGit
import Foundation

/// A refusal or failure a user can meet: what happened and what to do next.
///
/// A struct with a code, not an enum, so that new kinds don't break callers.
/// What the error is about (a draft, an entry, a file, a reference, a revision)
/// is data as well as words in the message, so callers and `--json` readers
/// need not parse the message.
public struct WorkflowError: Error, Equatable, Sendable, LocalizedError, CustomStringConvertible, Encodable {
    public struct Code: Hashable, Sendable, CustomStringConvertible, Encodable {
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

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    public let code: Code
    public let message: String
    public let findings: [Finding]
    /// The draft concerned (`faq-do-you-take-insurance`), when there is one.
    public var draft: String?
    /// The content entry concerned (`faq/x`, `hours/glenview`), when there is one.
    public var entry: String?
    /// The repository-relative file concerned, when there is one.
    public var file: String?
    /// The Git reference concerned (`refs/heads/drafts/x`), when there is one.
    public var reference: String?
    /// The revision concerned, as the user named it or as a commit id.
    public var revision: String?
    /// What the person can do next, when there is one thing to say (`Remedy`).
    public var remedy: Remedy?

    public init(
        _ code: Code, _ message: String, findings: [Finding] = [], draft: String? = nil, entry: String? = nil, file: String? = nil,
        reference: String? = nil, revision: String? = nil, remedy: Remedy? = nil
    ) {
        self.remedy = remedy
        self.code = code
        // Whatever the message quotes (an address, a server's words), a password in an address never shows.
        self.message = redactingAddressPasswords(message)
        self.findings = findings
        self.draft = draft
        self.entry = entry
        self.file = file
        self.reference = reference
        self.revision = revision
    }

    public var errorDescription: String? { message }
    public var description: String { message }

    /// The same error, with what it is about filled in where it was not known yet.
    func about(
        draft: String? = nil, entry: String? = nil, file: String? = nil, reference: String? = nil, revision: String? = nil
    ) -> WorkflowError {
        var error = self
        error.draft = self.draft ?? draft
        error.entry = self.entry ?? entry
        error.file = self.file ?? file
        error.reference = self.reference ?? reference
        error.revision = self.revision ?? revision
        return error
    }
}

extension WorkflowError {
    /// The named location does not exist; lists the ones that do.
    public static func noLocation(_ id: String, in content: SiteContent) -> WorkflowError {
        WorkflowError(
            .notFound, "there is no location \"\(id)\"; locations: \(content.locations.map(\.id).joined(separator: ", "))",
            entry: "location/\(id)")
    }
}
