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
}
