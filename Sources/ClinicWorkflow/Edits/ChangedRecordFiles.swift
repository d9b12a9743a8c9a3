import ClinicContent

extension ContentRepository {
    /// The canonical files of `old` and `new` that may differ: those of the records an
    /// edit changed, on each side (a path missing on one side has no file there).
    /// Every other file is the same on both sides, so writing it out to compare is waste
    /// (an edit at chain scale wrote 5,600 files twice to find the one that changed).
    ///
    /// Exact: a record's file depends only on the record and the default locale, and
    /// where two records write one path, the later one's file is the one written, so
    /// records are compared by path as the last one there. Another default locale
    /// changes every file: both sides are then written whole.
    func canonicalFiles(_ old: SiteContent, _ new: SiteContent) -> (old: [String: String], new: [String: String]) {
        guard old.clinic.defaultLocale == new.clinic.defaultLocale else {
            return (
                CanonicalWriter(layout: layout, defaultLocale: old.clinic.defaultLocale).files(for: old),
                CanonicalWriter(layout: layout, defaultLocale: new.clinic.defaultLocale).files(for: new)
            )
        }
        let writer = CanonicalWriter(layout: layout, defaultLocale: old.clinic.defaultLocale)
        var files: (old: [String: String], new: [String: String]) = ([:], [:])
        /// Records by the id that names their file (the last one per id), rendered where the two sides differ.
        func compare<Record: Equatable>(
            _ a: [Record], _ b: [Record], id: (Record) -> String, path: (String) -> String, _ text: (Record) -> String
        ) {
            // Only ids among the records between the common start and end of the two lists can name
            // a changed file; those are compared as the last record with the id on each side.
            var (start, end) = (0, 0)
            while start < min(a.count, b.count), a[start] == b[start] { start += 1 }
            while end < min(a.count, b.count) - start, a[a.count - 1 - end] == b[b.count - 1 - end] { end += 1 }
            let ids = Set(a[start..<(a.count - end)].map(id)).union(b[start..<(b.count - end)].map(id))
            if ids.isEmpty { return }
            var (before, after): ([String: Record], [String: Record]) = ([:], [:])
            for record in a where ids.contains(id(record)) { before[id(record)] = record }
            for record in b where ids.contains(id(record)) { after[id(record)] = record }
            for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
                files.old[path(key)] = before[key].map(text)
                files.new[path(key)] = after[key].map(text)
            }
        }
        // The clinic file is always written; categories and social links only when there are any.
        compare([old.clinic], [new.clinic], id: { _ in "" }, path: { _ in layout.clinicFile }, writer.clinic)
        compare(old.locations, new.locations, id: \.id, path: layout.locationFile, writer.location)
        compare(old.hours, new.hours, id: \.location, path: layout.hoursFile, writer.hours)
        let nonEmpty = { (list: [FAQCategory]) in list.isEmpty ? [] : [list] }
        compare(
            nonEmpty(old.categories), nonEmpty(new.categories), id: { _ in "" }, path: { _ in layout.categoriesFile }, writer.categories)
        compare(old.faq, new.faq, id: \.id, path: layout.faqFile, writer.faq)
        let someLinks = { (list: [SocialLink]) in list.isEmpty ? [] : [list] }
        compare(someLinks(old.social), someLinks(new.social), id: { _ in "" }, path: { _ in layout.socialFile }, writer.social)
        return files
    }
}
