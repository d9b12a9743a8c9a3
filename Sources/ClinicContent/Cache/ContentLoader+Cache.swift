/// Reading FAQ files through the record cache: a remembered record stands in
/// for reading and parsing its file, and yields exactly what reading it would.
extension ContentLoader {
    /// The entry remembered for `path` at `blob` (nil inside when the file could not be
    /// read as an entry), with its reading findings and positions added to `state`;
    /// nil when nothing usable is remembered and the file must be read.
    func restoreFAQ(
        _ path: String, blob: String, _ records: RecordCache, _ defaultLocale: String, _ state: inout LoadState
    ) -> FAQEntry?? {
        guard let record = records.record(path, blob: blob, locale: defaultLocale),
            // A file that would go over the size limits is read, so that the limit's finding is made as always.
            record.size <= ContentLimits.fileBytes, state.totalBytes + record.size <= ContentLimits.repositoryBytes
        else { return nil }
        var entry: FAQEntry?
        if let stored = record.entry {
            // A damaged record is no record: the file is read again.
            guard let restored = stored.entry else { return nil }
            entry = restored
        }
        guard state.map.restore(path, positions: record.positions, listIndices: record.listIndices) else { return nil }
        state.totalBytes += record.size
        state.findings += record.reading
        if let entry {
            state.map.faqFiles.append(path)
            state.checkedFAQ[path] = CheckedFAQ(entry: entry, locale: defaultLocale, findings: record.own)
        }
        return .some(entry)
    }

    /// Remembers what reading `path` produced: its entry, the findings made since
    /// `start`, its positions, and what the one-entry rules find in it.
    func rememberFAQ(
        _ entry: FAQEntry?, _ path: String, blob: String, size: Int, since start: Int, _ records: RecordCache, _ clinic: Clinic,
        _ state: inout LoadState
    ) {
        var own: [Finding] = []
        if let entry {
            // The one-entry rules look at this file's positions only.
            var sources = SourceMap()
            sources.positions[path] = state.map.positions[path]
            sources.listIndices[path] = state.map.listIndices[path]
            var run = ValidationRun(content: SiteContent(clinic: clinic), sources: sources, layout: layout)
            run.checkFAQEntry(entry, file: path)
            own = run.findings
            state.checkedFAQ[path] = CheckedFAQ(entry: entry, locale: clinic.defaultLocale, findings: own)
        }
        let record = CachedFAQRecord(
            size: size, entry: entry.map(CachedFAQEntry.init), reading: Array(state.findings[start...]),
            positions: state.map.cachedPositions(path), listIndices: state.map.listIndices[path] ?? [:], own: own)
        records.remember(record, path, blob: blob, locale: clinic.defaultLocale)
    }
}
