import ClinicContent
import Foundation

/// Content that uses every part of the model: a translation, special and
/// overnight hours, appointment-only days, a location's own phone, coordinates.
func richContent() -> SiteContent {
    func t(_ en: String, _ es: String? = nil) -> LocalizedText {
        LocalizedText(es.map { ["en": en, "es": $0] } ?? ["en": en])
    }
    func time(_ text: String) -> TimeOfDay { TimeOfDay(canonical: text)! }
    let clinic = Clinic(
        name: t("Jason The PT", "Jason El Fisio"), legalName: "Jason The PT, LLC", website: "https://jasonthept.example",
        phone: PhoneNumber(e164: "+17739999825", display: "773.999.9825", capabilities: [.voice, .sms]),
        email: "office@jasonthept.example", defaultLocale: "en", timeZone: "America/Chicago",
        copyright: Copyright(holder: "Jason The PT, LLC", since: 2022))
    let loop = Location(
        id: "the-loop", label: t("The Loop", "El Loop"),
        address: PostalAddress(street: ["79 W. Monroe Street", "Suite 919"], city: "Chicago", state: "IL", zip: "60603"),
        coordinates: Coordinates(latitude: 41.8806, longitude: -87.6298))
    let glenview = Location(
        id: "glenview", label: t("Glenview"),
        address: PostalAddress(street: ["1940 Lehigh Ave"], city: "Glenview", state: "IL", zip: "60026-1234"),
        phone: PhoneNumber(e164: "+18475550123", display: "(847) 555-0123"))
    let weekdays = WeeklyRange(days: [.mon, .tue, .wed, .thu], range: TimeRange(opens: time("07:00"), closes: time("19:00")))
    let friday = WeeklyRange(days: [.fri], range: TimeRange(opens: time("07:00"), closes: time("15:00")))
    let loopHours = LocationHours(
        location: "the-loop",
        weekly: [
            weekdays, friday,
            WeeklyRange(days: [.fri], range: TimeRange(opens: time("21:00"), closes: time("02:00"), overnight: true)),
        ],
        special: [
            SpecialHours(
                from: CalendarDay("2026-12-24")!, through: CalendarDay("2026-12-26")!, closed: true,
                reason: t("Christmas", "Navidad")),
            SpecialHours(
                from: CalendarDay("2026-12-31")!, closed: false,
                ranges: [TimeRange(opens: time("07:00"), closes: time("12:00"))]),
        ])
    let glenviewHours = LocationHours(
        location: "glenview", weekly: [weekdays, friday],
        byAppointment: [AppointmentDays(days: [.sat], note: t("By appointment", "Con cita"))])
    let categories = [FAQCategory(id: "dry-needling", title: t("Dry needling", "Punción seca"))]
    let faq = [
        FAQEntry(
            id: "does-it-hurt", question: t("Does it hurt?", "¿Duele?"),
            answer: t("Most people feel *little* discomfort.\n\n- a twitch\n- soreness\n", "La mayoría siente *poca* molestia.\n"),
            category: "dry-needling", position: 20, tags: ["pain"], lastReviewed: CalendarDay("2026-01-15")),
        FAQEntry(
            id: "what-is-it", question: t("What is dry needling?"),
            answer: t("See [our page](https://jasonthept.example/dn) or call 773.999.9825.\n"),
            category: "dry-needling", position: 10),
    ]
    let social = [
        SocialLink(network: .instagram, url: "https://www.instagram.com/jasonthept", handle: "jasonthept"),
        SocialLink(network: .x, url: "https://x.com/jasonthept"),
    ]
    return SiteContent(
        clinic: clinic, locations: [loop, glenview], hours: [loopHours, glenviewHours],
        categories: categories, faq: faq, social: social)
}
