import Foundation

extension BundleSchema {
    /// The clinic, its locations and hours, FAQ entries and social links.
    static let recordDefinitions: JSONValue = [
        "clinic": closed(
            ["name", "legalName", "phone", "timeZone", "businessTypes", "hoursSummary"],
            [
                ("name", ref("text")),
                ("legalName", nonEmpty),
                ("website", ["type": "string", "format": "uri", "pattern": "^https?://"]),
                ("email", ["type": "string", "format": "email"]),
                ("phone", ref("phone")),
                (
                    "timeZone",
                    ["type": "string", "pattern": "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)+$|^UTC$", "description": "An IANA time zone id."]
                ),
                ("copyright", closed(["holder", "since"], [("holder", nonEmpty), ("since", ["type": "integer", "minimum": 1900])])),
                ("businessTypes", ["type": "array", "items": nonEmpty, "minItems": 1]),
                ("hoursSummary", ref("linesByLocale")),
            ]),
        "address": [
            "type": "object",
            "additionalProperties": false,
            "required": ["street", "city", "state", "zip", "country", "lines"],
            "properties": [
                "street": array(nonEmpty, minItems: 1),
                "city": nonEmpty,
                "state": nonEmpty,
                "zip": nonEmpty,
                "country": ["type": "string", "pattern": "^[A-Z]{2}$"],
                "lines": array(nonEmpty, minItems: 2),
            ],
            "if": ["properties": ["country": ["const": "US"]]],
            "then": ["properties": ["state": ["pattern": "^[A-Z]{2}$"], "zip": ["pattern": "^[0-9]{5}(-[0-9]{4})?$"]]],
        ],
        "range": closed(
            ["opens", "closes", "overnight"],
            [
                ("opens", ref("time")), ("closes", ref("time")), ("overnight", ["type": "boolean"]),
            ]),
        "hours": closed(
            ["weekly", "byAppointment", "special", "week", "lines", "specialLines"],
            [
                (
                    "weekly",
                    array(
                        closed(
                            ["days", "opens", "closes", "overnight"],
                            [
                                ("days", ref("days")), ("opens", ref("time")), ("closes", ref("time")), ("overnight", ["type": "boolean"]),
                            ]))
                ),
                ("byAppointment", array(closed(["days"], [("days", ref("days")), ("note", ref("text"))]))),
                (
                    "special",
                    array(
                        closed(
                            ["from", "closed", "ranges"],
                            [
                                ("from", ref("date")), ("through", ref("date")), ("closed", ["type": "boolean"]),
                                ("ranges", array(ref("range"))), ("reason", ref("text")),
                            ]))
                ),
                (
                    "week",
                    [
                        "type": "array", "minItems": 7, "maxItems": 7,
                        "items": closed(
                            ["day", "status", "ranges"],
                            [
                                ("day", ref("day")),
                                ("status", ["enum": ["open", "by-appointment", "closed"]]),
                                ("ranges", array(ref("range"))),
                            ]),
                    ]
                ),
                ("lines", ref("linesByLocale")),
                ("specialLines", ref("linesByLocale")),
            ]),
        "location": closed(
            ["id", "label", "status", "address", "phone", "phoneSource"],
            [
                ("id", ref("id")),
                ("label", ref("text")),
                ("status", ["enum": ["open", "temporarily-closed", "permanently-closed"]]),
                ("address", ref("address")),
                (
                    "coordinates",
                    closed(
                        ["latitude", "longitude"],
                        [
                            ("latitude", ["type": "number", "minimum": -90, "maximum": 90]),
                            ("longitude", ["type": "number", "minimum": -180, "maximum": 180]),
                        ])
                ),
                ("phone", ref("phone")),
                ("phoneSource", ["enum": ["location", "clinic"]]),
                ("hours", ref("hours")),
            ]),
        "id": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"],
        "category": closed(
            ["id", "title", "faq"],
            [
                ("id", ref("id")), ("title", ref("text")), ("faq", ["type": "array", "items": ref("id")]),
            ]),
        "faqEntry": closed(
            ["id", "category", "position", "tags", "question", "answer"],
            [
                ("id", ref("id")),
                ("category", ref("id")),
                ("position", ["type": "integer"]),
                ("tags", ["type": "array", "items": nonEmpty]),
                ("lastReviewed", ref("date")),
                ("question", ref("text")),
                (
                    "answer",
                    closed(
                        ["markdown", "html", "plainText", "fallbackLocales"],
                        [
                            ("markdown", ref("localeMap")),
                            ("html", ref("localeMap")),
                            ("plainText", ref("localeMap")),
                            ("fallbackLocales", ["type": "array", "items": ref("locale"), "uniqueItems": true]),
                        ])
                ),
            ]),
        "socialLink": closed(
            ["network", "networkName", "url"],
            [
                ("network", ["enum": ["tiktok", "x", "linkedin", "instagram", "facebook", "youtube", "other"]]),
                ("networkName", nonEmpty),
                ("url", ["type": "string", "format": "uri", "pattern": "^https?://"]),
                ("handle", nonEmpty),
            ]),
    ]
}
