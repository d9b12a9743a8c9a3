import ClinicContent
import ClinicSigning
import Foundation

/// A line-by-line text diff, as a reviewer reads it: `- ` removed, `+ ` added,
/// `  ` kept. Hooks and settings are short files, so a plain longest-common-
/// subsequence table is enough; files too long for it are shown whole.
enum LineDiff {
    static let tableLimit = 4_000_000

    /// nil when either side is not UTF-8 text.
    static func lines(_ old: Data, _ new: Data) -> [String]? {
        guard let oldText = String(data: old, encoding: .utf8), let newText = String(data: new, encoding: .utf8) else { return nil }
        let a = split(oldText)
        let b = split(newText)
        guard a.count * b.count <= tableLimit else { return a.map { "- " + $0 } + b.map { "+ " + $0 } }
        // common[i][j]: length of the longest common subsequence of a[i...] and b[j...].
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var result: [String] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append("  " + a[i])
                (i, j) = (i + 1, j + 1)
            } else if j < b.count, i == a.count || common[i][j + 1] >= common[i + 1][j] {
                result.append("+ " + b[j])
                j += 1
            } else {
                result.append("- " + a[i])
                i += 1
            }
        }
        return result
    }

    private static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The settings (`clinicctl.yaml`) compared field by field.
enum SettingsChange {
    static func describe(old: Data?, new: Data?) -> [String] {
        func read(_ data: Data?) -> RepositoryConfig {
            guard let data else { return RepositoryConfig() }
            let source = InMemorySource(files: [RepositoryConfig.fileName: data])
            return (try? RepositoryConfig.load(from: source).0) ?? RepositoryConfig()
        }
        let lines = describe(before: read(old), after: read(new))
        return lines.isEmpty && old != new ? ["other keys or formatting changed: see the text below"] : lines
    }

    /// The differences between two settings, in words; empty when they say the same.
    static func describe(before: RepositoryConfig, after: RepositoryConfig) -> [String] {
        var lines: [String] = []
        if before.publishedBranch != after.publishedBranch {
            lines.append("publishedBranch: \(before.publishedBranch) → \(after.publishedBranch)")
        }
        if before.contentDirectory != after.contentDirectory {
            lines.append("contentDirectory: \(before.contentDirectory) → \(after.contentDirectory)")
        }
        let key = { (reviewer: Reviewer) in reviewer.email.lowercased() }
        let oldKeys = Set(before.reviewers.map(key))
        let newKeys = Set(after.reviewers.map(key))
        for reviewer in after.reviewers where !oldKeys.contains(key(reviewer)) {
            lines.append("reviewer added: \(reviewer.name) <\(reviewer.email)>")
        }
        for reviewer in before.reviewers where !newKeys.contains(key(reviewer)) {
            lines.append("reviewer removed: \(reviewer.name) <\(reviewer.email)>")
        }
        for reviewer in after.reviewers {
            if let earlier = before.reviewers.first(where: { key($0) == key(reviewer) }), earlier.name != reviewer.name {
                lines.append("reviewer renamed: \(earlier.name) → \(reviewer.name) <\(reviewer.email)>")
            }
            // Keys by fingerprint: who may sign approvals is what a reviewer of this change must see.
            let earlierKeys = before.reviewers.first { key($0) == key(reviewer) }.map { fingerprints($0.keys) } ?? []
            for added in fingerprints(reviewer.keys) where !earlierKeys.contains(added) {
                lines.append("signing key added for \(reviewer.name) <\(reviewer.email)>: \(added)")
            }
            for removed in earlierKeys where !fingerprints(reviewer.keys).contains(removed) {
                lines.append("signing key removed for \(reviewer.name) <\(reviewer.email)>: \(removed)")
            }
        }
        if before.requireSignedApprovals != after.requireSignedApprovals {
            lines.append("requireSignedApprovals: \(before.requireSignedApprovals) → \(after.requireSignedApprovals)")
        }
        return lines
    }

    private static func fingerprints(_ keys: [String]) -> [String] {
        keys.map { line in (try? SSHPublicKey(line: line)).map { "\($0.fingerprint) (\($0.type))" } ?? line }
    }
}
