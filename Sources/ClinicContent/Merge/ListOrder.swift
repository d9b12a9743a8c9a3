/// The order of a list of ids (categories, social links), merged as a fact of its own.
///
/// A side reorders a list when the ids it shares with the base stand in another order
/// (adding or removing an id is not reordering). When only one side reordered, its order
/// is taken; when both did, differently, the order is one conflict. The taken order frames
/// the base's ids only: new ids, the reordering side's too, go where their side put them,
/// after the nearest id before them that the frame holds, each side's new ids together, and
/// ids placed after the same neighbour by both sides in the order of their first ids (so
/// two drafts adding at one place get one order whether or not one of them also reordered).
enum ListOrder {
    /// The ids of `kept`, in their merged order.
    static func merge(_ ids: MergeSides<[String]>, keeping kept: Set<String>, at place: FieldPlace, _ run: inout MergeRun) -> [String] {
        let inBase = Set(ids.base)
        let framed = frame(ids, at: place, &run).filter { kept.contains($0) && inBase.contains($0) }
        let inFrame = Set(framed)
        var placed = inFrame
        var runs: [String: [[String]]] = [:]
        for list in ids.sides {
            var anchor = ""
            var current: [String] = []
            for id in list + [""] {
                if id.isEmpty || inFrame.contains(id) {
                    if !current.isEmpty { runs[anchor, default: []].append(current) }
                    (anchor, current) = (id, [])
                } else if kept.contains(id), placed.insert(id).inserted {
                    current.append(id)
                }
            }
        }
        // "" stands for the start of the list (an id is never empty: the loader requires it).
        func after(_ anchor: String) -> [String] { (runs[anchor] ?? []).sorted { $0[0] < $1[0] }.flatMap { $0 } }
        return after("") + framed.flatMap { [$0] + after($0) }
    }

    /// The order the merge keeps: the base's, the one reordering side's, or the chosen side's.
    static func frame(_ ids: MergeSides<[String]>, at place: FieldPlace, _ run: inout MergeRun) -> [String] {
        switch (reordered(ids.ours, from: ids.base), reordered(ids.theirs, from: ids.base)) {
        case (false, false): return ids.base
        case (true, false): return ids.ours
        case (false, true): return ids.theirs
        case (true, true):
            let everywhere = Set(ids.base).intersection(ids.ours).intersection(ids.theirs)
            if ids.ours.filter(everywhere.contains) == ids.theirs.filter(everywhere.contains) { return ids.ours }
            return ids[run.choose(at: place) { ids.map(MergeText.list) }]
        }
    }

    /// Whether `list` puts the ids it shares with `base` in another order than `base` does.
    static func reordered(_ list: [String], from base: [String]) -> Bool {
        let (inList, inBase) = (Set(list), Set(base))
        return list.filter(inBase.contains) != base.filter(inList.contains)
    }
}
