/// Rules about reading the files at all, and rules shared by every kind of record.
extension Rule {
    static let fileUnexpected = Rule(
        "file.unexpected", .warning, "A file in the content folder that clinicctl does not know; it is not published.")
    static let fileMode = Rule(
        "file.mode", .error, "Everything in the content folder is a plain file: no symbolic link, submodule or executable file.")
    static let textEncoding = Rule("text.encoding", .error, "Every file is UTF-8 text.")
    static let fileSize = Rule(
        "file.size", .error, "A content file is at most 256 KiB and the content folder at most 16 MiB; larger ones are not read.")
    static let yamlSyntax = Rule("yaml.syntax", .error, "Every YAML file (and FAQ front matter) is valid YAML.")
    static let schemaType = Rule(
        "schema.type", .error, "Each value has the shape its key needs: a single value, a list, a number, true or false.")
    static let schemaUnknownKey = Rule("schema.unknown-key", .error, "Every key is one clinicctl knows (an unknown key is usually a typo).")
    static let clinicMissing = Rule("clinic.missing", .error, "content/clinic.yaml exists.")
    static let faqFrontMatter = Rule(
        "faq.front-matter", .error, "An FAQ file starts with `---`, the question's fields, another `---`, then the answer.")

    static let clinicEmpty = Rule("clinic.empty", .error, "clinic.yaml is not empty.")
    static let locationEmpty = Rule("location.empty", .error, "A location file is not empty.")
    static let hoursEmpty = Rule("hours.empty", .error, "An hours file is not empty.")
    static let categoryEmpty = Rule("category.empty", .error, "categories.yaml is not empty.")
    static let socialEmpty = Rule("social.empty", .error, "social.yaml is not empty.")
    static let faqEmpty = Rule("faq.empty", .error, "An FAQ file's front matter is not empty.")
    static let configEmpty = Rule("config.empty", .error, "clinicctl.yaml, when present, is not empty.")

    static let idSlug = Rule("id.slug", .error, "Ids use lower-case letters, digits and single hyphens, at most 80 characters.")
    static let idUnique = Rule("id.unique", .error, "No two records of one kind share an id.")
    static let idFilename = Rule("id.filename", .error, "A record's id equals its file name without the extension.")
    static let localeDefaultMissing = Rule(
        "locale.default-missing", .error, "A localized text has a text in the clinic's default locale.")
    static let localeTag = Rule("locale.tag", .error, "Locales are BCP 47 language tags like en, es or pt-BR.")
    static let textControl = Rule(
        "text.control", .error,
        "No text holds control characters (line breaks and tabs only in answers), byte order marks or bidirectional overrides.")
    static let textLength = Rule("text.length", .error, "Names, labels, titles and notes stay within their length limit.")
    static let urlHTTPS = Rule(
        "url.https", .error,
        "Web addresses are full https:// addresses a browser reads as written: a host name, no user name, backslash, space or control character."
    )
}
