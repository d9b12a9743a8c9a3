import ClinicContent
internal import ClinicGit
import Foundation

/// Which file holds each FAQ entry at one revision, in the order loading reads
/// them, with the clinic's default locale: what `faq show ID` needs to read one
/// file instead of the whole content.
///
/// It is a pure function of the revision's root tree, the content folder and the
/// clinicctl build, and is trusted only under all three: written by a command that
/// loaded the content whole, kept in `<git dir>/clinicctl/cache/faq-index.txt`
/// (written to a temporary file and renamed over the old one), ignored when missing,
/// damaged or made for another tree or build.
struct FAQIndex: Equatable {
    static let format = 1
    static let currentBuild = "faq-index-\(format) \(CacheBuild.executable)"

    var tree: String
    var layout: String
    var build: String
    var defaultLocale: String
    /// Each loaded entry's id and file, in load order (an id may be held twice: the first counts).
    var files: [Entry]

    struct Entry: Equatable {
        var id: String
        var path: String
    }

    /// The index of content loaded whole at a revision whose root tree is `tree`.
    init(tree: String, layout: String, _ loaded: LoadedContent) {
        self.tree = tree
        self.layout = layout
        build = Self.currentBuild
        defaultLocale = loaded.content.clinic.defaultLocale
        files = zip(loaded.content.faq, loaded.sources.faqFiles).map { Entry(id: $0.id, path: $1) }
    }

    /// One line per field, then one `id<TAB>path` line per entry; nil when a value
    /// cannot be written on one line (such content goes without an index).
    var text: String? {
        let values = [build, tree, layout, defaultLocale] + files.flatMap { [$0.id, $0.path] }
        guard !values.contains(where: { $0.contains { $0 == "\t" || $0.isNewline } }) else { return nil }
        return ([build, tree, layout, defaultLocale] + files.map { "\($0.id)\t\($0.path)" }).joined(separator: "\n") + "\n"
    }

    /// Reads `text`; nil when it is not a whole index.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A whole file ends with a newline: one cut short is not trusted.
        guard lines.count >= 5, lines.removeLast().isEmpty else { return nil }
        (build, tree, layout, defaultLocale) = (String(lines[0]), String(lines[1]), String(lines[2]), String(lines[3]))
        var files: [Entry] = []
        for line in lines.dropFirst(4) {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            files.append(Entry(id: String(parts[0]), path: String(parts[1])))
        }
        self.files = files
    }
}

extension ContentRepository {
    var faqIndexFile: URL { gitDirectory.appendingPathComponent("clinicctl/cache/faq-index.txt") }

    /// The FAQ entry `id` at `revision` and the clinic's default locale: what
    /// `load(at: revision).content` says (`faqEntry(id)`, `clinic.defaultLocale`).
    ///
    /// With an index of that revision's tree (`FAQIndex`), only the entry's file is
    /// read; otherwise the content is loaded whole and its index written for next time.
    public func faqEntry(_ id: String, at revision: Revision) throws -> (entry: FAQEntry?, defaultLocale: String) {
        let commit = revision.id
        let tree = try withGit(revision: commit.hex) { try $0.treeOf(commit) }.hex
        if let data = try? Data(contentsOf: faqIndexFile), let index = FAQIndex(text: String(decoding: data, as: UTF8.self)),
            index.build == FAQIndex.currentBuild, index.tree == tree, index.layout == layout.directory
        {
            // Not in the index: not in the content either, and the full path explains where it is.
            guard let path = index.files.first(where: { $0.id == id })?.path else {
                return (nil, index.defaultLocale)
            }
            if let data = try withGit(revision: commit.hex, { try $0.readFile(path, at: commit) }),
                let entry = ContentLoader(layout: layout).faqEntry(reading: data, at: path, defaultLocale: index.defaultLocale),
                entry.id == id
            {
                return (entry, index.defaultLocale)
            }
        }
        let loaded = try load(at: commit)
        if let text = FAQIndex(tree: tree, layout: layout.directory, loaded).text { AtomicFile.write(Data(text.utf8), to: faqIndexFile) }
        return (loaded.content.faqEntry(id), loaded.content.clinic.defaultLocale)
    }
}
