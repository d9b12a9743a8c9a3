import ClinicContent
import Foundation

/// The files of one exported bundle, by name, in the order they are listed.
public struct BundleFiles: Hashable, Sendable {
    public private(set) var names: [String] = []
    public private(set) var contents: [String: Data] = [:]

    public init() {}

    public mutating func add(_ name: String, _ data: Data) {
        if contents[name] == nil { names.append(name) }
        contents[name] = data
    }

    public subscript(name: String) -> Data? { contents[name] }
}

/// Turns content into the bundle's files: `bundle.json`, one
/// `bundle.<locale>.json` per other locale, `bundle.schema.json`,
/// `clinic.jsonld` (and `clinic.<locale>.jsonld`), per location its listings
/// (`listings/<id>/`: Google, Apple, OpenStreetMap, iCalendar), and `manifest.json`.
///
/// A pure function of the content and `BundleSource`: no clock, no
/// environment, so the same revision always gives the same bytes.
public struct BundleExporter: Sendable {
    public static let format = BundleDocument.format
    public static let schemaVersion = BundleDocument.schemaVersion
    public static let manifestName = "manifest.json"

    public init() {}

    /// The bundle's files in memory.
    public func files(for content: SiteContent, source: BundleSource) -> BundleFiles {
        var files = BundleFiles()
        write(content, source: source) { name, produce in
            var data = Data()
            var out = JSONOutput { data.append(contentsOf: $0) }
            produce(&out)
            let (size, sha256) = out.finish()
            files.add(name, data)
            return ExportedFile(name: name, size: size, sha256: sha256)
        }
        return files
    }

    /// Writes each file of the bundle through `file`, in order, and returns
    /// what was written. `file` is given a file's name and what writes its
    /// bytes into an output, and returns the file's size and digest: a large
    /// file goes to disk chunk by chunk and is never held whole.
    @discardableResult
    public func write(
        _ content: SiteContent, source: BundleSource,
        file: (String, (inout JSONOutput) -> Void) throws -> ExportedFile
    ) rethrows -> [ExportedFile] {
        var written: [ExportedFile] = []
        let locales = content.locales
        func add(_ name: String, _ document: JSONStreamValue) throws {
            written.append(try file(name) { JSONWriter.writeDocument(document, into: &$0) })
        }
        try add("bundle.json", BundleDocument(content: content, source: source, locales: locales).document)
        for locale in locales.dropFirst() {
            try add("bundle.\(locale).json", BundleDocument(content: content, source: source, locales: [locale]).document)
        }
        written.append(try file("bundle.schema.json") { $0.append(BundleSchema.data) })
        try add("clinic.jsonld", LinkedDataDocument(content: content, locale: locales[0]).document)
        for locale in locales.dropFirst() {
            try add("clinic.\(locale).jsonld", LinkedDataDocument(content: content, locale: locale).document)
        }
        for listing in Listings.files(content, source: source) {
            written.append(try file(listing.path) { $0.append(listing.data) })
        }
        try add(Self.manifestName, .value(manifest(written, source: source)))
        return written
    }

    /// Every other file's size and SHA-256, sorted by name.
    func manifest(_ files: [ExportedFile], source: BundleSource) -> JSONValue {
        [
            "format": .string("\(Self.format).manifest"),
            "schemaVersion": .string(Self.schemaVersion),
            "revision": source.revision.map(JSONValue.string) ?? .null,
            "fromWorkingTree": .bool(source.fromWorkingTree),
            "approved": .bool(source.approved),
            "generatedAt": .string(BundleDocument.timestamp(source.generatedAt)),
            "files": .array(
                files.sorted { $0.name < $1.name }.map { file in
                    ["path": .string(file.name), "size": .int(file.size), "sha256": .string(file.sha256)]
                }),
        ]
    }
}

/// One written file of a bundle: its name, size in bytes and SHA-256 (lowercase hex).
public struct ExportedFile: Hashable, Sendable {
    public var name: String
    public var size: Int
    public var sha256: String

    public init(name: String, size: Int, sha256: String) {
        self.name = name
        self.size = size
        self.sha256 = sha256
    }
}
