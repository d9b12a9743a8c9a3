import ClinicContent
import Crypto
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
/// `clinic.jsonld` (and `clinic.<locale>.jsonld`), and `manifest.json`.
///
/// A pure function of the content and `BundleSource`: no clock, no
/// environment, so the same revision always gives the same bytes.
public struct BundleExporter: Sendable {
    public static let format = BundleDocument.format
    public static let schemaVersion = BundleDocument.schemaVersion
    public static let manifestName = "manifest.json"

    public init() {}

    public func files(for content: SiteContent, source: BundleSource) -> BundleFiles {
        var files = BundleFiles()
        let locales = content.locales
        files.add("bundle.json", JSONWriter.data(BundleDocument(content: content, source: source, locales: locales).json))
        for locale in locales.dropFirst() {
            files.add(
                "bundle.\(locale).json",
                JSONWriter.data(BundleDocument(content: content, source: source, locales: [locale]).json))
        }
        files.add("bundle.schema.json", BundleSchema.data)
        files.add("clinic.jsonld", JSONWriter.data(LinkedDataDocument(content: content, locale: locales[0]).json))
        for locale in locales.dropFirst() {
            files.add("clinic.\(locale).jsonld", JSONWriter.data(LinkedDataDocument(content: content, locale: locale).json))
        }
        files.add(Self.manifestName, JSONWriter.data(manifest(files, source: source)))
        return files
    }

    /// Every other file's size and SHA-256, sorted by name.
    func manifest(_ files: BundleFiles, source: BundleSource) -> JSONValue {
        [
            "format": .string("\(Self.format).manifest"),
            "schemaVersion": .string(Self.schemaVersion),
            "revision": source.revision.map(JSONValue.string) ?? .null,
            "fromWorkingTree": .bool(source.fromWorkingTree),
            "approved": .bool(source.approved),
            "generatedAt": .string(BundleDocument.timestamp(source.generatedAt)),
            "files": .array(
                files.names.sorted().map { name in
                    let data = files[name]!
                    return [
                        "path": .string(name),
                        "size": .int(data.count),
                        "sha256": .string(SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()),
                    ]
                }),
        ]
    }
}
