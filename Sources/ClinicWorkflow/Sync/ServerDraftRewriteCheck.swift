internal import ClinicGit
import Foundation

extension Server {
    /// The server's rule for a push that replaces a draft instead of adding to it (undo, drop,
    /// update, a reopened draft fixed): the commits it brings must be made by someone who wrote
    /// part of the draft it replaces, or by a reviewer listed on the published branch. Anyone
    /// else adds edits on top (`sync` does), so nobody's edits are taken out of a draft by a
    /// stranger. A push that only moves a draft back (no new commit) names no one: it passes,
    /// and the old tip is kept under `refs/clinicctl/replaced/` as for every rewrite. Judged
    /// by committer, as Git records it; a server that knows who is pushing can say more.
    func refusalOfDraftRewrite(_ update: ProposedUpdate) throws -> String? {
        guard let old = update.old, let new = update.new else { return nil }
        let id = String(update.reference.dropFirst(ContentRepository.draftPrefix.count))
        return try repository.withGit(draft: id) { git -> String? in
            guard try !git.isAncestor(old.id, of: new.id) else { return nil }
            let published = try git.referenceTarget(repository.publishedRef)
            let before = try git.commits(reachableFrom: old.id, excluding: published)
            let wrote = before.flatMap { [$0.author, $0.committer] }.map { Person(name: $0.name, email: $0.email) }
            for commit in try git.commits(reachableFrom: new.id, excluding: old.id) {
                if let published, try git.isAncestor(commit.id, of: published) { continue }
                let maker = Person(name: commit.committer.name, email: commit.committer.email)
                if wrote.contains(where: { $0.isSame(as: maker) }) || repository.config.isReviewer(email: maker.email) { continue }
                var authors: [Person] = []
                for person in wrote where !authors.contains(where: { $0.isSame(as: person) }) { authors.append(person) }
                return "draft \(id) would be replaced, not added to, by \(commit.id.short) (\"\(commit.summary)\"), made by \(maker), "
                    + "who wrote none of it and is not a reviewer: only its authors (\(authors.map(\.description).joined(separator: ", "))) "
                    + "or a reviewer rewrite a draft; add the edits on top of it instead (`clinicctl sync` does)"
            }
            return nil
        }
    }
}
