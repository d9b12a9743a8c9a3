import Foundation

/// A three-way merge of the clinic's content files over records and fields, not lines.
///
/// Two drafts that touch one file (one sets Glenview's Saturday hours, the other adds its
/// Christmas closure) merge when they change different fields. Each file is decided on
/// its own:
/// - the same on both sides, or changed on one side only: taken as it is, byte for byte;
/// - removed on one side and unchanged on the other: removed; removed on one side and
///   changed on the other: a conflict (`faq/ID`, or `file:PATH`);
/// - changed on both sides, in a file clinicctl reads as records: each version read as a
///   whole load reads it, the records merged field by field (list items by their id, list
///   order as one more fact), and the result written in canonical form;
/// - changed on both sides otherwise (a file clinicctl does not read as records, a version
///   with a reading problem, one not in canonical form, so holding what records cannot
///   say): listed in `textMergeNeeded`, for the caller's text merge.
///
/// A field takes the value both sides agree on, else the value of the one side that changed
/// it; both changing it differently is a `MergeConflict`. The merge does not validate the
/// result across records (the caller validates it as every edit is validated), and a file it
/// writes reads back to exactly the merged records.
///
/// When the merged content's default locale is not one side's, that side's files are read
/// under its own locale and written again under the merged one, so they mean what they
/// meant; when that locale cannot be known (clinic.yaml left to a text merge, the sides'
/// locales differ), every content file not the same on all three is left to a text merge.
public struct ContentMerge: Sendable {
    /// The merged files by repository path: every path of the three versions but those
    /// removed, those in `textMergeNeeded` and those holding an open conflict.
    public let files: [String: Data]
    /// The fields both sides changed differently, by file path then in the file's order.
    public let conflicts: [MergeConflict]
    /// Files both sides changed that this merge leaves to a text merge, sorted.
    public let textMergeNeeded: [String]
    let inputs: MergeInputs
    /// The choices this merge was made with.
    public let choices: [String: MergeSide]

    /// Whether `files` is the whole merged content: no conflict open and nothing left to a text merge.
    public var isComplete: Bool { conflicts.isEmpty && textMergeNeeded.isEmpty }

    /// Merges `ours` and `theirs`, two versions of the files that both started from `base`;
    /// each maps repository paths (`content/hours/glenview.yaml`, as `ContentLayout` names
    /// them) to bytes.
    public init(base: [String: Data], ours: [String: Data], theirs: [String: Data], layout: ContentLayout = ContentLayout()) {
        self.init(MergeInputs(files: MergeSides(base: base, ours: ours, theirs: theirs), layout: layout), choices: [:])
    }

    init(_ inputs: MergeInputs, choices: [String: MergeSide]) {
        let run = inputs.run(choices)
        self.inputs = inputs
        self.choices = choices
        files = run.files
        conflicts = run.conflicts
        textMergeNeeded = run.textMergeNeeded.sorted()
    }

    /// The same merge with each conflict named in `choices` (by `MergeConflict.key`) taken
    /// from the chosen side; conflicts not named stay open. Naming a field that is not in
    /// conflict is an error that lists the fields that are.
    public func resolving(_ choices: [String: MergeSide]) throws(MergeResolutionError) -> ContentMerge {
        let open = Set(conflicts.map(\.key)).union(self.choices.keys)
        let unknown = choices.keys.filter { !open.contains($0) }.sorted()
        guard unknown.isEmpty else { throw MergeResolutionError(notInConflict: unknown, inConflict: conflicts.map(\.key)) }
        return ContentMerge(inputs, choices: self.choices.merging(choices) { $1 })
    }
}

/// One side of a merge.
public enum MergeSide: String, Sendable, Hashable, CaseIterable {
    /// The version being merged in: the draft ("this draft").
    case ours
    /// The version it is merged into: the published branch ("now published").
    case theirs
}

/// A choice named a field that is not in conflict.
public struct MergeResolutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The keys chosen that name no open conflict.
    public var notInConflict: [String]
    /// The keys of the open conflicts, which a choice may name.
    public var inConflict: [String]

    public init(notInConflict: [String], inConflict: [String]) {
        self.notInConflict = notInConflict
        self.inConflict = inConflict
    }

    public var description: String {
        let named = notInConflict.joined(separator: ", ")
        let verb = notInConflict.count == 1 ? "is" : "are"
        guard !inConflict.isEmpty else { return "\(named) \(verb) not in conflict; nothing is" }
        return "\(named) \(verb) not in conflict; the fields in conflict are \(inConflict.joined(separator: ", "))"
    }
}
