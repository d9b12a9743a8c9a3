import ClinicContent
import Foundation

/// Which tip of a draft an approval approves.
public enum TipChoice: Sendable, Equatable {
    /// The tip the reviewer named: approving refuses when the draft moved since.
    case named(Revision)
    /// The tip `review show` last showed this reviewer; when it never showed them the
    /// draft, the tip read now, and the decision carries the review approved (`shownNow`)
    /// so the reviewer sees all of what they approved.
    case lastShown
}

/// Where a decision on a draft goes: into this repository only, or through the server
/// it was cloned from (the server checks it and publishes; the record is sent at once).
public enum Delivery: Sendable, Equatable {
    case here
    case throughServer

    /// Through the server when the repository has one, unless `hereOnly` is asked.
    public static func choose(for repository: ContentRepository, hereOnly: Bool) -> Delivery {
        !hereOnly && repository.team.hasRemote() ? .throughServer : .here
    }
}

/// What a decision on a draft did, whichever it was: the one shape `approve`, `reject`
/// and `discard` return.
public struct DraftDecision: Sendable {
    public enum Kind: String, Sendable { case approval, rejection, discard }
    public var kind: Kind
    public var draft: String
    /// The approval's merge onto the published branch, or the closing record.
    public var record: Revision
    /// Where it is kept: the published branch, or the record's reference.
    public var reference: String
    public var delivery: Delivery
    /// Through a server: whether the closing record reached it (nil for an approval, whose
    /// server's answer is in `approval.serverMessages`).
    public var sent: RecordDelivery?
    /// A folder on this computer standing in for a server: no server hooks ran there.
    public var localServer: String?
    public var approval: ApprovalResult?
    public var rejection: Rejection?
    /// The review approved, when the reviewer had never opened the draft.
    public var shownNow: DraftReview?
}

extension Reviews {
    /// Approves draft `id` at the tip `tip` chooses, here or through the server.
    public func approve(
        _ id: String, as reviewer: Person, message: String? = nil, accepting: Set<Acceptance> = [], tip: TipChoice,
        delivery: Delivery, signingKey: SigningKey? = nil
    ) throws -> DraftDecision {
        var approved: Revision?
        var shownNow: DraftReview?
        switch tip {
        case .named(let revision): approved = revision
        case .lastShown where shownTip(of: id, to: reviewer) == nil:
            shownNow = try review(id)
            approved = shownNow?.tip
        case .lastShown: approved = nil
        }
        let result =
            delivery == .throughServer
            ? try repository.team.approveThroughServer(
                id, as: reviewer, message: message, accepting: accepting, tip: approved, signingKey: signingKey)
            : try approve(id, as: reviewer, message: message, accepting: accepting, tip: approved, signingKey: signingKey)
        return DraftDecision(
            kind: .approval, draft: id, record: result.merge, reference: repository.publishedRef, delivery: delivery,
            localServer: delivery == .throughServer ? repository.server.localServerFolder() : nil, approval: result, shownNow: shownNow)
    }

    /// Rejects draft `id`, saying why, here or through the server.
    public func reject(_ id: String, as reviewer: Person, reason: String, delivery: Delivery, signingKey: SigningKey? = nil) throws
        -> DraftDecision
    {
        let rejection: Rejection
        var sent: RecordDelivery?
        if delivery == .throughServer {
            (rejection, sent) = try repository.team.rejectThroughServer(id, as: reviewer, reason: reason, signingKey: signingKey)
        } else {
            rejection = try reject(id, as: reviewer, reason: reason, signingKey: signingKey)
        }
        return DraftDecision(
            kind: .rejection, draft: id, record: rejection.record,
            reference: repository.records.rejectionRef(id, record: rejection.record), delivery: delivery, sent: sent,
            rejection: rejection)
    }

    /// Withdraws draft `id`, here or through the server.
    public func discard(_ id: String, as person: Person, delivery: Delivery) throws -> DraftDecision {
        let record: Revision
        var sent: RecordDelivery?
        if delivery == .throughServer {
            (record, sent) = try repository.team.discardThroughServer(id, as: person)
        } else {
            record = try discard(id, as: person)
        }
        let reference = try repository.records.discardRef(id, record: record) ?? ContentRepository.discardedPrefix + id
        return DraftDecision(kind: .discard, draft: id, record: record, reference: reference, delivery: delivery, sent: sent)
    }
}
