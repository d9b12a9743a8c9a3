import ClinicContent
import Foundation

/// One line of `faq list`: an entry in page order, in the clinic's default locale.
public struct FAQListing: Hashable, Sendable {
    public var id: String
    public var position: Int
    public var category: String
    /// The question in the default locale ("" when it has none).
    public var question: String
    public var locales: [String]
    public var tags: [String]

    /// The entries of `content` in page order.
    public static func rows(of content: SiteContent) -> [FAQListing] {
        let locale = content.clinic.defaultLocale
        return content.faqInPageOrder.map { entry in
            FAQListing(
                id: entry.id, position: entry.position, category: entry.category,
                question: entry.question.text(for: locale, defaultLocale: locale) ?? "",
                locales: entry.question.locales(defaultLocale: locale), tags: entry.tags)
        }
    }
}

/// The FAQ listing of one revision, remembered in `<git dir>/clinicctl/cache/faq-list.txt`:
/// a pure function of the revision's root tree, the content folder and the clinicctl
/// build, trusted only under all three (as `FAQIndex`). One line per value, tab-separated
/// fields; content with a tab, a line break or a unit separator in a value goes without.
struct FAQListingFile: Equatable {
    static let format = 1
    static let currentBuild = "faq-list-\(format) \(CacheBuild.executable)"
    /// Separates the locales and the tags inside one field.
    static let listSeparator: Character = "\u{1F}"

    var build: String
    var tree: String
    var layout: String
    var rows: [FAQListing]

    var text: String? {
        let values = [build, tree, layout] + rows.flatMap { [$0.id, $0.category, $0.question] + $0.locales + $0.tags }
        guard !values.contains(where: { $0.contains { $0 == "\t" || $0.isNewline || $0 == Self.listSeparator } }) else {
            return nil
        }
        let separator = String(Self.listSeparator)
        let lines = rows.map {
            [
                $0.id, String($0.position), $0.category, $0.question, $0.locales.joined(separator: separator),
                $0.tags.joined(separator: separator),
            ]
            .joined(separator: "\t")
        }
        return ([build, tree, layout] + lines).joined(separator: "\n") + "\n"
    }

    init(build: String = Self.currentBuild, tree: String, layout: String, rows: [FAQListing]) {
        (self.build, self.tree, self.layout, self.rows) = (build, tree, layout, rows)
    }

    /// Reads `text`; nil when it is not a whole listing.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A whole file ends with a newline: one cut short is not trusted.
        guard lines.count >= 4, lines.removeLast().isEmpty else { return nil }
        (build, tree, layout) = (String(lines[0]), String(lines[1]), String(lines[2]))
        var rows: [FAQListing] = []
        rows.reserveCapacity(lines.count - 3)
        for line in lines.dropFirst(3) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let position = Int(fields[1]) else { return nil }
            func list(_ field: Substring) -> [String] {
                field.isEmpty ? [] : field.split(separator: Self.listSeparator, omittingEmptySubsequences: false).map(String.init)
            }
            rows.append(
                FAQListing(
                    id: String(fields[0]), position: position, category: String(fields[2]), question: String(fields[3]),
                    locales: list(fields[4]), tags: list(fields[5])))
        }
        self.rows = rows
    }
}

extension ContentRepository {
    var faqListingFile: URL { gitDirectory.appendingPathComponent("clinicctl/cache/faq-list.txt") }

    /// The FAQ entries at `revision` in page order: what `FAQListing.rows(of: load(at: revision).content)`
    /// says, read from the remembered listing of that revision's tree when there is one, else
    /// loaded whole and remembered for next time.
    public func faqListing(at revision: Revision) throws -> [FAQListing] {
        let commit = revision.id
        let tree = try withGit(revision: commit.hex) { try $0.treeOf(commit) }.hex
        if let data = try? Data(contentsOf: faqListingFile),
            let stored = FAQListingFile(text: String(decoding: data, as: UTF8.self)),
            stored.build == FAQListingFile.currentBuild, stored.tree == tree, stored.layout == layout.directory
        {
            return stored.rows
        }
        let rows = FAQListing.rows(of: try load(at: commit).content)
        if let text = FAQListingFile(tree: tree, layout: layout.directory, rows: rows).text {
            AtomicFile.write(Data(text.utf8), to: faqListingFile)
        }
        return rows
    }
}
