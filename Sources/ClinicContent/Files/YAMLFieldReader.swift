import Foundation
import Yams

/// Reads one YAML document field by field, recording every value's position
/// and turning every problem (syntax, wrong type, missing or unknown key) into
/// a finding instead of an error.
final class YAMLFieldReader {
    let file: String
    /// The rule a file without any YAML in it breaks (`hours.empty`).
    let emptyRule: Rule
    /// Lines before the YAML text in the file (front matter starts after `---`).
    let lineOffset: Int
    var findings: [Finding] = []
    var map: SourceMap

    init(file: String, empty emptyRule: Rule, lineOffset: Int = 0, map: SourceMap) {
        self.file = file
        self.emptyRule = emptyRule
        self.lineOffset = lineOffset
        self.map = map
    }

    /// Parses `text`; a syntax error becomes a `yaml.syntax` finding and nil.
    func parse(_ text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report("", rule: emptyRule, "the file is empty", at: SourcePosition(line: lineOffset + 1, column: 1))
                return nil
            }
            return node
        } catch let error as YamlError {
            let (problem, mark) = Self.describe(error)
            let at = SourcePosition(line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
            report("", rule: .yamlSyntax, "this is not valid YAML: \(problem)", at: at)
            return nil
        } catch {
            report("", rule: .yamlSyntax, "this is not valid YAML: \(error)")
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (String, (line: Int, column: Int)?) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = [problem, context?.text].compactMap { $0 }.joined(separator: " ")
            return (text, (mark.line, mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("the key \(duplicates.joined(separator: ", ")) appears twice", (context.mark.line, context.mark.column))
        case .reader(let problem, let offset, _, let yaml):
            // Reader errors (a control character, bad encoding) carry a character offset, not a mark.
            guard let offset, offset <= yaml.count else { return (problem, nil) }
            let before = yaml.prefix(offset)
            let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
            let line = before.filter { $0 == "\n" }.count + 1
            return (problem, (line, before[lineStart...].unicodeScalars.count + 1))
        default:
            return ("\(error)", nil)
        }
    }

    func position(of node: Node) -> SourcePosition {
        let at = SourcePosition(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        // libyaml marks an empty value (`question:`) just after the colon; point where the value goes.
        if case .scalar(let scalar) = node, scalar.string.isEmpty, scalar.style == .plain {
            return SourcePosition(line: at.line, column: at.column + 1)
        }
        return at
    }

    func report(_ field: String, rule: Rule, _ message: String, at position: SourcePosition? = nil, locale: String? = nil) {
        let at = position ?? map.position(file, field)
        findings.append(Finding(rule, file: file, line: at.line, column: at.column, field: field, locale: locale, message: message))
    }

    /// A mapping's fields, or nil (with a finding) when `node` is something else.
    func fields(_ node: Node, at field: String) -> Fields? {
        map.record(file, field, position(of: node))
        guard case .mapping(let mapping) = node else {
            report(field, rule: .schemaType, "\(field.isEmpty ? "the file" : field) must be a set of `key: value` lines")
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            entries.append((key.string ?? "", key, value))
            map.record(file, Self.join(field, key.string ?? ""), position(of: value))
        }
        return Fields(reader: self, path: field, entries: entries, node: node)
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

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
