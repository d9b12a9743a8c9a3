/// Checks a whole loaded content set against every rule and returns findings.
///
/// Each kind of record has its own file of rules (`Validator+Hours.swift`
/// and so on); this file holds the entry point and rules shared by all.
public struct Validator {
    public init() {}

    /// Reading findings plus every rule's findings, in print order.
    public func validate(_ loaded: LoadedContent) -> [Finding] {
        var run = ValidationRun(content: loaded.content, sources: loaded.sources, layout: loaded.layout)
        run.checkClinic()
        run.checkLocations()
        run.checkHours()
        run.checkFAQ()
        run.checkSocial()
        return (loaded.findings + run.findings).ordered
    }

    /// Loads from `source` and validates.
    public func validate(_ source: any ContentSource, layout: ContentLayout = ContentLayout()) throws -> (LoadedContent, [Finding]) {
        let loaded = try ContentLoader(layout: layout).load(from: source)
        return (loaded, validate(loaded))
    }
}

/// One validation pass: the content, where it came from, and what was found.
struct ValidationRun {
    let content: SiteContent
    let sources: SourceMap
    let layout: ContentLayout
    var findings: [Finding] = []

    var defaultLocale: String { content.clinic.defaultLocale }

    mutating func error(_ file: String, _ field: String, _ rule: String, _ message: String) {
        findings.append(sources.finding(.error, file, field, rule: rule, message))
    }

    mutating func warning(_ file: String, _ field: String, _ rule: String, _ message: String) {
        findings.append(sources.finding(.warning, file, field, rule: rule, message))
    }

    /// Slug form, uniqueness among `ids`, and agreement with the file name (when the file is `namedAfterID`).
    mutating func checkIdentity(
        _ id: String, kind: String, file: String, field: String = "id", namedAfterID: Bool = true, seen: inout [String: String]
    ) {
        if id.count > Formats.maxSlugLength {
            error(
                file, field, "id.slug",
                "\(kind) id \"\(id.prefix(30))…\" is \(id.count) characters long; ids are at most \(Formats.maxSlugLength), like \"\(Formats.slug(from: id))\""
            )
        } else if !Formats.isSlug(id) {
            error(
                file, field, "id.slug",
                "\(kind) id \"\(id)\" must use lower-case letters, digits and hyphens only, like \"\(Formats.slug(from: id))\"")
        }
        if let other = seen[id] {
            error(file, field, "id.unique", "\(kind) id \"\(id)\" is also used by \(other); ids must be unique")
        } else {
            seen[id] = namedAfterID ? file : field
        }
        let stem = ContentLoader.stem(file)
        if namedAfterID, !file.isEmpty, stem != id, file.hasSuffix(".yaml") || file.hasSuffix(".md") {
            error(file, field, "id.filename", "\(kind) id \"\(id)\" does not match its file name \"\(stem)\"; rename one so they agree")
        }
    }

    /// Default-locale presence, language tags, control characters and length of one text.
    mutating func checkText(
        _ text: LocalizedText?, file: String, field: String, multiline: Bool = false, maxLength: Int? = nil, rulePrefix: String = "text"
    ) {
        guard let text else { return }
        if text.translations[defaultLocale] == nil, !text.translations.isEmpty {
            error(file, field, "locale.default-missing", "\(field) has no text in the clinic's default locale \"\(defaultLocale)\"")
        }
        for (locale, value) in text.translations.sorted(by: { $0.key < $1.key }) {
            let at = text.translations.count > 1 || locale != defaultLocale ? "\(field).\(locale)" : field
            // The default locale's tag is reported once, at clinic.yaml's defaultLocale, not at every text.
            if locale != defaultLocale, !Formats.isLanguageTag(locale) {
                error(file, at, "locale.tag", "\"\(locale)\" is not a language tag; write one like en, es or pt-BR")
            }
            checkPlain(value, file: file, field: at, multiline: multiline)
            if let maxLength, value.count > maxLength {
                error(file, at, "\(rulePrefix).length", "\(field) is \(value.count) characters long; the limit is \(maxLength)")
            }
        }
    }

    mutating func checkPlain(_ value: String, file: String, field: String, multiline: Bool = false) {
        if let bad = Formats.controlCharacter(in: value, multiline: multiline) {
            error(
                file, field, "text.control",
                "\(field) contains the invisible control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(4)); remove it"
            )
        }
    }

    mutating func checkPhone(_ phone: PhoneNumber, file: String, field: String) {
        if let problem = Formats.e164Problem(phone.e164) {
            error(file, "\(field).e164", "phone.e164", "\(field) \"\(phone.e164)\" is not a valid phone number: \(problem)")
        } else if let display = phone.display, !Formats.displayMatches(display, e164: phone.e164) {
            error(
                file, "\(field).display", "phone.display",
                "\(field) display \"\(display)\" does not dial \(phone.e164); make them the same number")
        }
        if phone.capabilities.isEmpty {
            error(file, "\(field).capabilities", "phone.capability", "\(field) must say what it is for: voice, sms or both")
        }
    }

    mutating func checkHTTPS(_ url: String, file: String, field: String, rule: String = "url.https") {
        if Formats.httpsHost(url) == nil {
            error(file, field, rule, "\(field) \"\(url)\" must be a full https:// address, like \"https://example.com/\"")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
