import Foundation

/// What the person can do next about an error, as data: the executable says it as a command
/// (`clinicctl draft reopen faq-x`), and a program reading `WorkflowError` as JSON gets the kind
/// and what it is about. No command or flag is spelled in the library.
public enum Remedy: Sendable, Equatable, Codable {
    /// Read why the draft was rejected, then reopen it to fix it.
    case reopenDraft(String)
    /// Bring the draft up to date with what is published now.
    case updateDraft(String)
    /// Decide each field both the draft and the published content changed.
    case decideConflicts(String)
    /// Look at the draft as a reviewer will.
    case showDraft(String)
    /// Read the draft again as it is now, then approve it.
    case reviewAgain(String)
    /// Read what the draft changes beyond content; approving it needs an explicit yes to each.
    case acceptBeyondContent(String, [Acceptance])
    /// Withdraw the draft.
    case discardDraft(String)
    /// See every FAQ entry there is.
    case listFAQ
    /// Say who you are, for this command, this repository or everywhere.
    case setIdentity
    /// Work inside the clinic's repository, name it, or create one.
    case openRepository
    /// Get the clinic's repository from its server, or name another remote.
    case cloneRepository
    /// See the social links there are.
    case listSocial
    /// See a location's hours, special ones included.
    case showHours(location: String)
    /// Fix what the content's validation finds first.
    case validate
    /// The draft's author withdraws it (only reviewers reject).
    case authorsWithdraw
    /// List the signing key for this reviewer (another reviewer approves that), or sign with one listed.
    case listSigningKey
    /// Read the entry in the open draft that holds it, or the whole draft.
    case readInDraft(String)
    /// Publish the published branch from here.
    case publish
    /// Move the category's entries to another category first.
    case moveToAnotherCategory
    /// Write the entry in the default locale first, then add its translation.
    case translateAfterwards(locale: String)
    /// Send what is recorded on this computer only to the server.
    case sync

    /// `reopen-draft`, `set-identity`: the kind as JSON names it.
    public var kind: String {
        switch self {
        case .reopenDraft: "reopen-draft"
        case .updateDraft: "update-draft"
        case .decideConflicts: "decide-conflicts"
        case .showDraft: "show-draft"
        case .reviewAgain: "review-again"
        case .acceptBeyondContent: "accept-beyond-content"
        case .discardDraft: "discard-draft"
        case .listFAQ: "list-faq"
        case .setIdentity: "set-identity"
        case .openRepository: "open-repository"
        case .cloneRepository: "clone-repository"
        case .listSocial: "list-social"
        case .showHours: "show-hours"
        case .validate: "validate"
        case .authorsWithdraw: "authors-withdraw"
        case .listSigningKey: "list-signing-key"
        case .readInDraft: "read-in-draft"
        case .publish: "publish"
        case .moveToAnotherCategory: "move-to-another-category"
        case .translateAfterwards: "translate-afterwards"
        case .sync: "sync"
        }
    }

    /// The draft or location it is about, when there is one.
    public var subject: String? {
        switch self {
        case .reopenDraft(let id), .updateDraft(let id), .decideConflicts(let id), .showDraft(let id), .reviewAgain(let id),
            .acceptBeyondContent(let id, _), .discardDraft(let id), .readInDraft(let id):
            id
        case .showHours(let location): location
        case .translateAfterwards(let locale): locale
        case .setIdentity, .openRepository, .cloneRepository, .listSocial, .validate, .listFAQ, .authorsWithdraw, .listSigningKey,
            .publish, .moveToAnotherCategory, .sync:
            nil
        }
    }

    enum CodingKeys: String, CodingKey { case kind, subject, accept }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(subject, forKey: .subject)
        if case .acceptBeyondContent(_, let accept) = self { try container.encode(accept, forKey: .accept) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let subject = try container.decodeIfPresent(String.self, forKey: .subject) ?? ""
        let simple: [Remedy] = [
            .listFAQ, .setIdentity, .openRepository, .cloneRepository, .listSocial, .validate, .authorsWithdraw, .listSigningKey, .publish,
            .moveToAnotherCategory, .sync,
        ]
        let aboutSubject: [Remedy] = [
            .reopenDraft(subject), .updateDraft(subject), .decideConflicts(subject), .showDraft(subject), .reviewAgain(subject),
            .discardDraft(subject), .readInDraft(subject), .showHours(location: subject), .translateAfterwards(locale: subject),
            .acceptBeyondContent(subject, try container.decodeIfPresent([Acceptance].self, forKey: .accept) ?? []),
        ]
        guard let remedy = (simple + aboutSubject).first(where: { $0.kind == kind }) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "no next step \(kind)")
        }
        self = remedy
    }
}
