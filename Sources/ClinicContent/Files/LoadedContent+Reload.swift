import Foundation

extension LoadedContent {
    /// Whether a file of this content is a link, an executable or a submodule: which
    /// the bytes of changed files alone cannot show of another version.
    public var hasSpecialFiles: Bool { findings.contains { $0.rule == Rule.fileMode.id } }

    /// The content as loading it again with `changes` made to its files would give it,
    /// reading only the changed files (and `clinic.yaml`, for the locale they are read in).
    /// Every other file's record, findings and positions are kept as they were read:
    /// a file is read the same way whatever the other files hold.
    ///
    /// Nil when the changed files alone cannot tell: the default locale moves (every
    /// file reads differently), a size limit is reached or may be (what is read after
    /// it changes), a changed file is a link, an executable or a submodule, or this
    /// content was not read in path order. The caller then loads the whole content.
    ///
    /// The findings are a whole load's, though not in its order across files (a
    /// validation sorts them). `source` is where this content was read from;
    /// `changes` holds the new bytes per path, nil for a removed file.
    public func reloading(_ changes: [String: Data?], from source: any ContentSource) throws -> LoadedContent? {
        let changed = Set(changes.keys)
        let newBytes = changes.values.reduce(0) { $0 + ($1?.count ?? 0) }
        guard !findings.contains(where: { $0.rule == Rule.fileSize.id }),
            bytesRead + newBytes <= ContentLimits.repositoryBytes,
            !findings.contains(where: { $0.rule == Rule.fileMode.id && changed.contains($0.file) })
        else { return nil }
        var files = changes.compactMapValues { $0 }
        if !changed.contains(layout.clinicFile) { files[layout.clinicFile] = try source.read(layout.clinicFile) }
        let read = try ContentLoader(layout: layout).load(from: InMemorySource(files: files))
        guard read.content.clinic.defaultLocale == content.clinic.defaultLocale else { return nil }

        var after = self
        after.findings = findings.filter { !changed.contains($0.file) } + read.findings.filter { changed.contains($0.file) }
        if changed.contains(layout.clinicFile) { after.content.clinic = read.content.clinic }
        if changed.contains(layout.categoriesFile) { after.content.categories = read.content.categories }
        if changed.contains(layout.socialFile) { after.content.social = read.content.social }
        guard
            let faq = Self.merging(content.faq, sources.faqFiles, without: changed, read.content.faq, read.sources.faqFiles),
            let locations = Self.merging(
                content.locations, sources.locationFiles, without: changed, read.content.locations, read.sources.locationFiles),
            let hours = Self.merging(content.hours, sources.hoursFiles, without: changed, read.content.hours, read.sources.hoursFiles)
        else { return nil }
        (after.content.faq, after.sources.faqFiles) = faq
        (after.content.locations, after.sources.locationFiles) = locations
        (after.content.hours, after.sources.hoursFiles) = hours
        for path in changed {
            after.sources.positions[path] = read.sources.positions[path]
            after.sources.listIndices[path] = read.sources.listIndices[path]
            after.checkedFAQ[path] = nil
        }
        // Bytes as a whole load counts them: the content folder's files but its documentation.
        let counted = changed.filter { $0.hasPrefix(layout.directory + "/") && !layout.isDocumentation($0) }
        let oldBytes = try counted.reduce(0) { $0 + (try source.read($1)?.count ?? 0) }
        after.bytesRead = bytesRead - oldBytes + counted.reduce(0) { $0 + (changes[$1]??.count ?? 0) }
        return after
    }

    /// Records read from files in path order, without those of `changed` files and
    /// with `new` ones (read from `newFiles`) in their place; nil when `files` is not
    /// in path order, as a whole load reads it.
    static func merging<Record>(
        _ records: [Record], _ files: [String], without changed: Set<String>, _ new: [Record], _ newFiles: [String]
    ) -> ([Record], [String])? {
        var merged: [Record] = []
        var mergedFiles: [String] = []
        merged.reserveCapacity(records.count + new.count)
        mergedFiles.reserveCapacity(records.count + new.count)
        var j = 0
        for (i, (record, file)) in zip(records, files).enumerated() {
            if i > 0, !(files[i - 1] < file) { return nil }
            while j < new.count, newFiles[j] < file {
                merged.append(new[j])
                mergedFiles.append(newFiles[j])
                j += 1
            }
            if changed.contains(file) { continue }
            merged.append(record)
            mergedFiles.append(file)
        }
        merged += new[j...]
        mergedFiles += newFiles[j...]
        return (merged, mergedFiles)
    }
}
