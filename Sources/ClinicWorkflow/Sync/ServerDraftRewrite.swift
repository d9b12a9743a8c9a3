internal import ClinicGit
import Foundation

extension ContentRepository {
    /// Where the server keeps a draft's tip that a push replaced (not a fast-forward):
    /// `refs/clinicctl/replaced/<id>-<short>`, so a rewrite (an edit dropped, the draft brought
    /// up to date) loses nothing the server had.
    public static let replacedPrefix = "refs/clinicctl/replaced/"
}

extension Server {

    /// Keeps the old tip of every draft this accepted push replaces, under `replacedPrefix`.
    /// Run by the server's pre-receive once the push is accepted: the old tips are already in
    /// the repository (not in the push's quarantine), so the records point at kept objects.
    public func keepReplacedDrafts(_ updates: [ProposedUpdate]) throws {
        for update in updates where update.reference.hasPrefix(ContentRepository.draftPrefix) {
            guard let old = update.old, let new = update.new else { continue }
            let id = String(update.reference.dropFirst(ContentRepository.draftPrefix.count))
            try repository.withGit(draft: id) { git in
                guard try !git.isAncestor(old.id, of: new.id) else { return }
                let record = ContentRepository.replacedPrefix + "\(id)-\(old.short)"
                guard try git.referenceTarget(record) == nil else { return }
                try git.updateReference(record, to: old.id, expected: nil, logMessage: "clinicctl: keep draft \(id) replaced by a push")
            }
        }
    }
}
