import Foundation

/// libFuzzer entry: an answer's Markdown through the safety check and the renderers.
///
/// Any input may be refused by `problems`; none may crash or hang, and the
/// "safe" HTML must never carry script: no tag outside what Markdown makes,
/// no event-handler attribute, no link or image target with a scheme that
/// runs code. A finding stops the fuzzer with the input saved.
@_cdecl("LLVMFuzzerTestOneInput")
public func markdownFuzzInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let markdown = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = AnswerMarkdown.problems(in: markdown)
    _ = AnswerMarkdown.plainText(markdown)
    let html = AnswerMarkdown.html(markdown)
    if let finding = ScriptFinder.finding(in: html) {
        FileHandle.standardError.write(Data("unsafe HTML (\(finding)) from \(markdown.debugDescription):\n\(html)\n".utf8))
        abort()
    }
    return 0
}

/// Looks for script in HTML that cmark produced.
enum ScriptFinder {
    static let tags: Set<String> = [
        "p", "em", "strong", "a", "img", "code", "pre", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "br",
    ]
    static let badSchemes = ["javascript:", "vbscript:", "data:", "file:"]
    static let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    static func finding(in html: String) -> String? {
        let text = Array(html.unicodeScalars)
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text[index] == "<" else { continue }
            let rest = String(String.UnicodeScalarView(text[(index + 1)...].prefix(4)))
            if rest.hasPrefix("!--") { continue }
            let name = String(
                String.UnicodeScalarView(
                    text[(index + 1)...].drop { $0 == "/" }.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
            if !tags.contains(name.lowercased()) { return "tag <\(name)" }
            let end = text[index...].firstIndex(of: ">") ?? text.count
            let tag = String(String.UnicodeScalarView(text[index..<end])).lowercased()
            if tag.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { return "event handler in \(tag)" }
            for attribute in ["href=\"", "src=\""] {
                guard let found = tag.range(of: attribute) else { continue }
                let value = decoded(String(tag[found.upperBound...].prefix { $0 != "\"" }))
                let squeezed = value.filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 32 } ?? false) }.lowercased()
                if badSchemes.contains(where: squeezed.hasPrefix) && !safeImages.contains(where: squeezed.hasPrefix) {
                    return "target \(value)"
                }
            }
        }
        return nil
    }

    /// Character references decoded as a browser would in an attribute.
    static func decoded(_ value: String) -> String {
        var result = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&colon;", with: ":")
        while let match = result.range(of: #"&#[xX]?[0-9a-fA-F]+;?"#, options: .regularExpression) {
            let digits = result[match].dropFirst(2).filter { $0 != ";" }
            let hex = digits.first == "x" || digits.first == "X"
            let number = UInt32(hex ? String(digits.dropFirst()) : String(digits), radix: hex ? 16 : 10)
            result.replaceSubrange(match, with: number.flatMap(Unicode.Scalar.init).map { String($0) } ?? "")
        }
        return result
    }
}
