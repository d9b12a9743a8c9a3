import Foundation

/// `bundle.schema.json`: JSON Schema draft 2020-12 for `bundle.json` (and
/// the per-locale `bundle.<locale>.json`, which has the same shape) at
/// exactly this `schemaVersion`.
///
/// Objects are closed (`additionalProperties: false`) so that the schema says
/// what a file of this version holds and nothing else; a reader of a later
/// minor version ignores fields it does not know instead of validating them
/// with an older schema (docs/bundle.md). `format` is only an annotation in
/// 2020-12, so dates, times and numbers also carry a `pattern`.
public enum BundleSchema {
    public static var data: Data { JSONWriter.data(json) }

    public static let json: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": .string("urn:clinicctl:bundle-schema:\(BundleDocument.schemaVersion)"),
        "title": "clinicctl content bundle",
        "description": "A clinic's approved website content: clinic, locations and hours, FAQ, social links. See docs/bundle.md.",
        "type": "object",
        "additionalProperties": false,
        "required": [
            "format", "schemaVersion", "revision", "fromWorkingTree", "generatedAt", "defaultLocale",
            "locales", "clinic", "locations", "categories", "faq", "social",
        ],
        "properties": [
            "format": ["const": .string(BundleDocument.format)],
            "schemaVersion": ["const": .string(BundleDocument.schemaVersion)],
            "revision": [
                "type": ["string", "null"], "pattern": "^([0-9a-f]{40}|[0-9a-f]{64})$",
                "description": "The commit the content was read from; null for a working tree without commits.",
            ],
            "fromWorkingTree": ["type": "boolean"],
            "generatedAt": [
                "type": "string", "format": "date-time", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                "description": "The commit's time in UTC: the same revision always gives the same value.",
            ],
            "defaultLocale": ref("locale"),
            "locales": [
                "type": "array", "items": ref("locale"), "minItems": 1, "uniqueItems": true,
                "description": "The locales every text in this file carries.",
            ],
            "clinic": ref("clinic"),
            "locations": ["type": "array", "items": ref("location")],
            "categories": ["type": "array", "items": ref("category")],
            "faq": ["type": "array", "items": ref("faqEntry"), "description": "In page order."],
            "social": ["type": "array", "items": ref("socialLink")],
        ],
        "$defs": definitions,
    ]

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/$defs/\(name)")] }

    static func closed(_ required: [String], _ properties: [(String, JSONValue)]) -> JSONValue {
        [
            "type": "object",
            "additionalProperties": false,
            "required": .array(required.map(JSONValue.string)),
            "properties": .object(properties),
        ]
    }

    static func array(_ items: JSONValue, minItems: Int = 0) -> JSONValue {
        minItems == 0 ? ["type": "array", "items": items] : ["type": "array", "items": items, "minItems": .int(minItems)]
    }

    static let nonEmpty: JSONValue = ["type": "string", "minLength": 1]
    static let e164 = "\\+[1-9][0-9]{6,14}"

    /// Every definition, the shared values first, then the records, in output order.
    static let definitions: JSONValue = .object(pairs(valueDefinitions) + pairs(recordDefinitions))

    static func pairs(_ object: JSONValue) -> [(String, JSONValue)] {
        guard case .object(let pairs) = object else { return [] }
        return pairs
    }

    /// Texts, dates, times, days and phones.
    static let valueDefinitions: JSONValue = [
        "locale": [
            "type": "string", "pattern": "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$",
            "description": "A BCP 47 tag: language, optional script, optional region.",
        ],
        "localeMap": ["type": "object", "propertyNames": ref("locale"), "additionalProperties": ["type": "string"], "minProperties": 1],
        "text": closed(
            ["text", "fallbackLocales"],
            [
                ("text", ref("localeMap")),
                (
                    "fallbackLocales",
                    [
                        "type": "array", "items": ref("locale"), "uniqueItems": true,
                        "description": "Locales whose text is the default locale's, for want of a translation.",
                    ]
                ),
            ]),
        "linesByLocale": ["type": "object", "propertyNames": ref("locale"), "additionalProperties": array(nonEmpty)],
        "date": ["type": "string", "format": "date", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"],
        "time": ["type": "string", "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"],
        "day": ["enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]],
        "days": ["type": "array", "items": ref("day"), "minItems": 1, "uniqueItems": true],
        "phone": closed(
            ["e164", "display", "capabilities", "links"],
            [
                ("e164", ["type": "string", "pattern": .string("^\(e164)$")]),
                ("display", nonEmpty),
                ("capabilities", ["type": "array", "items": ["enum": ["voice", "sms"]], "uniqueItems": true]),
                (
                    "links",
                    closed(
                        [],
                        [
                            ("tel", ["type": "string", "pattern": .string("^tel:\(e164)$")]),
                            ("sms", ["type": "string", "pattern": .string("^sms:\(e164)$")]),
                        ])
                ),
            ]),
    ]
}
