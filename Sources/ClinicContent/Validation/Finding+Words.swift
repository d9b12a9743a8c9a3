import Foundation

extension Finding {
    /// What the finding is about, in the office manager's words rather than the
    /// file's: `social link 5 (its address)` for `content/social.yaml`'s
    /// `links[4].url`, `FAQ entry is-it-painful (its answer, es)`. Positions in
    /// lists count from 1, as people count; the file position stays in
    /// `compilerStyle` for people who edit files.
    public var subject: String {
        var parts = Self.record(of: file)
        var detail: [String] = []
        var path = field.split(separator: ".").map(String.init)
        if let first = path.first, let open = first.firstIndex(of: "["), let index = Int(first[first.index(after: open)...].dropLast()) {
            let list = String(first[..<open])
            parts = "\(Self.listWords[list] ?? list) \(index + 1)" + (parts.isEmpty ? "" : " of \(parts)")
            path.removeFirst()
        }
        let leaf = path.map { Self.fieldWords[$0] ?? $0 }.joined(separator: " ")
        if !leaf.isEmpty { detail.append("its \(leaf)") }
        if let locale { detail.append(locale) }
        let head = parts.isEmpty ? (leaf.isEmpty ? file : leaf) : parts
        return detail.isEmpty || (parts.isEmpty && !leaf.isEmpty) ? head : "\(head) (\(detail.joined(separator: ", ")))"
    }

    /// The record a content file holds, named as the clinic names it.
    static func record(of file: String) -> String {
        let name = (file as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        switch (file as NSString).deletingLastPathComponent.split(separator: "/").last.map(String.init) {
        case "faq": return "FAQ entry \(stem)"
        case "locations": return "location \(stem)"
        case "hours": return "the hours of \(stem)"
        default: break
        }
        switch name {
        case "social.yaml": return ""
        case "clinic.yaml": return "the clinic"
        case "categories.yaml": return ""
        case "clinicctl.yaml": return "the settings"
        default: return file
        }
    }

    static let listWords = [
        "links": "social link", "categories": "FAQ category", "special": "special date", "weekly": "weekly hours rule",
        "ranges": "time range", "reviewers": "reviewer", "street": "street line", "types": "business type",
    ]
    static let fieldWords = [
        "url": "address", "opens": "opening time", "closes": "closing time", "zip": "ZIP code", "e164": "number",
        "display": "number as shown", "id": "id", "handle": "handle", "network": "network", "question": "question",
        "answer": "answer", "title": "title", "reason": "reason", "days": "days", "phone": "phone number", "email": "email",
        "position": "place on the page", "category": "category", "holder": "holder", "year": "year", "timeZone": "time zone",
    ]
}
