import Foundation

/// One content file a draft changed: its path and, where the draft keeps it, its bytes.
public struct ChangedContentFile: Sendable {
    public var path: String
    /// Nil when the draft removed the file.
    public var data: Data?
    /// The file's size before the change (0 when the draft added it).
    public var oldSize: Int
    /// False for a link, an executable or a submodule on either side: read as a whole instead.
    public var isPlain: Bool

    public init(path: String, data: Data?, oldSize: Int, isPlain: Bool) {
        self.path = path
        self.data = data
        self.oldSize = oldSize
        self.isPlain = isPlain
    }
}

extension ContentDiff {
    /// The changes from `base` to `base` with `files` changed, worked out by reading
    /// only those files, when they are all FAQ files: exactly what `changes(from:to:)`
    /// of both contents read whole gives. Nil when that cannot be known from them alone
    /// (another kind of file, a link, a size limit reached, an id held twice): the
    /// caller then reads both versions whole.
    ///
    /// Every other record is the same on both sides (an FAQ entry's record depends on
    /// its file and the default locale alone), so only the changed entries are
    /// compared, plus the entries whose place on the page moved.
    public static func changes(from base: LoadedContent, changing files: [ChangedContentFile]) -> [EntryChange]? {
        changes(from: FAQChangeBase(base), changing: files)
    }

    /// `changes(from:changing:)` with what depends on the base alone worked out once
    /// (`FAQChangeBase`): the cost is that of the changed files, plus the page order
    /// only when a changed entry kept its id and changed its position.
    public static func changes(from prepared: FAQChangeBase, changing files: [ChangedContentFile]) -> [EntryChange]? {
        let base = prepared.loaded
        let layout = base.layout
        let loader = ContentLoader(layout: layout)
        let inside = files.filter { $0.path.hasPrefix(layout.directory + "/") }
        guard
            inside.allSatisfy({
                $0.isPlain && ContentLoader.folder($0.path, in: layout) == "faq" && $0.path.hasSuffix(".md")
                    && !layout.isDocumentation($0.path)
            }),
            // A file skipped for the size limits, before or after, changes what is read after it.
            !prepared.skippedFile,
            base.bytesRead - inside.map(\.oldSize).reduce(0, +) + inside.map { $0.data?.count ?? 0 }.reduce(0, +)
                <= ContentLimits.repositoryBytes,
            inside.allSatisfy({ ($0.data?.count ?? 0) <= ContentLimits.fileBytes }),
            // Records are keyed by id: with an id held twice, which one counts depends on the order of the files.
            let indexOfID = prepared.indexOfID
        else { return nil }
        let faq = base.content.faq
        let clinic = base.content.clinic
        // The entries of the changed files before (their files are read again or gone).
        let replaced = Set(inside.compactMap { prepared.indexOfFile[$0.path] })
        var changedIDs = Set(replaced.map { faq[$0].id })
        var added: [String: FAQEntry] = [:]
        for file in inside {
            guard let data = file.data, let entry = loader.faqEntry(reading: data, at: file.path, defaultLocale: clinic.defaultLocale)
            else { continue }
            // An id held twice after the change, by two changed files or by one and an unchanged file.
            guard added.updateValue(entry, forKey: entry.id) == nil else { return nil }
            if let other = indexOfID[entry.id], !replaced.contains(other) { return nil }
            changedIDs.insert(entry.id)
        }
        // The others keep their place relative to each other; so do the changed entries that kept
        // their id and position. When every changed entry that kept its id kept its position, no
        // entry present on both sides changed order, and none moved.
        let keptTheirPlace = replaced.allSatisfy { index in
            added[faq[index].id].map { $0.position == faq[index].position } ?? true
        }
        var pageMoves: [String: EntryChange.FieldChange] = [:]
        if !keptTheirPlace {
            // The page order after: the order before without the changed entries, with their new versions merged in.
            // (Ids are unique on both sides, so the changed ids name exactly the entries of the changed files.)
            let after = merged(prepared.pageOrder.filter { !changedIDs.contains($0.id) }, pageOrder(Array(added.values)))
            pageMoves = pageOrderMoves(prepared.pageOrderIDs, after.map(\.id))
        }
        let keys = Set(changedIDs.map { "faq/\($0)" }).union(pageMoves.keys)
        var oldRecords: [String: DiffRecord] = [:]
        var newRecords: [String: DiffRecord] = [:]
        for key in keys {
            let id = String(key.dropFirst("faq/".count))
            let index = indexOfID[id]
            if let index { oldRecords[key] = faqRecord(faq[index], locale: clinic.defaultLocale) }
            if let entry = added[id] {
                newRecords[key] = faqRecord(entry, locale: clinic.defaultLocale)
            } else if let index, !replaced.contains(index) {
                newRecords[key] = faqRecord(faq[index], locale: clinic.defaultLocale)
            }
        }
        return changes(keys, oldRecords, newRecords, pageMoves)
    }

    /// Two lists in page order as one, in page order.
    static func merged(_ a: [(position: Int, id: String)], _ b: [(position: Int, id: String)]) -> [(position: Int, id: String)] {
        var result: [(position: Int, id: String)] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && !precedesOnPage(b[j], a[i])) {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        return result
    }
}

extension ContentLoader {
    /// The FAQ entry one file holds, read alone: the entry loading the whole content
    /// gives for it (an entry depends on its file and the clinic's default locale alone).
    /// Nil when the file holds no entry.
    public func faqEntry(reading data: Data, at path: String, defaultLocale: String) -> FAQEntry? {
        var state = LoadState(layout: layout)
        guard let text = state.decode(data, path) else { return nil }
        return readFAQ(text, path, Self.stem(path), defaultLocale.isEmpty ? "en" : defaultLocale, &state)
    }
}
