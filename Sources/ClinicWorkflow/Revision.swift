import ClinicContent
package import ClinicGit
import Foundation

/// A commit of the content repository, as the clinic's tools name it.
///
/// The layers above the workflow see commits only as this value, never as
/// the Git layer's object id, so that Git stays behind one wall.
public struct Revision: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The Git layer's id: for the package's own tests and layers, never public.
    package let id: ObjectID

    package init(_ id: ObjectID) { self.id = id }

    /// Accepts exactly 40 hex digits; nil otherwise (use `ContentRepository.revision(_:)` for names).
    public init?(hex: String) {
        guard let id = ObjectID(hex: hex) else { return nil }
        self.id = id
    }

    /// The full commit id: 40 lowercase hex digits.
    public var hex: String { id.hex }
    /// The abbreviated id people see in logs: the first 7 digits.
    public var short: String { id.short }
    public var description: String { id.hex }

    public static func < (lhs: Revision, rhs: Revision) -> Bool { lhs.id < rhs.id }

    /// Encoded as the bare hex string, as commit ids are everywhere else in JSON.
    public init(from decoder: any Decoder) throws { id = try ObjectID(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try id.encode(to: encoder) }
}

extension ApprovalResult {
    /// The merge commit the approval made on the published branch.
    public var mergedRevision: Revision { merge }
}

extension ContentRepository {
    /// The published branch's tip; a clear error when it has no commits yet.
    public func publishedRevision() throws -> Revision { Revision(try publishedTip()) }

    /// A branch, tag or commit name as a revision; `.notFound` names what was asked for.
    public func revision(_ name: String) throws -> Revision { Revision(try resolve(name)) }

    /// The revision a reading command looks at: `revision`, `draft`, or the published tip.
    public func readingRevision(revision: String?, draft: String?) throws -> Revision {
        Revision(try readingCommit(revision: revision, draft: draft))
    }

    /// Content as it is at `revision`.
    public func load(at revision: Revision) throws -> LoadedContent { try load(at: revision.id) }

    /// Loads and validates the content at `revision`.
    public func validate(at revision: Revision) throws -> (LoadedContent, [Finding]) { try validate(at: revision.id) }

    /// When `revision` was committed (its committer time).
    public func commitTime(of revision: Revision) throws -> Date {
        try withGit { git in try git.commit(revision.id).committer.time }
    }

    /// The commit HEAD names, or nil before the first commit.
    public func headRevision() -> Revision? {
        (try? withGit { git in try git.resolveCommit("HEAD") }).map(Revision.init)
    }

    /// Whether `revision` is `other` or one of its ancestors: whether `other` includes it.
    public func isIncluded(_ revision: Revision, in other: Revision) throws -> Bool {
        try withGit { git in try git.isAncestor(revision.id, of: other.id) }
    }

    /// The bytes of `path` at `revision`; nil when there is no such file.
    public func file(_ path: String, at revision: Revision) throws -> Data? {
        try withGit { git in try git.readFile(path, at: revision.id) }
    }
}
