/// Rules that a field is present and not empty, one per field, the same for every list entry and locale.
extension Rule {
    static func required(_ id: String, _ what: String) -> Rule { Rule(id, .error, "\(what) is present and not empty.") }

    static let clinicNameRequired = required("clinic.name.required", "The clinic's name")
    static let clinicLegalNameRequired = required("clinic.legalName.required", "The clinic's legalName")
    static let clinicDefaultLocaleRequired = required("clinic.defaultLocale.required", "The clinic's defaultLocale")
    static let clinicTimeZoneRequired = required("clinic.timeZone.required", "The clinic's timeZone")
    static let clinicPhoneRequired = required("clinic.phone.required", "The clinic's phone")
    static let clinicPhoneE164Required = required("clinic.phone.e164.required", "The clinic's phone.e164")
    static let clinicCopyrightHolderRequired = required("clinic.copyright.holder.required", "copyright.holder, when copyright is given,")
    static let clinicCopyrightSinceRequired = required("clinic.copyright.since.required", "copyright.since, when copyright is given,")

    static let locationIDRequired = required("location.id.required", "A location's id")
    static let locationLabelRequired = required("location.label.required", "A location's label")
    static let locationAddressRequired = required("location.address.required", "A location's address")
    static let locationStreetRequired = required("location.address.street.required", "A location's address.street (at least one line)")
    static let locationCityRequired = required("location.address.city.required", "A location's address.city")
    static let locationStateRequired = required("location.address.state.required", "A location's address.state")
    static let locationZIPRequired = required("location.address.zip.required", "A location's address.zip")
    static let locationLatitudeRequired = required(
        "location.coordinates.latitude.required", "coordinates.latitude, when coordinates are given,")
    static let locationLongitudeRequired = required(
        "location.coordinates.longitude.required", "coordinates.longitude, when coordinates are given,")
    static let locationPhoneE164Required = required("location.phone.e164.required", "phone.e164, when a location has a phone,")

    static let hoursLocationRequired = required("hours.location.required", "An hours file's location")
    static let hoursWeeklyOpensRequired = required("hours.weekly.opens.required", "A weekly range's opens")
    static let hoursWeeklyClosesRequired = required("hours.weekly.closes.required", "A weekly range's closes")
    static let hoursSpecialFromRequired = required("hours.special.from.required", "A special entry's from")
    static let hoursSpecialOpensRequired = required("hours.special.ranges.opens.required", "A special range's opens")
    static let hoursSpecialClosesRequired = required("hours.special.ranges.closes.required", "A special range's closes")

    static let categoriesRequired = required("category.categories.required", "categories.yaml's categories list")
    static let categoryIDRequired = required("category.categories.id.required", "A category's id")
    static let categoryTitleRequired = required("category.categories.title.required", "A category's title")

    static let socialLinksRequired = required("social.links.required", "social.yaml's links list")
    static let socialNetworkRequired = required("social.links.network.required", "A social link's network")
    static let socialURLRequired = required("social.links.url.required", "A social link's url")

    static let faqIDRequired = required("faq.id.required", "An FAQ entry's id")
    static let faqQuestionRequired = required("faq.question.required", "An FAQ entry's question")
    static let faqAnswerRequired = required("faq.answer.required", "An FAQ entry's answer (the text after the front matter)")
    static let faqCategoryRequired = required("faq.category.required", "An FAQ entry's category")
    static let faqPositionRequired = required("faq.position.required", "An FAQ entry's position")
    static let faqTranslationQuestionRequired = required(
        "faq.translations.question.required", "Each translation's question (the finding names the locale)")
    static let faqTranslationAnswerRequired = required(
        "faq.translations.answer.required", "Each translation's answer (the finding names the locale)")

    static let reviewerNameRequired = required("config.reviewers.name.required", "A reviewer's name")
    static let reviewerEmailRequired = required("config.reviewers.email.required", "A reviewer's email")
}

extension RuleCatalogue {
    static let required: [Rule] = [
        .clinicNameRequired, .clinicLegalNameRequired, .clinicDefaultLocaleRequired, .clinicTimeZoneRequired,
        .clinicPhoneRequired, .clinicPhoneE164Required, .clinicCopyrightHolderRequired, .clinicCopyrightSinceRequired,
        .locationIDRequired, .locationLabelRequired, .locationAddressRequired, .locationStreetRequired, .locationCityRequired,
        .locationStateRequired, .locationZIPRequired, .locationLatitudeRequired, .locationLongitudeRequired,
        .locationPhoneE164Required,
        .hoursLocationRequired, .hoursWeeklyOpensRequired, .hoursWeeklyClosesRequired, .hoursSpecialFromRequired,
        .hoursSpecialOpensRequired, .hoursSpecialClosesRequired,
        .categoriesRequired, .categoryIDRequired, .categoryTitleRequired,
        .socialLinksRequired, .socialNetworkRequired, .socialURLRequired,
        .faqIDRequired, .faqQuestionRequired, .faqAnswerRequired, .faqCategoryRequired, .faqPositionRequired,
        .faqTranslationQuestionRequired, .faqTranslationAnswerRequired,
        .reviewerNameRequired, .reviewerEmailRequired,
    ]
}
