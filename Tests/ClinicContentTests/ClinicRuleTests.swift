import ClinicContent
import Foundation
import Testing

/// Rules for the clinic, its locations and social links, each proved by breaking
/// one value of the real content and seeing exactly one finding.
@Suite("Clinic, location and social rules")
struct ClinicRuleTests {
    let clinic = RealFile.clinic
    let glenview = RealFile.glenview
    let social = RealFile.social

    func edit(_ path: String, _ old: String, _ new: String) throws -> [String] {
        try findings { replace(&$0, path, old, new) }
    }

    // MARK: Phone numbers

    @Test(
        "E.164 numbers follow the North American Numbering Plan",
        arguments: [
            ("+10739999825", "area code 073 cannot start with 0 or 1"),
            ("+11739999825", "area code 173 cannot start with 0 or 1"),
            ("+17939999825", "9 as their middle digit"),
            ("+14119999825", "411 is a service code"),
            ("+17730999825", "exchange 099 cannot start with 0 or 1"),
            ("+17731999825", "exchange 199 cannot start with 0 or 1"),
            ("+17734119825", "exchange 411 is a service code"),
            ("+1773999982", "10 digits after +1"),
            ("17739999825", "E.164 form"),
            ("773.999.9825", "E.164 form"),
            ("+0773999982", "8 to 15 digits"),
            ("+1773999982a", "8 to 15 digits"),
        ])
    func e164(number: String, why: String) throws {
        let (_, all) = try validateRealContent { replace(&$0, clinic, "\"+17739999825\"", "\"\(number)\"") }
        #expect(all.map(\.summary) == ["\(clinic):4:9: error [phone.e164]"])
        #expect(all.first?.message.contains(why) == true, "\(all.first?.message ?? "")")
    }

    @Test("a number outside North America only needs E.164's shape")
    func internationalNumber() throws {
        #expect(
            try findings {
                replace(&$0, clinic, "\"+17739999825\"", "\"+442079460958\"")
                replace(&$0, clinic, "\"773.999.9825\"", "\"+44 20 7946 0958\"")
            } == [])
    }

    @Test(
        "the display form must dial the same number",
        arguments: ["773.999.9826", "312.999.9825", "+773 999 9825", "773-999-9825 ext 2", "999.9825", "1-800-FLOWERS"])
    func displayMismatch(display: String) throws {
        #expect(try edit(clinic, "\"773.999.9825\"", "\"\(display)\"") == ["\(clinic):5:12: error [phone.display]"])
    }

    @Test(
        "display forms people write for the same number pass",
        arguments: ["(773) 999-9825", "+1 773 999 9825", "1-773-999-9825", "7739999825", "+1 (773) 999.9825"])
    func displayMatches(display: String) throws {
        #expect(try edit(clinic, "\"773.999.9825\"", "\"\(display)\"") == [])
    }

    @Test("a phone says what it is for: voice, sms or both")
    func capabilities() throws {
        #expect(try edit(clinic, "[voice, sms]", "[voice, fax]") == ["\(clinic):6:25: error [phone.capability]"])
        #expect(try edit(clinic, "[voice, sms]", "[]") == ["\(clinic):6:17: error [phone.capability]"])
        #expect(try edit(clinic, "[voice, sms]", "[sms]") == [])
    }

    @Test("a location's own phone gets the same checks")
    func locationPhone() throws {
        let phone = "phone:\n  e164: \"+18479999825\"\n  display: \"847.999.9825\"\n  capabilities: [voice]\nstatus: open"
        #expect(try edit(glenview, "status: open", phone) == [])
        #expect(
            try edit(glenview, "status: open", phone.replacingOccurrences(of: "847.999.9825", with: "847.999.9826"))
                == ["\(glenview):12:12: error [phone.display]"])
    }

    // MARK: Addresses and locations

    @Test("a US state is a two-letter USPS code", arguments: ["Illinois", "il", "ZZ", "I L"])
    func state(state: String) throws {
        #expect(try edit(glenview, "state: IL", "state: \(state)") == ["\(glenview):7:10: error [address.state]"])
    }

    @Test("DC and territories are states for mail", arguments: ["DC", "PR", "GU"])
    func stateLike(state: String) throws {
        #expect(try edit(glenview, "state: IL", "state: \(state)") == [])
    }

    @Test(
        "a US ZIP is five digits or ZIP+4",
        arguments: [
            ("600261", true), ("6002", true), ("60026-12", true), ("6002A", true), ("60026 1234", true), ("600261234", true),
            ("60026-1234", false), ("60026", false),
        ])
    func zip(zip: String, refused: Bool) throws {
        #expect(try edit(glenview, "\"60026\"", "\"\(zip)\"") == (refused ? ["\(glenview):8:8: error [address.zip]"] : []))
    }

    @Test("the country is a two-letter code", arguments: ["USA", "us", "U"])
    func country(country: String) throws {
        #expect(try edit(glenview, "country: US", "country: \(country)") == ["\(glenview):9:12: error [address.country]"])
    }

    @Test("outside the US, state and ZIP are not held to USPS forms")
    func foreignAddress() throws {
        #expect(
            try findings {
                replace(&$0, glenview, "country: US", "country: CA")
                replace(&$0, glenview, "\"60026\"", "\"M5V 2T6\"")
                replace(&$0, glenview, "state: IL", "state: Ontario")
            } == [])
    }

    @Test(
        "coordinates are on the globe",
        arguments: [
            ("91", "-87.8", false), ("-90.5", "-87.8", false), ("42.07", "181", false), ("42.07", "-180.01", false),
            ("42.07", "-87.81", true), ("-90", "180", true),
        ])
    func coordinates(latitude: String, longitude: String, valid: Bool) throws {
        let all = try edit(glenview, "status: open", "coordinates:\n  latitude: \(latitude)\n  longitude: \(longitude)\nstatus: open")
        #expect(all == (valid ? [] : ["\(glenview):11:3: error [location.coordinates]"]))
    }

    @Test(
        "status is one of the three known words",
        arguments: [("closed", false), ("temporarily-closed", true), ("permanently-closed", true)])
    func status(status: String, valid: Bool) throws {
        #expect(try edit(glenview, "status: open", "status: \(status)") == (valid ? [] : ["\(glenview):10:9: error [location.status]"]))
    }

    @Test("a copied location repeats its id; the copy sorts first, so the original is the repeat")
    func duplicateLocation() throws {
        let copy = "content/locations/glenview-2.yaml"
        #expect(
            try findings { $0[copy] = $0[glenview] } == [
                "\(copy):1:5: error [id.filename]", "\(glenview):1:5: error [id.unique]",
            ])
    }

    @Test("a location id is a slug; its hours, named after it, say so too")
    func locationSlug() throws {
        let all = try findings {
            rename(&$0, glenview, to: "content/locations/Glen_View.yaml", "id: glenview", "id: Glen_View")
            rename(&$0, RealFile.glenviewHours, to: "content/hours/Glen_View.yaml", "location: glenview", "location: Glen_View")
        }
        #expect(all == ["content/hours/Glen_View.yaml:1:11: error [id.slug]", "content/locations/Glen_View.yaml:1:5: error [id.slug]"])
    }

    @Test("a category id used twice, with the first one named in the message")
    func duplicateCategory() throws {
        let (_, all) = try validateRealContent {
            $0[RealFile.categories]! += "  - id: trigger-point-dry-needling\n    title: Dry Needling Again\n"
        }
        #expect(all.map(\.summary) == ["\(RealFile.categories):4:9: error [id.unique]"])
        #expect(all.first?.message.contains("also used by categories[0].id") == true, "\(all.first?.message ?? "")")
    }

    // MARK: The clinic

    @Test("the time zone is an IANA id", arguments: ["-06:00", "CST", "UTC", "Etc/GMT+6", "America/Chicgo", "GMT-6", "Central Time"])
    func badTimeZone(zone: String) throws {
        #expect(try edit(clinic, "timeZone: America/Chicago", "timeZone: \"\(zone)\"") == ["\(clinic):8:11: error [clinic.timezone]"])
    }

    @Test("IANA zone ids pass", arguments: ["America/Chicago", "America/New_York", "America/Indiana/Indianapolis"])
    func goodTimeZone(zone: String) throws {
        #expect(try edit(clinic, "timeZone: America/Chicago", "timeZone: \(zone)") == [])
    }

    @Test(
        "the e-mail address",
        arguments: [
            ("office", false), ("office@", false), ("@example.com", false), ("office@example", false),
            ("Jason <jason@example.com>", false), ("a b@example.com", false), ("office@jasonthept.com", true),
        ])
    func email(email: String, valid: Bool) throws {
        let all = try edit(clinic, "defaultLocale: en", "email: \"\(email)\"\ndefaultLocale: en")
        #expect(all == (valid ? [] : ["\(clinic):7:8: error [clinic.email]"]))
    }

    @Test("PhysicalTherapy is a therapy, not a business: an error")
    func physicalTherapy() throws {
        let (_, all) = try validateRealContent { replace(&$0, clinic, "[Physiotherapy,", "[PhysicalTherapy,") }
        #expect(all.map(\.summary) == ["\(clinic):12:17: error [clinic.business-type]"])
        #expect(all.first?.message.contains("\"Physiotherapy\"") == true)
    }

    @Test("an unknown business type is a warning")
    func unknownBusinessType() throws {
        let (_, all) = try validateRealContent { replace(&$0, clinic, "MedicalClinic]", "PTClinic]") }
        #expect(all.map(\.summary) == ["\(clinic):12:32: warning [clinic.business-type.unknown]"])
        #expect(!all.fail(strict: false))
        #expect(all.fail(strict: true))
    }

    @Test("at least one business type")
    func noBusinessType() throws {
        #expect(try edit(clinic, "[Physiotherapy, MedicalClinic]", "[]") == ["\(clinic):12:16: error [clinic.business-type]"])
    }

    @Test("the copyright year is plausible", arguments: [("1700", false), ("2301", false), ("1999", true)])
    func copyright(year: String, valid: Bool) throws {
        #expect(try edit(clinic, "since: 2022", "since: \(year)") == (valid ? [] : ["\(clinic):11:10: error [clinic.copyright]"]))
    }

    @Test(
        "the website is a full https address",
        arguments: [
            "http://jasonthept.com", "/about", "jasonthept.com", "https://localhost", "\"https://jason thept.com\"", "ftp://jasonthept.com",
        ])
    func website(url: String) throws {
        let all = try edit(clinic, "phone:\n", "website: \(url)\nphone:\n")
        #expect(all == ["\(clinic):3:10: error [url.https]"])
        #expect(try edit(clinic, "phone:\n", "website: https://jasonthept.com/\nphone:\n") == [])
    }

    // MARK: Locales and text

    @Test("a localized text needs the default locale")
    func defaultLocaleMissing() throws {
        #expect(try edit(glenview, "label: Glenview", "label:\n  es: Glenview") == ["\(glenview):3:3: error [locale.default-missing]"])
    }

    @Test("translations are keyed by language tags")
    func translationTag() throws {
        #expect(
            try edit(glenview, "label: Glenview", "label:\n  en: Glenview\n  Spanish: Glenview") == ["\(glenview):4:12: error [locale.tag]"]
        )
        #expect(try edit(glenview, "label: Glenview", "label:\n  en: Glenview\n  es-419: Glenview\n  pt-BR: Glenview") == [])
    }

    @Test("a bad default locale is reported once, at defaultLocale, not at every text", arguments: ["english", "en_US", "en-us", "EN"])
    func defaultLocaleTag(locale: String) throws {
        #expect(try edit(clinic, "defaultLocale: en", "defaultLocale: \(locale)") == ["\(clinic):7:16: error [locale.tag]"])
    }

    @Test(
        "texts have length limits: 120 for a label, 200 for the clinic's name",
        arguments: [
            (RealFile.glenview, "label: Glenview", "label: ", 120, "2:8"), (RealFile.clinic, "name: Jason The PT", "name: ", 200, "1:7"),
        ])
    func textLength(path: String, old: String, key: String, limit: Int, at: String) throws {
        let text = { (count: Int) in key + String(repeating: "a", count: count) }
        #expect(try edit(path, old, text(limit)) == [])
        #expect(try edit(path, old, text(limit + 1)) == ["\(path):\(at): error [text.length]"])
    }

    @Test(
        "a control character in a one-line text, even a tab",
        arguments: [#"Glen\tview"#, #"Glen\u200Eview\a"#, #"Glen\x7Fview"#, #"Glen\eview"#])
    func controlCharacter(city: String) throws {
        #expect(try edit(glenview, "city: Glenview", "city: \"\(city)\"") == ["\(glenview):6:9: error [text.control]"])
    }

    // MARK: Social links

    @Test("social links are https", arguments: ["http://x.com/jasonthept", "x.com/jasonthept"])
    func socialHTTPS(url: String) throws {
        #expect(try edit(social, "https://x.com/jasonthept", url) == ["\(social):6:10: error [url.https]"])
    }

    @Test(
        "a network's link points at that network",
        arguments: [
            ("https://instagr.am/jasonthept", false), ("https://www.instagram.com.evil.example/jasonthept", false),
            ("https://instagram.com/jasonthept", true), ("https://WWW.INSTAGRAM.COM/jasonthept", true),
        ])
    func socialHost(url: String, valid: Bool) throws {
        let all = try edit(social, "https://www.instagram.com/jasonthept", url)
        #expect(all == (valid ? [] : ["\(social):12:10: error [social.host]"]))
    }

    @Test("an unknown network")
    func socialNetwork() throws {
        #expect(try edit(social, "network: tiktok", "network: myspace") == ["\(social):2:14: error [social.network]"])
    }

    @Test("a network listed twice is a warning; other may repeat")
    func socialDuplicate() throws {
        let twice = try findings { $0[social]! += "  - network: x\n    url: https://twitter.com/jasonthept_clinic\n" }
        #expect(twice == ["\(social):14:14: warning [social.duplicate]"])
        let others = try findings {
            $0[social]! += "  - network: other\n    url: https://a.example/j\n  - network: other\n    url: https://b.example/j\n"
        }
        #expect(others == [])
    }
}
