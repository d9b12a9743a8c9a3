import ClinicContent
import Foundation

extension Drafts {
    /// The id for the draft a new edit opens: `name` when given (`--draft-name`),
    /// else one made from `hint`.
    ///
    /// Repeating an edit must not quietly open a second draft on the same topic
    /// (`clinic`, then `clinic-2`): when `person` already has an open draft made
    /// from the same hint, this refuses and names it, so the edit goes into it
    /// (`--draft`) or into a draft named on purpose (`--draft-name`). Someone
    /// else's draft on the topic does not stop a new one.
    public func newDraftID(from hint: String, as person: Person, named name: String?) throws -> String {
        if let name { return try checkedDraftName(name) }
        let stem = Formats.slug(from: hint, maxLength: 48)
        let sameTopic = try drafts(onTopic: stem)
        if let mine = sameTopic.first(where: { $0.authors.contains { $0.isSame(as: person) } }) {
            throw WorkflowError(
                .refused,
                "your draft \(mine.id) on this is still open (\(mine.title)); add this edit to it with `--draft \(mine.id)`, "
                    + "or open a separate draft with `--draft-name NAME`. Nothing was changed",
                draft: mine.id, reference: repository.draftRef(mine.id))
        }
        return try repository.newDraftID(from: hint)
    }

    /// `name` when it can name a new draft: a slug that no open or rejected draft uses.
    func checkedDraftName(_ name: String) throws -> String {
        let slug = Formats.slug(from: name, maxLength: DraftID.maximumLength)
        guard DraftID(name).isCanonical else {
            throw WorkflowError(
                .usage,
                "--draft-name \"\(name)\" must be lower-case letters, digits and dashes"
                    + (slug.isEmpty ? "" : ", like \(slug)"))
        }
        if try repository.withGit(draft: name, { try $0.referenceTarget(repository.draftRef(name)) }) != nil {
            throw WorkflowError(
                .refused, "draft \(name) is already open; add to it with `--draft \(name)`, or choose another --draft-name",
                draft: name, reference: repository.draftRef(name))
        }
        if let rejection = try repository.records.draftRecords(draft: name).openRejections(of: name).first {
            throw WorkflowError(
                .refused, "draft \(name) was rejected and its name stays with it; choose another --draft-name", draft: name,
                reference: rejection.reference)
        }
        return name
    }

    /// The open drafts made from `stem` (`stem`, `stem-2`…), oldest first, as `drafts()`
    /// lists them: only these are read, not every open draft (at chain scale, reading
    /// 200 drafts' commits was a tenth of opening a new one).
    func drafts(onTopic stem: String) throws -> [Draft] {
        let published = try repository.withGit { try $0.referenceTarget(repository.publishedRef) }
        var found: [Draft] = []
        for ref in try repository.withGit({ try $0.references(withPrefix: ContentRepository.draftPrefix) }) {
            let id = String(ref.name.dropFirst(ContentRepository.draftPrefix.count))
            guard Formats.isSlug(id), id == stem || (id.hasPrefix(stem + "-") && Int(id.dropFirst(stem.count + 1)) != nil) else {
                continue
            }
            // A reference that cannot be read as a draft is no draft here either (`draftListing` skips it).
            do {
                found.append(try repository.describeDraft(id: id, tip: ref.target, published: published, state: .open))
            } catch is WorkflowError {
                continue
            }
        }
        return found.sorted { ($0.created ?? .distantPast, $0.id) < ($1.created ?? .distantPast, $1.id) }
    }
}
