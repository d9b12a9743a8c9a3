import ClinicContent
internal import ClinicGit
import Foundation

/// What a name typed after `--rev` means.
///
/// Anyone who can push can make a tag or a branch with any name, so Git's own order
/// (a tag `main` before the branch `main`) would let an editor decide what `--rev main`
/// reads. Here the published branch and the drafts come first; the other meanings are
/// only reached when those are absent, and a name with several meanings says so.
struct RevisionName {
    /// The name itself (`main`), before any `~1`, `^2`, `@{1}` or `:path` that follows it.
    var base: String
    /// What follows the name, applied by Git once the name is resolved; often empty.
    var suffix: String

    init(_ revision: String) {
        var cut = revision.endIndex
        var index = revision.startIndex
        while index < revision.endIndex {
            let character = revision[index]
            let next = revision.index(after: index)
            // None of these can be part of a reference name (git check-ref-format).
            if "~^:".contains(character) || (character == "@" && next < revision.endIndex && revision[next] == "{") {
                cut = index
                break
            }
            index = next
        }
        base = String(revision[..<cut])
        suffix = String(revision[cut...])
    }

    /// One thing the name could mean.
    struct Meaning: Equatable {
        enum Kind { case publishedBranch, draft, branch, fullReference, commit, tag, remoteBranch, reference }
        var kind: Kind
        /// The full reference name, or the commit id for `.commit`.
        var name: String

        /// In words, for the ambiguity warning.
        var words: String {
            switch kind {
            case .publishedBranch: "the published branch (\(name))"
            case .draft: "draft \(name.dropFirst(ContentRepository.draftPrefix.count)) (\(name))"
            case .branch: "the branch \(name)"
            case .fullReference: name
            case .commit: "commit \(name.prefix(12))"
            case .tag: "the tag \(name)"
            case .remoteBranch: "the server's branch \(name)"
            case .reference: "the reference \(name)"
            }
        }
    }

    /// The meanings to look for, first preferred: the published branch, the draft, the
    /// branch, then (for a full name) that reference or a commit id, then tags and the rest.
    func candidates(publishedBranch: String) -> [Meaning] {
        if base == "HEAD" || base.hasPrefix("refs/") { return [Meaning(kind: .fullReference, name: base)] }
        var candidates: [Meaning] = []
        if base == publishedBranch { candidates.append(Meaning(kind: .publishedBranch, name: "refs/heads/\(base)")) }
        if Formats.isSlug(base) { candidates.append(Meaning(kind: .draft, name: ContentRepository.draftPrefix + base)) }
        if base != publishedBranch { candidates.append(Meaning(kind: .branch, name: "refs/heads/\(base)")) }
        candidates.append(Meaning(kind: .commit, name: base))
        candidates += [
            Meaning(kind: .tag, name: "refs/tags/\(base)"), Meaning(kind: .remoteBranch, name: "refs/remotes/\(base)"),
            Meaning(kind: .remoteBranch, name: "refs/remotes/\(base)/HEAD"), Meaning(kind: .reference, name: "refs/\(base)"),
        ]
        return candidates
    }
}

extension ContentRepository {
    /// The commit `revision` names, as `resolve` documents; a name with several meanings is
    /// refused when one of them is a commit id, and otherwise warned about.
    func resolveName(_ revision: String) throws -> ObjectID {
        let name = RevisionName(revision)
        // `:/text`, `@{-1}`, `@`: no name to choose, Git reads the whole expression.
        guard !name.base.isEmpty, name.base != "@" else {
            return try withGit(revision: revision) { try $0.resolveCommit(revision) }
        }
        var found: [(meaning: RevisionName.Meaning, commit: ObjectID)] = []
        try withGit(revision: revision) { git in
            for meaning in name.candidates(publishedBranch: config.publishedBranch) {
                if meaning.kind == .commit {
                    if let commit = try git.commit(idPrefix: meaning.name) {
                        found.append((.init(kind: .commit, name: commit.hex), commit))
                    }
                } else if let target = try git.referenceTarget(meaning.name) {
                    found.append((meaning, target))
                }
            }
        }
        guard var chosen = found.first else {
            throw WorkflowError(.notFound, "there is no revision \"\(revision)\" in this repository", revision: revision)
        }
        // A whole commit id means that commit, whatever a reference is called.
        if let whole = found.first(where: { $0.meaning.kind == .commit && $0.meaning.name == name.base.lowercased() }) { chosen = whole }
        let others = found.filter { $0.meaning != chosen.meaning }
        if !others.isEmpty {
            let words = ([chosen] + others).map(\.meaning.words)
            let meanings = words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
            if chosen.meaning.kind != .commit, others.contains(where: { $0.meaning.kind == .commit }) {
                // A short id from `history` must never quietly read someone's branch instead.
                throw WorkflowError(
                    .usage,
                    "\"\(name.base)\" is ambiguous: it names \(meanings); give the whole commit id or the full reference name",
                    revision: revision)
            }
            environment.warning(
                "\"\(name.base)\" is ambiguous: it names \(meanings); reading \(chosen.meaning.words). "
                    + "Give the full reference name (\(others.map(\.meaning.name).joined(separator: ", "))) to read another")
        }
        if name.suffix.isEmpty { return try withGit(revision: revision) { try $0.resolveCommit(chosen.commit.hex) } }
        let anchored = (chosen.meaning.kind == .commit ? chosen.commit.hex : chosen.meaning.name) + name.suffix
        return try withGit(revision: revision) { try $0.resolveCommit(anchored) }
    }
}
