/// One validation rule: a stable id, how bad breaking it is, and what it asks.
///
/// Every finding names a rule from `RuleCatalogue.all`; the ids are declared
/// once, here and in the `Rule+*.swift` files, never written as text at a check.
/// A rule id never names a locale or a list index: those go into the finding.
public struct Rule: Hashable, Sendable, Encodable {
    /// Stable id (`faq.question.required`), for scripts and documentation.
    public let id: String
    public let severity: Finding.Severity
    /// One line of plain English: what the rule asks of the content.
    public let summary: String

    init(_ id: String, _ severity: Finding.Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey { case id, severity, summary = "description" }
}

/// Every rule clinicctl checks, in documentation order.
public enum RuleCatalogue {
    public static let all: [Rule] = reading + required + clinic + hours + faqAndSocial + config

    /// The rule with `id`, if there is one.
    public static func rule(_ id: String) -> Rule? { byID[id] }

    private static let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    static let reading: [Rule] = [
        .fileUnexpected, .fileMode, .textEncoding, .fileSize, .yamlSyntax, .schemaType, .schemaUnknownKey, .clinicMissing, .faqFrontMatter,
        .clinicEmpty, .locationEmpty, .hoursEmpty, .categoryEmpty, .socialEmpty, .faqEmpty, .configEmpty,
        .idSlug, .idUnique, .idFilename, .localeDefaultMissing, .localeTag, .textControl, .textLength, .urlHTTPS,
    ]
    static let clinic: [Rule] = [
        .phoneE164, .phoneDisplay, .phoneCapability, .clinicTimeZone, .clinicEmail, .clinicCopyright,
        .clinicBusinessType, .clinicBusinessTypeUnknown, .locationStatus, .locationCoordinates,
        .addressCountry, .addressState, .addressZIP,
    ]
    static let hours: [Rule] = [
        .hoursDay, .hoursDaysRequired, .hoursTime, .hoursEmptyRange, .hoursOvernight, .hoursOverlap, .hoursOpenAndAppointment,
        .specialDate, .specialOrder, .specialClosedAndRanges, .specialEmpty, .specialOverlap, .refLocation,
        .listingSpecialWithoutWeek, .listingSpecialPeriod,
    ]
    static let faqAndSocial: [Rule] = [
        .refCategory, .faqTag, .faqPositionDuplicate, .faqLastReviewed, .faqQuestionLength, .faqAnswerLength,
        .faqAnswerHTML, .faqAnswerLink, .faqAnswerImage, .socialNetwork, .socialHost, .socialDuplicate,
    ]
    static let config: [Rule] = [.configContentDirectory, .configReviewer, .configReviewerKey]
}
