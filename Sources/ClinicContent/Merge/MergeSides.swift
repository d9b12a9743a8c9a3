import Foundation

/// The three versions a merge compares: where the two sides started, the draft, and what was published.
struct MergeSides<Value> {
    var base: Value
    var ours: Value
    var theirs: Value

    func map<T>(_ transform: (Value) throws -> T) rethrows -> MergeSides<T> {
        MergeSides<T>(base: try transform(base), ours: try transform(ours), theirs: try transform(theirs))
    }

    subscript(side: MergeSide) -> Value { side == .ours ? ours : theirs }

    /// Both sides, ours first.
    var sides: [Value] { [ours, theirs] }
}

extension MergeSides where Value: Equatable {
    /// The side whose value the merge takes by the one rule of every field: the value both
    /// sides agree on, else the value of the one side that changed it. Nil when both changed
    /// it, differently: a conflict.
    var changedSide: MergeSide? {
        if ours == theirs || theirs == base { return .ours }
        return ours == base ? .theirs : nil
    }
}

/// What one run of the merge decides with (the choices already made) and what it finds.
struct MergeRun {
    let choices: [String: MergeSide]
    var conflicts: [MergeConflict] = []
    var textMergeNeeded: [String] = []
    var files: [String: Data] = [:]

    init(choices: [String: MergeSide]) { self.choices = choices }

    /// The merged value of one field: by the rule, else as chosen, else ours for now, with a conflict.
    mutating func decide<Value: Equatable>(
        _ sides: MergeSides<Value>, at place: FieldPlace, texts: () -> MergeSides<String>
    ) -> Value {
        if let side = sides.changedSide { return sides[side] }
        return sides[choose(at: place, texts: texts)]
    }

    /// The side chosen for a field both sides changed; ours for now, with a conflict, when none was chosen.
    mutating func choose(at place: FieldPlace, texts: () -> MergeSides<String>) -> MergeSide {
        if let chosen = choices[place.key] { return chosen }
        conflicts.append(MergeConflict(place, texts()))
        return .ours
    }
}

/// The records of a file cannot be merged one by one: Git's text merge decides it.
struct TextMergeNeeded: Error {}

extension MergeSides: Sendable where Value: Sendable {}
