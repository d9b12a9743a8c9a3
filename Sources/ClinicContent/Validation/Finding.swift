/// One problem found in the content: where it is, which rule, and what to do.
///
/// Findings are data, collected rather than thrown, so that one run reports
/// every problem and prints them one way (compiler-style or JSON).
public struct Finding: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning
        public static func < (a: Self, b: Self) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// Repository-relative path (`content/faq/is-the-procedure-painful.md`).
    public var file: String
    /// 1-based line and column of the offending value.
    public var line: Int
    public var column: Int
    /// Dotted path of the field inside the file (`address.zip`, `weekly[0].opens`).
    public var field: String
    /// Stable rule id (`faq.question.required`), for scripts and documentation.
    public var rule: String
    /// The locale of the text the finding is about (`es`), when it is about one translation.
    public var locale: String?
    /// Plain English: what is wrong and, where it helps, what to write instead.
    public var message: String

    public init(
        _ severity: Severity, file: String, line: Int = 1, column: Int = 1, field: String = "",
        rule: String, locale: String? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.rule = rule
        self.locale = locale
        self.message = message
    }

    /// A finding of a catalogue rule, with the rule's severity.
    public init(
        _ rule: Rule, file: String, line: Int = 1, column: Int = 1, field: String = "", locale: String? = nil, message: String
    ) {
        self.init(rule.severity, file: file, line: line, column: column, field: field, rule: rule.id, locale: locale, message: message)
    }

    /// `content/faq/x.md:2:11: error: question is empty [faq.question.required]`;
    /// a finding about one translation ends `[faq.translations.answer.required, locale es]`.
    public var compilerStyle: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(rule)\(locale.map { ", locale \($0)" } ?? "")]"
    }
}

extension Array where Element == Finding {
    public var errors: [Finding] { filter { $0.severity == .error } }
    public var warnings: [Finding] { filter { $0.severity == .warning } }

    /// Sorted by file, line, column, then rule: the order findings are printed in.
    public var ordered: [Finding] {
        sorted {
            ($0.file, $0.line, $0.column, $0.rule, $0.locale ?? "", $0.message) < (
                $1.file, $1.line, $1.column, $1.rule, $1.locale ?? "", $1.message
            )
        }
    }

    /// Whether these findings fail a run (`strict` makes warnings fail too).
    public func fail(strict: Bool) -> Bool { contains { $0.severity == .error || strict } }
}
