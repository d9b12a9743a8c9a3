/// Rules for the clinic, its locations, hours, FAQ, social links and the repository configuration.
extension Rule {
    static let phoneE164 = Rule("phone.e164", .error, "Phone numbers are dialable E.164 numbers like \"+17739999825\".")
    static let phoneDisplay = Rule("phone.display", .error, "A phone's display form dials the same number as its e164.")
    static let phoneCapability = Rule("phone.capability", .error, "A phone says what it is for: voice, sms or both.")
    static let clinicTimeZone = Rule("clinic.timezone", .error, "timeZone is an IANA zone id like America/Chicago.")
    static let clinicEmail = Rule("clinic.email", .error, "The clinic's email is an e-mail address.")
    static let clinicCopyright = Rule("clinic.copyright", .error, "copyright.since is a plausible year.")
    static let clinicBusinessType = Rule(
        "clinic.business-type", .error, "businessTypes names at least one schema.org business type, and never PhysicalTherapy.")
    static let clinicBusinessTypeUnknown = Rule(
        "clinic.business-type.unknown", .warning, "A business type clinicctl does not know; search engines may ignore it.")
    static let locationStatus = Rule("location.status", .error, "status is open, temporarily-closed or permanently-closed.")
    static let locationCoordinates = Rule("location.coordinates", .error, "Coordinates have latitude -90…90 and longitude -180…180.")
    static let addressCountry = Rule("address.country", .error, "country is a two-letter code like US.")
    static let addressState = Rule("address.state", .error, "A US state is a two-letter USPS code like IL.")
    static let addressZIP = Rule("address.zip", .error, "A US zip is five digits, or ZIP+4 like 60603-1234.")

    static let hoursDay = Rule("hours.day", .error, "Days are mon, tue, wed, thu, fri, sat or sun, each once per entry.")
    static let hoursDaysRequired = Rule("hours.days.required", .error, "A weekly range or by-appointment entry names at least one day.")
    static let hoursTime = Rule("hours.time", .error, "Times are 24-hour HH:MM from 00:00 to 24:00, and no range opens at 24:00.")
    static let hoursEmptyRange = Rule("hours.empty-range", .error, "A range does not open and close at the same time.")
    static let hoursOvernight = Rule(
        "hours.overnight", .error, "A range closes after it opens, or is marked `overnight: true` when it runs past midnight.")
    static let hoursOverlap = Rule(
        "hours.overlap", .error, "Ranges on one day do not overlap, and a day is in at most one by-appointment entry.")
    static let hoursOpenAndAppointment = Rule("hours.open-and-appointment", .error, "A day is either open or by appointment, not both.")
    static let specialDate = Rule("special.date", .error, "Special dates are real dates written YYYY-MM-DD.")
    static let specialOrder = Rule("special.order", .error, "A special entry's through is not before its from.")
    static let specialClosedAndRanges = Rule("special.closed-and-ranges", .error, "A special entry is closed or gives hours, not both.")
    static let specialEmpty = Rule("special.empty", .error, "A special entry is closed or gives hours.")
    static let specialOverlap = Rule("special.overlap", .error, "Each date has at most one special entry.")
    static let refLocation = Rule("ref.location", .error, "An hours file belongs to an existing location.")
    static let listingSpecialWithoutWeek = Rule(
        "listing.special-without-week", .error,
        "Special hours need weekly hours: Google Business Profile refuses special hours for a location without regular hours.")
    static let listingSpecialPeriod = Rule(
        "listing.special-period", .error,
        "A special range is shorter than 24 hours and, when overnight, closes by 11:59 the next day (Google Business Profile's limits).")

    static let refCategory = Rule("ref.category", .error, "An FAQ entry's category exists in categories.yaml.")
    static let faqTag = Rule("faq.tag", .error, "Tags use lower-case letters, digits and hyphens.")
    static let faqPositionDuplicate = Rule("faq.position.duplicate", .warning, "No two FAQ entries share a position.")
    static let faqLastReviewed = Rule("faq.last-reviewed", .error, "lastReviewed is a real date written YYYY-MM-DD.")
    static let faqQuestionLength = Rule("faq.question.length", .error, "A question is at most 200 characters.")
    static let faqAnswerLength = Rule("faq.answer.length", .error, "An answer is at most 10,000 characters.")
    static let faqAnswerHTML = Rule("faq.answer.html", .error, "Answers are Markdown without raw HTML.")
    static let faqAnswerLink = Rule("faq.answer.link", .error, "Links in answers are full https, http, mailto, tel or sms addresses.")
    static let faqAnswerImage = Rule(
        "faq.answer.image", .error, "Answers embed no images (another site's image tracks readers); link instead.")
    static let socialNetwork = Rule("social.network", .error, "network is tiktok, x, linkedin, instagram, facebook, youtube or other.")
    static let socialHost = Rule("social.host", .error, "A social link points at its network's own site.")
    static let socialDuplicate = Rule("social.duplicate", .warning, "A network (other than other) is listed once.")

    static let configContentDirectory = Rule("config.content-directory", .error, "contentDirectory is a folder inside the repository.")
    static let configReviewer = Rule("config.reviewer", .error, "A reviewer's email is an e-mail address.")
    static let configReviewerKey = Rule(
        "config.reviewer.key", .error,
        "A reviewer's key is one SSH public key line: ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa, then the key in base64.")
}
