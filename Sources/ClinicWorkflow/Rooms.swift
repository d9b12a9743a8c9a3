/// The rooms of a content repository: each owns one part of the workflow and is
/// reached from the repository by its name (`repository.reviews.approve(...)`), so
/// a reader finds where a change belongs by what it does. A room holds nothing of
/// its own beyond the repository; what every room shares (reading content and
/// revisions, finding a draft, `withGit`) stays on `ContentRepository`.
/// docs/architecture.md maps each room to its folder.

/// Drafts: listing, naming, undo, drop, update (field merge and replay), reopen, notes (`Drafts/`).
public struct Drafts: Sendable {
    let repository: ContentRepository
}

/// Review: showing a draft, checks, approval, rejection, discard, revert, history and status (`Review/`).
public struct Reviews: Sendable {
    let repository: ContentRepository
}

/// Closing records (rejections, discards, reopenings) and notes, and whether each counts (`Records/`).
public struct Records: Sendable {
    let repository: ContentRepository
}

/// Signing keys, the reviewers and their keys, and verifying approvals (`Signing/`).
public struct Signatures: Sendable {
    let repository: ContentRepository
}

/// The team's side of a shared repository: sync, approving, rejecting and noting through the server (`Sync/`).
public struct Team: Sendable {
    let repository: ContentRepository
}

/// The server's side: the pre-receive rules, the records it keeps, its hooks and the CI check (`Sync/Server*`).
public struct Server: Sendable {
    let repository: ContentRepository
}

/// What is deployed: records, exports, publish failures, `live`, the server's publication (`Deploy/`).
public struct Deployments: Sendable {
    let repository: ContentRepository
}

extension ContentRepository {
    public var drafts: Drafts { Drafts(repository: self) }
    public var reviews: Reviews { Reviews(repository: self) }
    public var records: Records { Records(repository: self) }
    public var signatures: Signatures { Signatures(repository: self) }
    public var team: Team { Team(repository: self) }
    public var server: Server { Server(repository: self) }
    public var deployments: Deployments { Deployments(repository: self) }
}
