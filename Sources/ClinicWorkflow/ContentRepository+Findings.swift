import ClinicContent
internal import ClinicGit
import Foundation

/// Validating a revision through the validation cache: the findings of a content
/// folder are a pure function of its Git tree id (docs/cache.md), so a revision
/// whose folder was validated before is answered without reading a record.
extension ContentRepository {
    /// The findings of the content at `revision`, read with `layout` (the published settings'
    /// by default; `validate --rev` gives the revision's own), from the validation cache when it holds them.
    public func findings(at revision: Revision, layout: ContentLayout? = nil) throws -> [Finding] {
        try findings(at: revision.id, layout: layout)
    }

    /// The findings of the content at `commit` under `layout` (the published settings'
    /// by default): for callers that need to know only what is wrong, not the content.
    func findings(at commit: ObjectID, layout: ContentLayout? = nil) throws -> [Finding] {
        let layout = layout ?? self.layout
        let tree = try contentTree(at: commit, layout: layout)
        if let tree, let findings = validations.findings(directory: layout.directory, tree: tree) { return findings }
        return try validateAndRemember(at: commit, layout: layout, tree: tree).1
    }

    /// Loads and validates the content at `commit`; findings the validation cache
    /// holds stand in for running the rules, and the content comes through the record cache.
    func validate(at commit: ObjectID) throws -> (LoadedContent, [Finding]) {
        let tree = try contentTree(at: commit, layout: layout)
        if let tree, let findings = validations.findings(directory: layout.directory, tree: tree) {
            return (try load(at: commit), findings)
        }
        return try validateAndRemember(at: commit, layout: layout, tree: tree)
    }

    private func validateAndRemember(at commit: ObjectID, layout: ContentLayout, tree: String?) throws -> (LoadedContent, [Finding]) {
        let (loaded, findings) = try withGit(revision: commit.hex) {
            try Validator().validate(GitRevisionSource(repository: $0, commit: commit, records: recordCache), layout: layout)
        }
        if let tree { validations.remember(findings, of: loaded, directory: layout.directory, tree: tree) }
        return (loaded, findings)
    }

    /// The Git tree id of the content folder at `commit`: what its findings are a function of.
    /// Nil when there is no such folder, or its path is not plain (`content/`, `./content`), where
    /// the loader's reads might reach past that tree: those are validated every time.
    private func contentTree(at commit: ObjectID, layout: ContentLayout) throws -> String? {
        let parts = layout.directory.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return try withGit(revision: commit.hex) { try $0.treeID(of: layout.directory, at: commit) }?.hex
    }
}
