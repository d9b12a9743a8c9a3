/// What reading one location or hours file produced: a pure function of the
/// file's path, its bytes (named by their Git blob id) and the clinic's default
/// locale, as `CachedFAQRecord` is for an FAQ file. These files have no rules of
/// their own that look at them alone: every check runs on each command.
struct CachedFileRecord: Sendable {
    enum Value: Sendable, Equatable {
        case location(Location)
        case hours(LocationHours)
    }

    /// The file's size in bytes, counted against `ContentLimits.repositoryBytes`.
    var size: Int
    /// Nil when the file could not be read as a record.
    var value: Value?
    /// Findings made while reading the file.
    var reading: [Finding]
    /// Where each field stands in the file: field, line, column.
    var positions: [String: [Int]]
    var listIndices: [String: [Int]]
}

/// Reading location and hours files through the record cache, as `restoreFAQ` does for FAQ files.
extension ContentLoader {
    /// The record remembered for `path` at `blob` (nil inside when the file could not be
    /// read as one), with its findings and positions added to `state`; nil when nothing
    /// usable is remembered and the file must be read.
    func restoreFile(
        _ path: String, blob: String, _ records: RecordCache, _ locale: String, _ state: inout LoadState
    ) -> CachedFileRecord.Value?? {
        guard let record = records.fileRecord(path, blob: blob, locale: locale),
            // A file that would go over the size limits is read, so that the limit's finding is made as always.
            record.size <= ContentLimits.fileBytes, state.totalBytes + record.size <= ContentLimits.repositoryBytes,
            state.map.restore(path, positions: record.positions, listIndices: record.listIndices)
        else { return nil }
        state.totalBytes += record.size
        state.findings += record.reading
        return .some(record.value)
    }

    /// Remembers what reading `path` produced: its value and the findings made since `start`.
    func rememberFile(
        _ value: CachedFileRecord.Value?, _ path: String, blob: String, size: Int, since start: Int, _ records: RecordCache,
        _ locale: String, _ state: LoadState
    ) {
        let record = CachedFileRecord(
            size: size, value: value, reading: Array(state.findings[start...]), positions: state.map.cachedPositions(path),
            listIndices: state.map.listIndices[path] ?? [:])
        records.remember(record, path, blob: blob, locale: locale)
    }
}

extension ContentLoader {
    /// Adds a location or hours record, read or remembered, from `path` to the content.
    func add(_ value: CachedFileRecord.Value?, _ path: String, to content: inout SiteContent, _ state: inout LoadState) {
        switch value {
        case .location(let location)?:
            content.locations.append(location)
            state.map.locationFiles.append(path)
        case .hours(let hours)?:
            content.hours.append(hours)
            state.map.hoursFiles.append(path)
        case nil: break
        }
    }
}
