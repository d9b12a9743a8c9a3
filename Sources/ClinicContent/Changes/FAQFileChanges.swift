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
        let layout = base.layout
        let loader = ContentLoader(layout: layout)
        let inside = files.filter { $0.path.hasPrefix(layout.directory + "/") }
        guard
            inside.allSatisfy({
                $0.isPlain && ContentLoader.folder($0.path, in: layout) == "faq" && $0.path.hasSuffix(".md")
                    && !layout.isDocumentation($0.path)
            }),
            // A file skipped for the size limits, before or after, changes what is read after it.
            !base.findings.contains(where: { $0.rule == Rule.fileSize.id }),
            base.bytesRead - inside.map(\.oldSize).reduce(0, +) + inside.map { $0.data?.count ?? 0 }.reduce(0, +)
                <= ContentLimits.repositoryBytes,
            inside.allSatisfy({ ($0.data?.count ?? 0) <= ContentLimits.fileBytes })
        else { return nil }
        let clinic = base.content.clinic
        let readingLocale = clinic.defaultLocale.isEmpty ? "en" : clinic.defaultLocale
        let changedPaths = Set(inside.map(\.path))
        var new = base.content
        new.faq = []
        var changedIDs = Set<String>()
        for (entry, path) in zip(base.content.faq, base.sources.faqFiles) {
            if changedPaths.contains(path) { changedIDs.insert(entry.id) } else { new.faq.append(entry) }
        }
        var added: [FAQEntry] = []
        for file in inside {
            guard let data = file.data else { continue }
            var state = LoadState(layout: layout)
            guard let text = state.decode(data, file.path),
                let entry = loader.readFAQ(text, file.path, ContentLoader.stem(file.path), readingLocale, &state)
            else { continue }
            added.append(entry)
            changedIDs.insert(entry.id)
        }
        new.faq += added
        // Records are keyed by id: with an id held twice, which one counts depends on the order of the files.
        let ids = base.content.faq.map(\.id)
        guard Set(ids).count == ids.count, Set(new.faq.map(\.id)).count == new.faq.count else { return nil }
        // The page order after: the order before without the changed entries, with their new versions merged in.
        let before = pageOrder(base.content.faq)
        // (Ids are unique on both sides, so the changed ids name exactly the entries of the changed files.)
        let after = merged(before.filter { !changedIDs.contains($0.id) }, pageOrder(added))
        let pageMoves = pageOrderMoves(before.map(\.id), after.map(\.id))
        let keys = Set(changedIDs.map { "faq/\($0)" }).union(pageMoves.keys)
        func records(_ faq: [FAQEntry]) -> [String: DiffRecord] {
            var records: [String: DiffRecord] = [:]
            for entry in faq where keys.contains("faq/\(entry.id)") {
                records["faq/\(entry.id)"] = faqRecord(entry, locale: clinic.defaultLocale)
            }
            return records
        }
        return changes(keys, records(base.content.faq), records(new.faq), pageMoves)
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
