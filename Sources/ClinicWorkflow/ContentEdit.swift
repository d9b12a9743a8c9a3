import ClinicContent
import ClinicGit
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
    public var commit: ObjectID
    /// Whether this edit opened the draft.
    public var createdDraft: Bool
    public var summary: String
    public var files: [String]
    public var changes: [EntryChange]
    /// Errors that were already on the branch before this edit (not caused by it).
    public var preexistingErrors: [Finding]
    /// The edit's notes (`ContentEdit.notes`).
    public var notes: [String] = []
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
        var existingTip: ObjectID?
        if let draftID { existingTip = try draft(draftID).tip }
        let base = try existingTip ?? publishedTip()
        let prepared = try prepare(makeEdit, at: base)
        let edit = prepared.edit
        let id = try draftID ?? newDraftID(from: edit.draftHint, as: person, named: draftName)
        let signature = environment.signature(person)
        // A blank --message would leave the commit without a summary: the edit's own is used.
        let summary = message.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? edit.summary
        let record = CommitRecord.edit(
            .init(summary: summary, change: edit.change, entry: edit.entry, details: CommitRecord.describe(prepared.changes)))
        let commit: ObjectID
        let sign = try draftSigner()
        do {
            commit = try withGit(draft: id, entry: edit.entry, reference: draftRef(id)) {
                try $0.commit(
                    changes: prepared.fileChanges, onBranch: draftRef(id), expectedTip: existingTip,
                    parentIfNew: base, author: signature, committer: signature, message: record.message, sign: sign)
            }
        } catch let error as WorkflowError where error.code == .conflict {
            throw WorkflowError(
                .conflict, "draft \(id) changed while this edit was being saved; nothing was written", draft: id, entry: edit.entry,
                reference: draftRef(id))
        }
        return EditResult(
            draft: id, commit: commit, createdDraft: draftID == nil, summary: summary,
            files: prepared.fileChanges.map(\.path), changes: prepared.changes,
            preexistingErrors: prepared.preexisting, notes: edit.notes)
    }

    struct PreparedEdit {
        var edit: ContentEdit
        var fileChanges: [FileChange]
        var changes: [EntryChange]
        var preexisting: [Finding]
    }

    /// The files an edit changes at `base`, after checking the result is valid.
    ///
    /// The revision is read from Git once: the validation of the result reads
    /// the unchanged files from the same source.
    func prepare(_ makeEdit: (SiteContent) throws -> ContentEdit, at base: ObjectID) throws -> PreparedEdit {
        // Read below, inside the door, by both validations.
        let source = try withGit { GitRevisionSource(repository: $0, commit: base, records: records) }
        let (before, beforeFindings) = try withGit(revision: base.hex) { _ in try Validator().validate(source, layout: layout) }
        let edit = try makeEdit(before.content)
        var content = before.content
        try edit.apply(&content)
        let fileChanges = try self.fileChanges(from: before, to: content)
        guard !fileChanges.isEmpty else {
            throw WorkflowError(.unchanged, "nothing to change: \(edit.entry) already is as asked", entry: edit.entry)
        }
        let overlay = OverlaySource(base: source, changes: Dictionary(uniqueKeysWithValues: fileChanges.map { ($0.path, $0.data) }))
        let (after, afterFindings) = try withGit(revision: base.hex) { _ in try Validator().validate(overlay, layout: layout) }
        let known = Set(beforeFindings.errors.map(FindingKey.init))
        let introduced = afterFindings.errors.filter { !known.contains(FindingKey($0)) }
        guard introduced.isEmpty else {
            throw WorkflowError(
                .invalid, "the change was not saved: it would make the content invalid", findings: introduced, entry: edit.entry)
        }
        return PreparedEdit(
            edit: edit, fileChanges: fileChanges, changes: ContentDiff.changes(from: before.content, to: after.content),
            preexisting: afterFindings.errors)
    }

    /// Canonical files that differ between two versions; untouched records keep their bytes.
    func fileChanges(from before: LoadedContent, to content: SiteContent) throws -> [FileChange] {
        let (oldFiles, newFiles) = canonicalFiles(before.content, content)
        var changes: [FileChange] = []
        let unreadable = Set(before.findings.errors.map(\.file))
        for path in Set(oldFiles.keys).union(newFiles.keys).sorted() where oldFiles[path] != newFiles[path] {
            if unreadable.contains(path) {
                throw WorkflowError(
                    .refused,
                    "\(path) has problems clinicctl cannot read safely, and this change would rewrite it; fix it first (run `clinicctl validate`)",
                    findings: before.findings.errors.filter { $0.file == path }, file: path)
            }
            if let text = newFiles[path] {
                changes.append(.write(path: path, contents: Data(text.utf8)))
            } else {
                changes.append(.delete(path: path))
            }
        }
        return changes
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
