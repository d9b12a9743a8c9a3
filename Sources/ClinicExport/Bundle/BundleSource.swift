import Foundation

/// Where exported content came from: recorded in the bundle, and the only
/// source of its timestamp, so the same revision always gives the same bytes.
public struct BundleSource: Hashable, Sendable {
    /// The commit the content was read from (40 hex digits); for a working-tree
    /// export, the commit HEAD points at; nil when there is none.
    public var revision: String?
    /// The commit's committer time (`generatedAt`), never the clock.
    public var generatedAt: Date
    /// True when the files came from a working tree, not from `revision` itself.
    public var fromWorkingTree: Bool
    /// True when `revision` is a state the published branch has been in (a
    /// reviewer approved it); false for a draft, a side commit or a working tree.
    public var approved: Bool

    /// `generatedAt` for a working tree without any commit: the Unix epoch.
    public static let noCommitTime = Date(timeIntervalSince1970: 0)

    public init(revision: String?, generatedAt: Date, fromWorkingTree: Bool = false, approved: Bool = false) {
        self.revision = revision
        self.generatedAt = generatedAt
        self.fromWorkingTree = fromWorkingTree
        self.approved = approved
    }
}
