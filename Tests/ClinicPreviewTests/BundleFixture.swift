import Foundation

/// A small bundle.json built in the test, so each test changes one thing
/// and hostile strings are encoded by a JSON encoder, not by hand.
struct BundleFixture {
    var locales = ["en"]
    var revision: String? = "8a40311189fc46f4305b8c79d093d29d62599add"
    var generatedAt = "2026-03-01T17:04:05Z"
    var schemaVersion = "1.0.0"
    var format = "clinicctl.bundle"
    var clinicName = "Jason The PT"
    var sms = true
    /// (id, category, question, answer HTML)
    var faq: [(String, String, String, String)] = [
        ("what-is-dry-needling", "needling", "What is dry needling?", "<p>A solid filament needle.</p>\n"),
        ("is-it-painful", "needling", "Is the procedure painful?", "<p>Most patients do not feel it.</p>\n"),
        ("do-you-bill", "billing", "Do you bill insurance?", "<p>Yes.</p>\n"),
    ]
    var categories: [(String, String)] = [("needling", "Trigger Point Dry Needling"), ("billing", "Billing")]
    var loopWeekly: [(String, String)] = [("07:00", "19:00")]
    var special: [(from: String, through: String?, line: String)] = []
    var social: [(network: String, name: String, url: String)] = [
        ("tiktok", "TikTok", "https://www.tiktok.com/@jasonthept"), ("x", "X (Twitter)", "https://x.com/jasonthept"),
    ]
    var copyrightHolder = "Jason The PT, LLC"

    func text(_ value: String, translated: [String: String] = [:]) -> [String: Any] {
        var text: [String: Any] = [:]
        var fallback: [String] = []
        for locale in locales {
            if locale == locales[0] {
                text[locale] = value
            } else if let translation = translated[locale] {
                text[locale] = translation
            } else {
                text[locale] = value
                fallback.append(locale)
            }
        }
        return ["text": text, "fallbackLocales": fallback]
    }

    func each(_ value: String) -> [String: String] { Dictionary(uniqueKeysWithValues: locales.map { ($0, value) }) }

    func perLocale(_ lines: [String]) -> [String: Any] { Dictionary(uniqueKeysWithValues: locales.map { ($0, lines) }) }

    var phone: [String: Any] {
        var links = ["tel": "tel:+17739999825"]
        if sms { links["sms"] = "sms:+17739999825" }
        return ["e164": "+17739999825", "display": "773.999.9825", "capabilities": sms ? ["voice", "sms"] : ["voice"], "links": links]
    }

    func location(_ id: String, _ label: String, weekly: [(String, String)], saturdayByAppointment: Bool) -> [String: Any] {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let week: [[String: Any]] = days.map { day in
            if day == "sat" && saturdayByAppointment { return ["day": day, "status": "by-appointment", "ranges": []] }
            if day == "sat" || day == "sun" { return ["day": day, "status": "closed", "ranges": []] }
            return [
                "day": day, "status": "open",
                "ranges": weekly.map { ["opens": $0.0, "closes": $0.1, "overnight": false] },
            ]
        }
        return [
            "id": id, "label": text(label), "status": "open",
            "address": [
                "street": ["79 W. Monroe Street"], "city": "Chicago", "state": "IL", "zip": "60603", "country": "US",
                "lines": ["79 W. Monroe Street", "Chicago, IL 60603"],
            ],
            "phone": phone, "phoneSource": "clinic",
            "hours": [
                "weekly": [], "byAppointment": saturdayByAppointment ? [["days": ["sat"], "note": text("By appointment")]] : [],
                "special": special.map { entry -> [String: Any] in
                    var value: [String: Any] = ["from": entry.from, "closed": true, "ranges": []]
                    if let through = entry.through { value["through"] = through }
                    return value
                },
                "week": week, "lines": perLocale(["Mon–Fri 7:00 AM – 7:00 PM"]), "specialLines": perLocale(special.map(\.line)),
            ],
        ]
    }

    var dictionary: [String: Any] {
        [
            "format": format, "schemaVersion": schemaVersion, "revision": revision as Any? ?? NSNull(), "fromWorkingTree": false,
            "generatedAt": generatedAt, "defaultLocale": locales[0], "locales": locales,
            "clinic": [
                "name": text(clinicName), "legalName": "Jason The PT, LLC", "phone": phone, "timeZone": "America/Chicago",
                "copyright": ["holder": copyrightHolder, "since": 2022], "businessTypes": ["Physiotherapy"],
                "hoursSummary": perLocale(["Mon–Fri 7:00 AM – 7:00 PM"]),
            ],
            "locations": [
                location("glenview", "Glenview", weekly: [("07:00", "19:00")], saturdayByAppointment: true),
                location("the-loop", "The Loop", weekly: loopWeekly, saturdayByAppointment: false),
            ],
            "categories": categories.map { category in
                ["id": category.0, "title": text(category.1), "faq": faq.filter { $0.1 == category.0 }.map(\.0)]
            },
            "faq": faq.enumerated().map { index, entry in
                [
                    "id": entry.0, "category": entry.1, "position": index * 10, "tags": [], "question": text(entry.2),
                    "answer": [
                        "markdown": each(entry.3), "html": each(entry.3), "plainText": each(entry.3),
                        "fallbackLocales": Array(locales.dropFirst()),
                    ],
                ]
            },
            "social": social.map { ["network": $0.network, "networkName": $0.name, "url": $0.url, "handle": "jasonthept"] },
        ]
    }

    func json() throws -> Data { try JSONSerialization.data(withJSONObject: dictionary, options: [.sortedKeys]) }
}
