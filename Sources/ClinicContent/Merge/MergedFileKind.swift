import Foundation

/// One kind of content file as the merge sees it: read into records, merged, written again.
protocol MergedFileKind {
    associatedtype Records: Equatable
    /// The key and name of the file's record for a file named `stem`: `faq/x` and `faq x`.
    func record(_ stem: String) -> (key: String, label: String)
    /// The records of a file's text, read as a whole load reads it; its problems go into `state`.
    func read(_ text: String, _ path: String, _ locale: String, _ loader: ContentLoader, _ state: inout LoadState) -> Records?
    /// The file's canonical text; nil when there is nothing to write (no categories, no links).
    func write(_ records: Records, _ writer: CanonicalWriter) -> String?
    /// The merged records; nil when the merged content has no such file.
    func merge(_ sides: MergeSides<Records?>, at place: RecordPlace, _ run: inout MergeRun) throws(TextMergeNeeded) -> Records?
}

extension MergedFileKind {
    /// The records of one version of a file read under `locale`; nil when reading it found
    /// anything wrong or, with `canonical`, when its bytes are not exactly what clinicctl
    /// writes (a hand-edited file may hold comments the records do not).
    func records(_ data: Data, _ path: String, locale: String, layout: ContentLayout, canonical: Bool) -> Records? {
        var state = LoadState(layout: layout)
        guard let text = state.decode(data, path),
            let records = read(text, path, locale, ContentLoader(layout: layout), &state), state.findings.isEmpty
        else { return nil }
        if canonical, bytes(records, CanonicalWriter(layout: layout, defaultLocale: locale)) != data { return nil }
        return records
    }

    /// The bytes of the file written from `records`; nil for no file.
    func bytes(_ records: Records, _ writer: CanonicalWriter) -> Data? { write(records, writer).map { Data($0.utf8) } }
}

extension ContentLayout {
    /// How the merge reads the content file at `path`; nil for a file clinicctl does not read as records.
    func mergedKind(_ path: String) -> (any MergedFileKind)? {
        guard holdsRecords(path) else { return nil }
        if path == clinicFile { return ClinicFileKind() }
        if path == categoriesFile { return CategoriesFileKind() }
        if path == socialFile { return SocialFileKind() }
        switch ContentLoader.folder(path, in: self) {
        case "locations": return LocationFileKind()
        case "hours": return HoursFileKind()
        case "faq": return FAQFileKind()
        default: return nil
        }
    }
}
