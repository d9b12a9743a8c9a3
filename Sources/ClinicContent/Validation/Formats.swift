import Foundation

/// Checks of single values against the standards the content follows.
public enum Formats {
    /// `lower-case-letters-digits-and-hyphens`.
    /// The longest id a file name may carry.
    public static let maxSlugLength = 80

    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= maxSlugLength && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug made from free text: `Do you take insurance?` → `do-you-take-insurance`.
    public static func slug(from text: String, maxLength: Int = 60) -> String {
        let folded = text.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX")
        )
        .replacingOccurrences(of: "’", with: "").replacingOccurrences(of: "'", with: "")
        var slug = ""
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.count > maxLength {
            // A word that ends exactly at the limit is whole: keep it.
            let endsAtWord = slug.dropFirst(maxLength).first == "-"
            slug = String(slug.prefix(maxLength))
            if !endsAtWord, let cut = slug.lastIndex(of: "-"), slug.distance(from: slug.startIndex, to: cut) > maxLength / 2 {
                slug = String(slug[..<cut])
            }
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug
    }

    /// Two-letter USPS codes: states, DC, territories and military mail.
    public static let usStates: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP",
    ]

    public static func isZIP(_ text: String) -> Bool {
        let digits = text.unicodeScalars.map { ("0"..."9").contains($0) }
        return (text.count == 5 && digits.allSatisfy { $0 })
            || (text.count == 10 && digits.enumerated().allSatisfy { $0.offset == 5 ? !$0.element : $0.element }
                && Array(text)[5] == "-")
    }

    /// Why `e164` is not a dialable E.164 number, or nil when it is.
    /// Numbers in the North American Numbering Plan (+1) get its full rules.
    public static func e164Problem(_ e164: String) -> String? {
        guard e164.hasPrefix("+") else { return "write it in E.164 form: + and the country code, like \"+17739999825\"" }
        let digits = Array(e164.dropFirst())
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), (8...15).contains(digits.count), digits.first != "0" else {
            return "an E.164 number is + followed by 8 to 15 digits, like \"+17739999825\""
        }
        guard digits.first == "1" else { return nil }
        guard digits.count == 11 else { return "a North American number has 10 digits after +1" }
        let n = digits.map { Int(String($0))! }
        let area = Array(n[1...3])
        let exchange = Array(n[4...6])
        if area[0] < 2 { return "the area code \(area.map(String.init).joined()) cannot start with 0 or 1" }
        if area[1] == 9 { return "area codes with 9 as their middle digit are reserved and not in use" }
        if area[1] == 1 && area[2] == 1 { return "\(area.map(String.init).joined()) is a service code, not an area code" }
        if exchange[0] < 2 { return "the exchange \(exchange.map(String.init).joined()) cannot start with 0 or 1" }
        if exchange[1] == 1 && exchange[2] == 1 { return "the exchange \(exchange.map(String.init).joined()) is a service code" }
        return nil
    }

    /// Whether `display` dials the same number as `e164` (`773.999.9825` and `+17739999825`).
    public static func displayMatches(_ display: String, e164: String) -> Bool {
        let allowed = CharacterSet(charactersIn: "0123456789+-.() /\u{00A0}")
        guard display.unicodeScalars.allSatisfy({ allowed.contains($0) }) else { return false }
        let digits = display.filter { $0.isNumber }
        let target = e164.dropFirst()
        if display.trimmingCharacters(in: .whitespaces).hasPrefix("+") { return digits == target }
        return digits == target || (target.hasPrefix("1") && digits == target.dropFirst())
            || (target.hasPrefix("1") && digits == "1" + target.dropFirst())
    }

    /// A display form for an E.164 number: `(773) 999-9825` in North America.
    public static func nationalFormat(_ e164: String) -> String {
        let digits = Array(e164.dropFirst())
        guard digits.count == 11, digits.first == "1" else { return e164 }
        return "(\(String(digits[1...3]))) \(String(digits[4...6]))-\(String(digits[7...10]))"
    }

    /// An E.164 number from what people type: `773.999.9825`, `(773) 999-9825`, `+1 773 999 9825`.
    public static func e164(parsing text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.filter { $0.isASCII && $0.isNumber }
        let allowed = CharacterSet(charactersIn: "0123456789+-.() ")
        guard trimmed.unicodeScalars.allSatisfy({ allowed.contains($0) }) else { return nil }
        let candidate: String
        if trimmed.hasPrefix("+") {
            candidate = "+" + digits
        } else if digits.count == 10 {
            candidate = "+1" + digits
        } else if digits.count == 11, digits.hasPrefix("1") {
            candidate = "+" + digits
        } else {
            return nil
        }
        return e164Problem(candidate) == nil ? candidate : nil
    }

    /// An IANA zone id such as `America/Chicago`; abbreviations and offsets are refused.
    public static func isIANATimeZone(_ id: String) -> Bool {
        id.contains("/") && !id.hasPrefix("Etc/") && TimeZone.knownTimeZoneIdentifiers.contains(id)
    }

    /// A BCP 47 tag of the common shape: language, optional script, optional region.
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.first!.isUppercase,
            script.allSatisfy({ $0.isASCII && $0.isLetter })
        {
            rest = rest.dropFirst()
        }
        if let region = rest.first,
            (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase })
                || (region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber })
        {
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }

    /// An absolute `https` URL that browsers and RFC 3986 read alike; returns the host, or nil.
    public static func httpsHost(_ text: String) -> String? { WebAddress.host(text) }

    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    /// The first invisible character in `text` that a text must not carry (line breaks
    /// and tabs allowed only when `multiline`): C0 and C1 controls and DEL, the byte
    /// order mark, interlinear annotation marks, and the bidirectional embeddings,
    /// overrides and isolates (U+202A-U+202E, U+2066-U+2069) that can make a text
    /// read differently from how it is stored.
    public static func controlCharacter(in text: String, multiline: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            if multiline && (scalar == "\n" || scalar == "\t") { return false }
            return scalar.properties.generalCategory == .control || scalar == "\u{FEFF}"
                || (0xFFF9...0xFFFB).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) || scalar.properties.generalCategory == .surrogate
        }
    }

    /// What to tell the author about `scalar` in `field`.
    static func controlCharacterMessage(_ scalar: Unicode.Scalar, in field: String) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        return
            "\(field) contains the invisible control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); remove it"
    }
}
