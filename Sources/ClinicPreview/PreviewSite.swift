import Foundation

/// One file of a preview folder: a path relative to the folder, and its bytes.
public struct PreviewFile: Hashable, Sendable {
    public var path: String
    public var data: Data
}

/// The static preview of one bundle: a self-contained folder with the page in
/// every locale of the bundle (`index.html`, `es/index.html`) and its style sheet.
///
/// A pure function of its inputs (no clock, no environment), so the same
/// bundle always gives byte-identical files.
public struct PreviewSite: Sendable {
    public let bundle: PreviewBundle
    /// `clinic.jsonld` texts by locale, embedded as they are.
    public let linkedData: [String: String]

    /// Reads `bundle.json`, and takes each locale's JSON-LD (`clinic.jsonld`
    /// for the default locale, `clinic.<locale>.jsonld` for others) to embed
    /// unchanged; the JSON-LD is never parsed here.
    public init(bundleJSON: Data, linkedData: [String: Data] = [:]) throws {
        bundle = try PreviewBundle(json: bundleJSON)
        self.linkedData = linkedData.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a bundle folder's files by name: `bundle.json`, and
    /// `clinic.jsonld` / `clinic.<locale>.jsonld` for each locale it carries.
    /// Every other file is ignored.
    public init(bundleFiles: [String: Data]) throws {
        guard let json = bundleFiles["bundle.json"] else { throw PreviewError.unreadableBundle("the folder has no bundle.json") }
        let bundle = try PreviewBundle(json: json)
        var linkedData: [String: Data] = [:]
        for locale in bundle.locales {
            linkedData[locale] = bundleFiles[Self.linkedDataFileName(locale: locale, defaultLocale: bundle.defaultLocale)]
        }
        try self.init(bundleJSON: json, linkedData: linkedData)
    }

    /// The JSON-LD file names a bundle folder holds, by locale.
    public static func linkedDataFileName(locale: String, defaultLocale: String) -> String {
        locale == defaultLocale ? "clinic.jsonld" : "clinic.\(locale).jsonld"
    }

    /// The page of `locale`, relative to the folder: `index.html` or `es/index.html`.
    public func pagePath(locale: String? = nil, compare: Bool = false) throws -> String {
        path(locale: try checked(locale), compare: compare)
    }

    func path(locale: String, compare: Bool = false) -> String {
        PageHead.path(compare ? "compare.html" : "index.html", locale: locale, defaultLocale: bundle.defaultLocale)
    }

    /// `locale`, or the default one; an error names the locales there are.
    func checked(_ locale: String?) throws -> String {
        guard let locale else { return bundle.defaultLocale }
        guard bundle.locales.contains(locale) else { throw PreviewError.unknownLocale(locale, available: bundle.locales) }
        return locale
    }

    /// Every file of the folder, in a fixed order.
    public func files() -> [PreviewFile] {
        var files = [PreviewFile(path: PageHead.stylesheetName, data: Data(Stylesheet.css.utf8))]
        for locale in bundle.locales {
            let page = PreviewPage(context: PageContext(bundle: bundle, locale: locale), linkedData: linkedData[locale])
            files.append(PreviewFile(path: path(locale: locale), data: Data(page.html().utf8)))
        }
        return files
    }

    /// The draft's own pages, plus `compare.html` per locale: `published` and
    /// this site side by side. A locale the published bundle lacks is
    /// compared with its default locale.
    public func comparing(with published: PreviewSite) -> [PreviewFile] {
        var files = files()
        for locale in bundle.locales {
            let before = published.bundle.locales.contains(locale) ? locale : published.bundle.defaultLocale
            let page = ComparePage(
                published: PageContext(bundle: published.bundle, locale: before), draft: PageContext(bundle: bundle, locale: locale))
            files.append(PreviewFile(path: path(locale: locale, compare: true), data: Data(page.html().utf8)))
        }
        return files
    }

    /// The ids of the sections the draft changes against `published`, in page
    /// order (`faq-<category>`, `hours`, `phone`, `location-<id>`, `social`, `copyright`).
    public func changedSections(since published: PreviewSite, locale: String? = nil) throws -> [String] {
        let locale = try checked(locale)
        let before = published.bundle.locales.contains(locale) ? locale : published.bundle.defaultLocale
        let page = ComparePage(
            published: PageContext(bundle: published.bundle, locale: before), draft: PageContext(bundle: bundle, locale: locale))
        return page.rows.filter(\.changed).map(\.id)
    }
}
