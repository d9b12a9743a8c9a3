/// Which records a comparison looks at, by kind: those read from changed files.
struct RecordKeys {
    var clinic = false
    var categories = false
    var social = false
    var locations = Set<String>()
    /// Hours by the location they are for.
    var hours = Set<String>()
    var faq = Set<String>()

    /// The keys of the records `loaded` read from `files`.
    mutating func insert(readFrom files: Set<String>, in loaded: LoadedContent) {
        let sources = loaded.sources
        clinic = clinic || files.contains(sources.clinicFile)
        categories = categories || files.contains(sources.categoriesFile)
        social = social || files.contains(sources.socialFile)
        for (location, file) in zip(loaded.content.locations, sources.locationFiles) where files.contains(file) {
            locations.insert(location.id)
        }
        for (hours, file) in zip(loaded.content.hours, sources.hoursFiles) where files.contains(file) { self.hours.insert(hours.location) }
        for (entry, file) in zip(loaded.content.faq, sources.faqFiles) where files.contains(file) { faq.insert(entry.id) }
    }
}

extension ContentDiff {
    /// `changes(from: old.content, to: new.content)`, comparing only the records read
    /// from `files` and the FAQ entries whose place on the page moved: exact when
    /// every other content file is the same in both (as after an edit that wrote
    /// `files`). A record's fields depend on the record and the default locale alone,
    /// so with another default locale every record is compared.
    public static func changes(from old: LoadedContent, to new: LoadedContent, changedFiles files: Set<String>) -> [EntryChange] {
        guard old.content.clinic.defaultLocale == new.content.clinic.defaultLocale else {
            return changes(from: old.content, to: new.content)
        }
        var keys = RecordKeys()
        keys.insert(readFrom: files, in: old)
        keys.insert(readFrom: files, in: new)
        // Page order is (position, id) over every entry: only the changed ids can move it.
        func places(_ faq: [FAQEntry]) -> [String: [Int]] {
            var places: [String: [Int]] = [:]
            for entry in faq where keys.faq.contains(entry.id) { places[entry.id, default: []].append(entry.position) }
            return places.mapValues { $0.sorted() }
        }
        let pageMoves = places(old.content.faq) == places(new.content.faq) ? [:] : pageOrderMoves(from: old.content, to: new.content)
        for key in pageMoves.keys { keys.faq.insert(String(key.dropFirst("faq/".count))) }
        let (before, after) = (records(old.content, only: keys), records(new.content, only: keys))
        return changes(Set(before.keys).union(after.keys), before, after, pageMoves)
    }
}
