import Foundation

/// `bundle.json` as the preview reads it: the preview's own types, decoded
/// from the bytes alone, never the exporter's. Only the fields a page shows
/// are declared, so fields added by a later minor version are ignored, as
/// docs/bundle.md asks of every reader.
public struct PreviewBundle: Decodable, Hashable, Sendable {
    public var format: String
    public var schemaVersion: String
    public var revision: String?
    public var fromWorkingTree: Bool
    public var generatedAt: String
    public var defaultLocale: String
    public var locales: [String]
    public var clinic: Clinic
    public var locations: [Location]
    public var categories: [Category]
    public var faq: [FAQEntry]
    public var social: [SocialLink]

    /// A text in every locale of the bundle (the exporter already filled in fallbacks).
    public struct Text: Decodable, Hashable, Sendable {
        public var text: [String: String]
        public var fallbackLocales: [String]

        /// The text in `locale`; the bundle guarantees every carried locale has one.
        public func callAsFunction(_ locale: String) -> String { text[locale] ?? text.values.sorted().first ?? "" }
    }

    public struct Clinic: Decodable, Hashable, Sendable {
        public var name: Text
        public var legalName: String
        public var website: String?
        public var email: String?
        public var phone: Phone
        public var timeZone: String
        public var copyright: Copyright?
        public var hoursSummary: [String: [String]]
    }

    public struct Copyright: Decodable, Hashable, Sendable {
        public var holder: String
        public var since: Int
    }

    public struct Phone: Decodable, Hashable, Sendable {
        public var e164: String
        public var display: String
        /// `tel` and `sms`, each present only when the number takes calls or texts.
        public var links: [String: String]
    }

    public struct Location: Decodable, Hashable, Sendable {
        public var id: String
        public var label: Text
        public var status: String
        public var address: Address
        public var coordinates: Coordinates?
        public var phone: Phone
        public var phoneSource: String
        public var hours: Hours?
    }

    public struct Address: Decodable, Hashable, Sendable {
        public var lines: [String]
    }

    public struct Coordinates: Decodable, Hashable, Sendable {
        public var latitude: Double
        public var longitude: Double
    }

    public struct Hours: Decodable, Hashable, Sendable {
        public var byAppointment: [AppointmentRule]
        public var special: [SpecialHours]
        public var week: [Day]
        public var lines: [String: [String]]
        /// One line per entry of `special`, in the same order.
        public var specialLines: [String: [String]]
    }

    public struct AppointmentRule: Decodable, Hashable, Sendable {
        public var days: [String]
        public var note: Text?
    }

    public struct SpecialHours: Decodable, Hashable, Sendable {
        public var from: String
        public var through: String?
    }

    /// One weekday, Monday first: `open` with ranges, `by-appointment` or `closed`.
    public struct Day: Decodable, Hashable, Sendable {
        public var day: String
        public var status: String
        public var ranges: [TimeRange]
    }

    public struct TimeRange: Decodable, Hashable, Sendable {
        public var opens: String
        public var closes: String
        public var overnight: Bool
    }

    public struct Category: Decodable, Hashable, Sendable {
        public var id: String
        public var title: Text
        public var faq: [String]
    }

    public struct FAQEntry: Decodable, Hashable, Sendable {
        public var id: String
        public var category: String
        public var question: Text
        public var answer: Answer
    }

    public struct Answer: Decodable, Hashable, Sendable {
        /// cmark's safe-mode HTML per locale (docs/bundle.md: "can be inserted into a page as is").
        public var html: [String: String]
        public var fallbackLocales: [String]
    }

    public struct SocialLink: Decodable, Hashable, Sendable {
        public var network: String
        public var networkName: String
        public var url: String
        public var handle: String?
    }
}

extension PreviewBundle {
    /// The only major version this reader understands.
    static let supportedMajorVersion = "1"

    /// Decodes `bundle.json`, refusing anything that is not a 1.x clinicctl bundle.
    public init(json data: Data) throws {
        let bundle: PreviewBundle
        do {
            bundle = try JSONDecoder().decode(PreviewBundle.self, from: data)
        } catch let error as DecodingError {
            throw PreviewError.unreadableBundle(Self.describe(error))
        }
        guard bundle.format == "clinicctl.bundle" else {
            throw PreviewError.unreadableBundle("format is \"\(bundle.format)\", not \"clinicctl.bundle\"")
        }
        guard bundle.schemaVersion.split(separator: ".").first.map(String.init) == Self.supportedMajorVersion else {
            throw PreviewError.unsupportedVersion(bundle.schemaVersion)
        }
        guard !bundle.locales.isEmpty else { throw PreviewError.unreadableBundle("locales is empty") }
        self = bundle
    }

    /// The entries of `category` in page order, as the category lists them.
    func entries(of category: Category) -> [FAQEntry] {
        let byId = Dictionary(faq.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return category.faq.compactMap { byId[$0] }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context).isEmpty ? "the file" : path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
