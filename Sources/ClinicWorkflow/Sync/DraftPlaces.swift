internal import ClinicGit
import Foundation

/// Where a draft is, compared with the server's copy as of the last `clinicctl sync`.
public enum DraftPlace: String, Sendable, Codable, Equatable {
    /// Made or changed here and never sent: the server has no copy.
    case onlyHere = "only-here"
    /// On the server, not yet brought here.
    case onlyOnServer = "only-on-server"
    /// Both have it, at different edits: sync sends or brings the difference.
    case differs = "differs-from-server"
    /// Both have the same edits.
    case same = "same-as-server"

    /// In the office manager's words, for a table cell or a line.
    public var words: String {
        switch self {
        case .onlyHere: "only on this computer"
        case .onlyOnServer: "only on the server"
        case .differs: "differs from the server"
        case .same: "same as the server"
        }
    }
}

/// Each draft's place, as of the last sync, for a copy that has a remote.
public struct DraftPlaces: Sendable, Codable, Equatable {
    /// The remote compared with.
    public var remote: String
    /// When `clinicctl sync` last ran here; nil when it never did.
    public var lastSync: Date?
    /// Every open draft here or on the server, by id.
    public var places: [String: DraftPlace]

    /// The ids of drafts at `place`, sorted.
    public func drafts(_ place: DraftPlace) -> [String] { places.filter { $0.value == place }.map(\.key).sorted() }
}

extension Team {
    /// Where each draft is compared with the server's copy the last sync fetched; nil when
    /// this copy has no remote `remote`. Reads only what is here: nothing goes over the network.
    public func draftPlaces(remote: String = "origin") throws -> DraftPlaces? {
        guard hasRemote(remote) else { return nil }
        let serverPrefix = ContentRepository.trackingPrefix(remote) + "drafts/"
        // The server keeps closed drafts' branches (nothing is deleted there): those are not open.
        let closed = try closedDraftTips(remote: remote)
        return try repository.withGit { git in
            var places: [String: DraftPlace] = [:]
            let server = try ContentRepository.draftTips(under: serverPrefix, in: git)
            for (id, tip) in try ContentRepository.draftTips(under: ContentRepository.draftPrefix, in: git) {
                places[id] = server[id].map { $0 == tip ? .same : .differs } ?? .onlyHere
            }
            let published = try git.referenceTarget(repository.publishedRef)
            for (id, tip) in server where places[id] == nil && !closed.contains(tip) {
                if let published, try git.isAncestor(tip, of: published) { continue }
                places[id] = .onlyOnServer
            }
            let lastSync = try git.configString("clinicctl.lastSync").flatMap { ISO8601DateFormatter().date(from: $0) }
            return DraftPlaces(remote: remote, lastSync: lastSync, places: places)
        }
    }
}
