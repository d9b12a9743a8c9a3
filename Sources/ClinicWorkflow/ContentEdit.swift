import ClinicContent
internal import ClinicGit
import Foundation

/// One change the office manager asks for, as a function over the content.
///
/// Applying it is a transaction: read the content at the draft's tip, apply
/// in memory, validate the whole result, and only then commit to the draft.
public struct ContentEdit: Sendable {
    /// `faq.add`, `hours.set`: written as the `Clinic-Change` trailer.
    public var change: String
    /// `faq/do-you-take-insurance`: written as the `Clinic-Entry` trailer.
    public var entry: String
    /// The commit's summary line: `FAQ: add "Do you take insurance?"`.
    public var summary: String
    /// What a new draft is named after.
    public var draftHint: String
    public var apply: @Sendable (inout SiteContent) throws -> Void
    /// What the person should know about this edit beyond its changes (a range
    /// split in two, a date in the past); printed after the result.
    public var notes: [String] = []
    /// The edit as data, recorded in its commit so it can be made again on newer
    /// content (`draft update`); nil for an edit that cannot be (see `EditOperation`).
    public var operation: EditOperation?

    public init(
        change: String, entry: String, summary: String, draftHint: String? = nil,
        apply: @escaping @Sendable (inout SiteContent) throws -> Void
    ) {
        self.change = change
        self.entry = entry
        self.summary = summary
        self.draftHint = draftHint ?? entry.replacingOccurrences(of: "/", with: "-")
        self.apply = apply
    }
}

/// What an edit produced.
public struct EditResult: Sendable, Codable {
    public var draft: String
    public var commit: Revision
    /// Whether this edit opened the draft.
    public var createdDraft: Bool
    public var summary: String
    public var files: [String]
    public var changes: [EntryChange]
    /// Errors that were already on the branch before this edit (not caused by it).
    public var preexistingErrors: [Finding]
    /// The edit's notes (`ContentEdit.notes`).
    public var notes: [String] = []
    /// Set when a listed reviewer just added her first edit to someone else's draft: she may no longer approve it.
    public var approvalHandedOn: ApprovalHandedOn? = nil
}

extension ContentRepository {
    /// Applies `edit` and commits it onto a draft: `draftID`'s, or a new one.
    public func commit(_ edit: ContentEdit, to draftID: String?, as person: Person, message: String? = nil) throws -> EditResult {
        try commit(to: draftID, as: person, message: message, draftName: nil) { _ in edit }
    }

    /// Makes an edit from the content it will change, applies it and commits
    /// it onto a draft: `draftID`'s, or a new one (named `draftName`, or after
    /// the edit: see `newDraftID(from:as:named:)`).
    ///
    /// Nothing is written unless the whole content validates. Writers of the
    /// same draft take turns (`DraftLock`), so contention alone never fails an
    /// edit; if the draft still moves (a writer that does not lock, or two new
    /// drafts choosing one name), the edit is made again on the new tip, with
    /// backoff, until the lock's wait runs out.
    public func commit(
        to draftID: String?, as person: Person, message: String? = nil, draftName: String? = nil,
        _ makeEdit: (SiteContent) throws -> ContentEdit
    ) throws -> EditResult {
        guard let draftID else {
            return try commitRetrying(to: nil, as: person, message: message, draftName: draftName, makeEdit)
        }
        return try holdingDraft(draftID) { try commitRetrying(to: draftID, as: person, message: message, draftName: nil, makeEdit) }
    }

    private func commitRetrying(
        to draftID: String?, as person: Person, message: String?, draftName: String?, _ makeEdit: (SiteContent) throws -> ContentEdit
    ) throws -> EditResult {
        let deadline = Date().addingTimeInterval(lockWait)
        var pause: TimeInterval = 0.01
        while true {
            do {
                return try commitOnce(to: draftID, as: person, message: message, draftName: draftName, makeEdit)
            } catch let error as WorkflowError where error.code == .conflict && error.draft != nil && Date() < deadline {
                // The draft moved (or its new name was taken) since it was read: make the edit again on its new tip.
                Thread.sleep(forTimeInterval: pause * Double.random(in: 0.5...1.5))
                pause = min(pause * 2, 0.5)
            }
        }
    }

    private func commitOnce(
        to draftID: String?, as person: Person, message: String?, draftName: String?, _ makeEdit: (SiteContent) throws -> ContentEdit
    ) throws -> EditResult {
        let existing = try draftID.map { try draft($0) }
        let existingTip = existing?.tip.id
        let base = try existingTip ?? publishedTip()
        let prepared = try prepare(makeEdit, at: base)
        let edit = prepared.edit
        let id = try draftID ?? drafts.newDraftID(from: edit.draftHint, as: person, named: draftName)
        let signature = environment.signature(person)
        // A blank --message would leave the commit without a summary: the edit's own is used.
        let summary = message.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? edit.summary
        let record = CommitRecord.edit(
            .init(
                summary: summary, change: edit.change, entry: edit.entry, details: CommitRecord.describe(prepared.changes),
                operation: edit.operation))
        let commit: ObjectID
        let sign = try signatures.draftSigner()
        do {
            let write = {
                try self.withGit(draft: id, entry: edit.entry, reference: self.draftRef(id)) {
                    try $0.commit(
                        changes: prepared.fileChanges, onBranch: self.draftRef(id), expectedTip: existingTip,
                        parentIfNew: base, author: signature, committer: signature, message: record.message, sign: sign)
                }
            }
            // An open draft is already held by `commit`; a new one is held from the moment it has a name.
            commit = try draftID == nil ? holdingDraft(id, write) : write()
        } catch let error as WorkflowError where error.code == .conflict {
            throw WorkflowError(
                .conflict, "draft \(id) changed while this edit was being saved; nothing was written", draft: id, entry: edit.entry,
                reference: draftRef(id))
        }
        return EditResult(
            draft: id, commit: Revision(commit), createdDraft: draftID == nil, summary: summary,
            files: prepared.fileChanges.map(\.path), changes: prepared.changes,
            preexistingErrors: prepared.preexisting, notes: edit.notes,
            approvalHandedOn: reviews.approvalHandedOn(by: person, editing: existing))
    }
}

/// Findings compared without their positions, which move when lines are added.
struct FindingKey: Hashable {
    let file: String, field: String, rule: String, message: String
    init(_ finding: Finding) {
        file = finding.file
        field = finding.field
        rule = finding.rule
        message = finding.message
    }
}

extension FileChange {
    /// The bytes written, or nil for a deletion.
    var data: Data? {
        switch self {
        case .write(_, let contents), .writeExecutable(_, let contents): contents
        case .delete: nil
        }
    }
}
