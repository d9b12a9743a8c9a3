import ClinicContent

extension WorkflowError {
    /// Refuses an id a person typed for a new record when it cannot name one,
    /// in the office manager's words and before anything reaches Git.
    static func checkNewID(_ id: String, of kind: String) throws {
        guard !Formats.isSlug(id) else { return }
        let suggestion = Formats.slug(from: id)
        throw WorkflowError(
            .usage,
            "\"\(id)\" cannot be \(kind) id: ids use lower-case letters, digits and single hyphens, at most \(Formats.maxSlugLength) characters"
                + (suggestion.isEmpty ? "" : ", like \"\(suggestion)\""))
    }
}
