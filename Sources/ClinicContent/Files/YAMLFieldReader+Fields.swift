import Foundation
import Yams

extension YAMLFieldReader {
    /// The fields of one mapping; `finish()` reports every key nobody asked for.
    final class Fields {
        let reader: YAMLFieldReader
        let path: String
        let entries: [(String, Node, Node)]
        let node: Node
        /// The locale these fields are a translation into, named in their findings.
        var locale: String?
        private var used = Set<String>()

        init(reader: YAMLFieldReader, path: String, entries: [(String, Node, Node)], node: Node) {
            self.reader = reader
            self.path = path
            self.entries = entries
            self.node = node
        }

        func fieldPath(_ key: String) -> String { YAMLFieldReader.join(path, key) }

        /// A finding of `rule` at `key` of these fields.
        func report(_ key: String, rule: Rule, _ message: String, at position: SourcePosition? = nil) {
            reader.report(fieldPath(key), rule: rule, message, at: position, locale: locale)
        }

        /// The raw node of `key`, or nil; a missing or empty key is reported as `required`, when given.
        func node(_ key: String, required: Rule? = nil) -> Node? {
            used.insert(key)
            guard let found = entries.first(where: { $0.0 == key })?.2 else {
                if let required { report(key, rule: required, "\(fieldPath(key)) is missing", at: reader.position(of: node)) }
                return nil
            }
            if case .scalar(let s) = found, s.tag == .init(.null) || (s.string.isEmpty && s.style == .plain) {
                if let required { report(key, rule: required, "\(fieldPath(key)) is empty") }
                return nil
            }
            return found
        }

        /// A single value; line breaks and tabs are allowed in it only when `multiline`.
        func string(_ key: String, required: Rule? = nil, multiline: Bool = false) -> String? {
            guard let value = node(key, required: required) else { return nil }
            guard case .scalar(let scalar) = value else {
                reader.report(fieldPath(key), rule: .schemaType, "\(fieldPath(key)) must be a single value, not a list or set of fields")
                return nil
            }
            refuseControlCharacters(scalar.string, key: key, multiline: multiline)
            if let required, scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                report(key, rule: required, "\(fieldPath(key)) is empty")
                return nil
            }
            return scalar.string
        }

        func int(_ key: String, required: Rule? = nil) -> Int? {
            guard let text = string(key, required: required) else { return nil }
            guard let value = Int(text) else {
                reader.report(fieldPath(key), rule: .schemaType, "\(fieldPath(key)) must be a whole number, not \"\(text)\"")
                return nil
            }
            return value
        }

        func double(_ key: String, required: Rule? = nil) -> Double? {
            guard let text = string(key, required: required) else { return nil }
            guard let value = Double(text), value.isFinite else {
                reader.report(fieldPath(key), rule: .schemaType, "\(fieldPath(key)) must be a number, not \"\(text)\"")
                return nil
            }
            return value
        }

        func bool(_ key: String) -> Bool? {
            guard let text = string(key) else { return nil }
            switch text {
            case "true": return true
            case "false": return false
            default:
                reader.report(fieldPath(key), rule: .schemaType, "\(fieldPath(key)) must be true or false, not \"\(text)\"")
                return nil
            }
        }

        /// A list of single values (`[mon, tue]` or a block list).
        func strings(_ key: String, required: Rule? = nil) -> [String]? {
            guard let value = node(key, required: required) else { return nil }
            guard case .sequence(let sequence) = value else {
                reader.report(fieldPath(key), rule: .schemaType, "\(fieldPath(key)) must be a list, like [a, b]")
                return nil
            }
            if let required, sequence.isEmpty { report(key, rule: required, "\(fieldPath(key)) is an empty list") }
            var result: [String] = []
            var indices: [Int] = []
            for (index, item) in sequence.enumerated() {
                let itemPath = "\(fieldPath(key))[\(index)]"
                reader.map.record(reader.file, itemPath, reader.position(of: item))
                guard case .scalar(let scalar) = item else {
                    reader.report(itemPath, rule: .schemaType, "\(itemPath) must be a single value")
                    continue
                }
                refuseControlCharacters(scalar.string, key: "\(key)[\(index)]", multiline: false)
                result.append(scalar.string)
                indices.append(index)
            }
            reader.map.recordIndices(reader.file, fieldPath(key), indices)
            return result
        }

        /// A list of mappings, each handed to `body` with its own fields.
        func list<T>(_ key: String, required: Rule? = nil, _ body: (Fields, Int) -> T?) -> [T]? {
            guard let value = node(key, required: required) else { return nil }
            guard case .sequence(let sequence) = value else {
                reader.report(fieldPath(key), rule: .schemaType, "\(fieldPath(key)) must be a list of entries starting with `- `")
                return nil
            }
            // An entry that cannot be read is left out; the indices of those kept let
            // findings about later entries name their real place in the file.
            var result: [T] = []
            var indices: [Int] = []
            for (index, item) in sequence.enumerated() {
                guard let fields = reader.fields(item, at: "\(fieldPath(key))[\(index)]") else { continue }
                if let element = body(fields, index) {
                    result.append(element)
                    indices.append(index)
                }
                fields.finish()
            }
            reader.map.recordIndices(reader.file, fieldPath(key), indices)
            return result
        }

        /// A nested mapping handed to `body`.
        func nested<T>(_ key: String, required: Rule? = nil, _ body: (Fields) -> T?) -> T? {
            guard let value = node(key, required: required),
                let fields = reader.fields(value, at: fieldPath(key))
            else { return nil }
            defer { fields.finish() }
            return body(fields)
        }

        /// A localized text: a plain string (the default locale) or `locale: text` lines.
        func localized(_ key: String, defaultLocale: String, required: Rule? = nil) -> LocalizedText? {
            guard let value = node(key, required: required) else { return nil }
            switch value {
            case .scalar(let scalar):
                refuseControlCharacters(scalar.string, key: key, multiline: false)
                if let required, scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    report(key, rule: required, "\(fieldPath(key)) is empty")
                }
                return LocalizedText(scalar.string, locale: defaultLocale)
            case .mapping:
                guard let fields = reader.fields(value, at: fieldPath(key)) else { return nil }
                var texts: [String: String] = [:]
                for (locale, _, _) in fields.entries {
                    // A finding about one of the texts names its locale.
                    fields.locale = locale
                    if let text = fields.string(locale) { texts[locale] = text }
                }
                fields.locale = nil
                return LocalizedText(texts)
            default:
                reader.report(fieldPath(key), rule: .schemaType, "\(fieldPath(key)) must be a text or `locale: text` lines")
                return nil
            }
        }

        /// Every text the files hold is read here, so this is the one check of control characters in YAML values.
        func refuseControlCharacters(_ text: String, key: String, multiline: Bool) {
            guard let bad = Formats.controlCharacter(in: text, multiline: multiline) else { return }
            report(key, rule: .textControl, Formats.controlCharacterMessage(bad, in: fieldPath(key)))
        }

        /// Reports keys present in the file that no reader asked for: a typo is an error.
        func finish() {
            for (key, keyNode, _) in entries where !used.contains(key) {
                let known = knownKeysHint
                report(key, rule: .schemaUnknownKey, "unknown key \"\(key)\"\(known)", at: reader.position(of: keyNode))
            }
        }

        private var knownKeysHint: String {
            let keys = used.sorted()
            return keys.isEmpty ? "" : " (expected one of: \(keys.joined(separator: ", ")))"
        }
    }
}
