import ClinicContent

extension SiteContent {
    /// `old` and `new` without the FAQ entries an edit left as they were, so that only
    /// the changed ones are written out to compare (an edit at 5,000 entries wrote all
    /// 5,000 files twice to find the one that changed).
    ///
    /// Exact: an entry's file depends only on the entry and the default locale, so an
    /// entry that is the only one with its id on both sides, unchanged, under the same
    /// default locale, has the same file on both sides and is no change.
    static func withoutUnchangedFAQ(_ old: SiteContent, _ new: SiteContent) -> (SiteContent, SiteContent) {
        guard old.clinic.defaultLocale == new.clinic.defaultLocale else { return (old, new) }
        let oldByID = Dictionary(grouping: old.faq, by: \.id)
        let newByID = Dictionary(grouping: new.faq, by: \.id)
        let unchanged = Set(
            oldByID.compactMap { id, entries in
                entries.count == 1 && newByID[id]?.count == 1 && newByID[id]?[0] == entries[0] ? id : nil
            })
        var (old, new) = (old, new)
        old.faq.removeAll { unchanged.contains($0.id) }
        new.faq.removeAll { unchanged.contains($0.id) }
        return (old, new)
    }
}

extension ContentRepository {
    /// The canonical files of `old` and `new` that may differ: every file but those of unchanged FAQ entries.
    func canonicalFiles(_ old: SiteContent, _ new: SiteContent) -> (old: [String: String], new: [String: String]) {
        let (old, new) = SiteContent.withoutUnchangedFAQ(old, new)
        return (
            CanonicalWriter(layout: layout, defaultLocale: old.clinic.defaultLocale).files(for: old),
            CanonicalWriter(layout: layout, defaultLocale: new.clinic.defaultLocale).files(for: new)
        )
    }
}
