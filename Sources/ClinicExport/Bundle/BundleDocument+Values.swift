import ClinicContent
import Foundation

/// Values shared by every part of the document: phones, texts in every locale, times.
extension BundleDocument {
    func phone(_ phone: PhoneNumber) -> JSONValue {
        var links: [(String, JSONValue)] = []
        if phone.capabilities.contains(.voice) { links.append(("tel", .string("tel:\(phone.e164)"))) }
        if phone.capabilities.contains(.sms) { links.append(("sms", .string("sms:\(phone.e164)"))) }
        return [
            "e164": .string(phone.e164),
            "display": .string(phone.display ?? Self.nationalFormat(phone.e164)),
            "capabilities": .array(phone.capabilities.sorted().map { .string($0.rawValue) }),
            "links": .object(links),
        ]
    }

    /// `{"text": {locale: text}, "fallbackLocales": [...]}` for every carried locale.
    func text(_ text: LocalizedText) -> JSONValue {
        [
            "text": .object(resolved(text).map { ($0.locale, .string($0.text)) }),
            "fallbackLocales": fallbacks(text),
        ]
    }

    /// Each carried locale's text, the default locale's where there is no translation.
    func resolved(_ text: LocalizedText) -> [(locale: String, text: String)] {
        locales.map { ($0, text.text(for: $0, defaultLocale: defaultLocale) ?? "") }
    }

    func fallbacks(_ text: LocalizedText) -> JSONValue {
        .array(locales.filter { text.translations[$0] == nil }.map(JSONValue.string))
    }

    func perLocale(_ make: (String) -> JSONValue) -> JSONValue {
        .object(locales.map { ($0, make($0)) })
    }

    static func isOvernight(_ range: TimeRange) -> Bool { range.overnight || range.closes < range.opens }

    /// `(773) 999-9825` for a NANP number, the E.164 form for any other.
    static func nationalFormat(_ e164: String) -> String {
        let digits = Array(e164.dropFirst())
        guard e164.hasPrefix("+1"), digits.count == 11 else { return e164 }
        return "(\(String(digits[1...3]))) \(String(digits[4...6]))-\(String(digits[7...10]))"
    }

    /// `2026-03-01T17:04:05Z`: whole seconds in UTC, as commit times are.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
