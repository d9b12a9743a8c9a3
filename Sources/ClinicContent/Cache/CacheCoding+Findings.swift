import Foundation

/// Findings in cache files: every field, so a remembered finding prints exactly as a fresh one.
extension CacheWriter {
    mutating func findings(_ findings: [Finding]) {
        int(findings.count)
        for finding in findings {
            bool(finding.severity == .error)
            string(finding.file)
            int(finding.line)
            int(finding.column)
            string(finding.field)
            string(finding.rule)
            optional(finding.locale)
            string(finding.message)
        }
    }
}

extension CacheReader {
    mutating func findings() throws(CacheDamage) -> [Finding] {
        let count = try count()
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        for _ in 0..<count {
            let severity: Finding.Severity = try bool() ? .error : .warning
            let file = try string()
            let line = try int()
            let column = try int()
            let field = try string()
            let rule = try string()
            let locale = try optional()
            let message = try string()
            findings.append(
                Finding(severity, file: file, line: line, column: column, field: field, rule: rule, locale: locale, message: message))
        }
        return findings
    }
}

/// Which build of clinicctl wrote a cache file: the executable's path, size and
/// modification time. A rebuilt or upgraded clinicctl never trusts what another
/// build parsed or found; each cache adds its own format number.
public enum CacheBuild {
    public static let executable: String = {
        let path = RunningProgram.path ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()
}
