import Foundation
import Yams

/// What loading produced: the content, the reading problems, and where every
/// record and field came from.
public struct LoadedContent: Sendable {
    public var content: SiteContent
    public var findings: [Finding]
    public var sources: SourceMap
    public var layout: ContentLayout
    /// Findings of the one-entry FAQ rules, per file, remembered from an earlier run
    /// together with the entry they were made about (used only while it is unchanged).
    var checkedFAQ: [String: CheckedFAQ] = [:]
    /// Bytes of the content folder read, as counted against `ContentLimits.repositoryBytes`.
    var bytesRead = 0
}

/// An FAQ entry and what the rules about it alone found, under one default locale.
struct CheckedFAQ: Sendable {
    var entry: FAQEntry
    var locale: String
    var findings: [Finding]
}

/// Reads the content files from any `ContentSource` into a `SiteContent`.
///
/// Reading never throws for bad content: malformed YAML, wrong types, missing
/// and unknown keys become findings, and the records that could be read are
/// kept so that validation can say everything that is wrong in one run.
public struct ContentLoader {
    public let layout: ContentLayout
    public init(layout: ContentLayout = ContentLayout()) { self.layout = layout }

    public func load(from source: any ContentSource) throws -> LoadedContent {
        var state = LoadState(layout: layout)
        let clinic = try loadClinic(source, &state)
        let locale = clinic.defaultLocale.isEmpty ? "en" : clinic.defaultLocale
        var content = SiteContent(clinic: clinic)
        let files = try source.list(under: layout.directory)
        // A link can point anywhere and an executable or a submodule has no place among the
        // records: each is an error, and a link or submodule is not read as a record.
        let special = try source.specialFiles(under: layout.directory)
        for (path, kind) in special.sorted(by: { $0.key < $1.key }) {
            state.findings.append(
                Finding(
                    .fileMode, file: path,
                    message:
                        "\(path) is \(kind.rawValue); the content folder holds plain files only. Replace it with a plain, non-executable file or remove it"
                ))
        }
        // clinic.yaml was read above. A README beside the records (content/faq/README.md) documents
        // them; it is not one of them.
        for path in files
        where path != layout.clinicFile && !layout.isDocumentation(path) && special[path].map({ $0 == .executable }) != false {
            let folder = Self.folder(path, in: layout)
            if folder == "faq", path.hasSuffix(".md"), let records = source.records, let blob = source.contentID(path),
                let entry = restoreFAQ(path, blob: blob, records, clinic.defaultLocale, &state)
            {
                if let entry { content.faq.append(entry) }
                continue
            }
            if folder == "locations" || folder == "hours", path.hasSuffix(".yaml"), let records = source.records,
                let blob = source.contentID(path), let restored = restoreFile(path, blob: blob, records, locale, &state)
            {
                add(restored, path, to: &content, &state)
                continue
            }
            guard let data = try source.read(path) else { continue }
            guard let text = state.decode(data, path) else { continue }
            let stem = Self.stem(path)
            switch folder {
            case "locations" where path.hasSuffix(".yaml"), "hours" where path.hasSuffix(".yaml"):
                let before = state.findings.count
                let value =
                    folder == "hours"
                    ? readHours(text, path, stem, locale, &state).map(CachedFileRecord.Value.hours)
                    : readLocation(text, path, stem, locale, &state).map(CachedFileRecord.Value.location)
                add(value, path, to: &content, &state)
                if let records = source.records, let blob = source.contentID(path) {
                    rememberFile(value, path, blob: blob, size: data.count, since: before, records, locale, state)
                }
            case "faq" where path.hasSuffix(".md"):
                let before = state.findings.count
                let entry = readFAQ(text, path, stem, locale, &state)
                if let entry {
                    content.faq.append(entry)
                    state.map.faqFiles.append(path)
                }
                if let records = source.records, let blob = source.contentID(path) {
                    rememberFAQ(entry, path, blob: blob, size: data.count, since: before, records, clinic, &state)
                }
            case "" where path == layout.categoriesFile:
                content.categories = readCategories(text, path, locale, &state)
                state.map.categoriesFile = path
            case "" where path == layout.socialFile:
                content.social = readSocial(text, path, &state)
                state.map.socialFile = path
            default:
                state.findings.append(
                    Finding(
                        .fileUnexpected, file: path,
                        message: "clinicctl does not know this file and will not publish it; "
                            + "see \(layout.directory)/README.md for where each kind of content goes"))
            }
        }
        state.map.socialFile = layout.socialFile
        state.map.categoriesFile = layout.categoriesFile
        return LoadedContent(
            content: content, findings: state.findings, sources: state.map, layout: layout, checkedFAQ: state.checkedFAQ,
            bytesRead: state.totalBytes)
    }

    /// The sub-folder of the content directory a file is in ("" for the top).
    static func folder(_ path: String, in layout: ContentLayout) -> String {
        let relative = path.dropFirst(layout.directory.count + 1).split(separator: "/")
        return relative.count == 2 ? String(relative[0]) : relative.count == 1 ? "" : "?"
    }

    public static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    }
}

/// Findings and positions gathered while reading every file.
struct LoadState {
    let layout: ContentLayout
    var findings: [Finding] = []
    var map = SourceMap()
    /// Bytes read so far, against `ContentLimits.repositoryBytes`.
    var totalBytes = 0
    /// One-entry FAQ findings of records that came from or went into the record cache.
    var checkedFAQ: [String: CheckedFAQ] = [:]

    /// A file's text; bytes that are not UTF-8 are a finding. Sizes are checked
    /// first, before any parsing, so hostile input costs no more than its bytes.
    mutating func decode(_ data: Data, _ path: String) -> String? {
        totalBytes += data.count
        guard data.count <= ContentLimits.fileBytes else {
            findings.append(
                Finding(
                    .fileSize, file: path,
                    message: "the file is \(data.count) bytes; the limit is \(ContentLimits.fileBytes) bytes, so it was not read"))
            return nil
        }
        guard totalBytes <= ContentLimits.repositoryBytes else {
            findings.append(
                Finding(
                    .fileSize, file: path,
                    message:
                        "the content folder is over \(ContentLimits.repositoryBytes) bytes in all; this file and the rest were not read"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            findings.append(
                Finding(
                    .textEncoding, file: path,
                    message: "the file is not UTF-8 text; save it as UTF-8"))
            return nil
        }
        return text
    }

    /// Runs `body` over a reader for `path` and keeps its findings and positions.
    mutating func read<T>(
        _ path: String, empty: Rule, lineOffset: Int = 0, _ body: (YAMLFieldReader) -> T?
    ) -> T? {
        // The reader gets only this file's positions and hands back only those:
        // copying every file's positions in and out made loading quadratic.
        var own = SourceMap()
        own.positions[path] = map.positions[path]
        let reader = YAMLFieldReader(file: path, empty: empty, lineOffset: lineOffset, map: own)
        let result = body(reader)
        findings += reader.findings
        map.positions[path] = reader.map.positions[path]
        map.listIndices[path] = reader.map.listIndices[path]
        return result
    }
}

/// How much content clinicctl reads at all: checked before parsing (see docs/content-format.md).
public enum ContentLimits {
    /// One content file.
    public static let fileBytes = 256 * 1024
    /// The whole content folder.
    public static let repositoryBytes = 16 * 1024 * 1024
    /// One answer's Markdown handed to cmark (10,000 characters of up to 4 bytes each).
    public static let markdownBytes = 40_000
}
