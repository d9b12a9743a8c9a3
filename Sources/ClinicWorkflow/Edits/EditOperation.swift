import ClinicContent
import Foundation

/// An edit as data: the command (`kind`, the edit's `Clinic-Change`) and the inputs it
/// was made from, already resolved against the content it was made on (a new FAQ entry's
/// id and category, for example). Recorded in the edit's commit as the `Clinic-Operation`
/// trailer, so `draft update` can make the same edit again on newer content
/// (`ContentEdit(operation:in:)`) instead of merging the text it wrote.
///
/// The trailer's value is base64url (RFC 4648 §5, no padding) of the operation's canonical
/// JSON: UTF-8, keys sorted, fields that are not set left out. Base64url has no spaces, line
/// breaks or colons, so whatever text an operation carries can never add a trailer or a
/// line to the message. A kind this clinicctl does not know, or a value it cannot read,
/// reads back as no operation: the edit is then merged by field, as one made with `git`.
public struct EditOperation: Hashable, Sendable, Codable {
    /// `faq.add`, `hours.set`, `social.remove`: the same word as the edit's `change`.
    public var kind: String
    /// The record's id: an FAQ entry or a category.
    public var id: String?
    public var question: String?
    public var answer: String?
    public var category: String?
    public var tags: [String]?
    /// `YYYY-MM-DD`.
    public var lastReviewed: String?
    public var locale: String?
    /// Where an FAQ entry goes: `end`, `position:N`, `after:ID`, `before:ID`.
    public var placement: String?
    public var location: String?
    /// Weekdays as written in the content (`mon`, `sat`).
    public var days: [String]?
    /// Ranges in canonical form (`09:00-17:00`).
    public var ranges: [String]?
    public var note: String?
    public var network: String?
    public var url: String?
    public var handle: String?
    public var replace: Bool?
    public var title: String?
    public var label: String?
    public var street: [String]?
    public var city: String?
    public var state: String?
    public var zip: String?
    public var country: String?
    /// A phone number in E.164; `phoneDisplay` as written, `phoneCapabilities` what it can do (`voice`, `sms`).
    public var phone: String?
    public var phoneDisplay: String?
    public var phoneCapabilities: [String]?
    public var status: String?
    public var latitude: Double?
    public var longitude: Double?
    public var cascade: Bool?
    public var name: String?
    public var legalName: String?
    public var website: String?
    public var email: String?
    public var timeZone: String?
    /// Special hours: the first and last day (`YYYY-MM-DD`), whether closed, the reason by locale.
    public var from: String?
    public var through: String?
    public var closed: Bool?
    public var reason: [String: String]?

    public init(kind: String) { self.kind = kind }

    /// The kinds `ContentEdit(operation:in:)` makes again.
    public static let kinds: Set<String> = [
        "faq.add", "faq.edit", "faq.remove", "faq.move", "hours.set", "hours.closed", "hours.appointment",
        "hours.special.add", "hours.special.remove", "social.add", "social.remove", "social.move", "category.add",
        "category.rename", "category.remove", "location.add", "location.edit", "location.remove", "clinic.set",
    ]

    /// The trailer's value: base64url of the canonical JSON.
    public var encoded: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(self)) ?? Data()
        return json.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a trailer's value; nil for anything this clinicctl cannot make again.
    public init?(encoded text: String) {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let operation = try? JSONDecoder().decode(Self.self, from: data),
            Self.kinds.contains(operation.kind)
        else { return nil }
        self = operation
    }
}
