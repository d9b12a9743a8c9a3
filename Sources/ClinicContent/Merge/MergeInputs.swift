import Foundation

/// The three versions of the files a merge starts from, and how it goes through them file by file.
struct MergeInputs: Sendable {
    var files: MergeSides<[String: Data]>
    var layout: ContentLayout

    func run(_ choices: [String: MergeSide]) -> MergeRun {
        var run = MergeRun(choices: choices)
        let locales = files.map(defaultLocale)
        let locale = mergedLocale(locales, choices)
        let paths = Set(files.base.keys).union(files.ours.keys).union(files.theirs.keys).sorted()
        for path in paths { merge(path, locales, locale, &run) }
        return run
    }

    /// The default locale a version's files are read in, as a whole load reads them.
    func defaultLocale(_ files: [String: Data]) -> String {
        var state = LoadState(layout: layout)
        let clinic = try? ContentLoader(layout: layout).loadClinic(InMemorySource(files: files), &state)
        return clinic.map { $0.defaultLocale.isEmpty ? "en" : $0.defaultLocale } ?? "en"
    }

    /// The merged content's default locale; nil when clinic.yaml is left to a text merge and the sides' locales differ.
    func mergedLocale(_ locales: MergeSides<String>, _ choices: [String: MergeSide]) -> String? {
        let bytes = files.map { $0[layout.clinicFile] }
        if let side = bytes.changedSide { return locales[side] }
        var scratch = MergeRun(choices: choices)
        let kind = ClinicFileKind()
        guard let clinics = read(kind, layout.clinicFile, bytes, locales),
            let merged = Result(catching: { () throws(TextMergeNeeded) in
                try kind.merge(clinics, at: place(kind, layout.clinicFile, "en"), &scratch)
            })
            .success
        else { return locales.ours == locales.theirs ? locales.ours : nil }
        return merged.map { $0.defaultLocale.isEmpty ? "en" : $0.defaultLocale } ?? "en"
    }

    func merge(_ path: String, _ locales: MergeSides<String>, _ locale: String?, _ run: inout MergeRun) {
        let bytes = files.map { $0[path] }
        let kind = layout.mergedKind(path)
        if kind != nil, locale == nil, bytes.base != bytes.ours || bytes.base != bytes.theirs {
            run.textMergeNeeded.append(path)
        } else if let side = bytes.changedSide {
            // The same bytes on both sides: from the side whose files are read in the merged locale.
            let from = bytes.ours == bytes.theirs && locales.ours != locale ? MergeSide.theirs : side
            take(path, bytes[from], kind, written: locales[from], locale, &run)
        } else if let kind, let locale, mergeRecords(kind, path, bytes, locales, locale, &run) {
            return
        } else if bytes.ours != nil, bytes.theirs != nil {
            run.textMergeNeeded.append(path)
        } else {
            removedAndChanged(path, bytes, &run)
        }
    }

    /// A file one side changed (or both alike), as it is; written again when its side's default
    /// locale is not the merged content's, so that it reads as it did.
    func take(_ path: String, _ data: Data?, _ kind: (any MergedFileKind)?, written: String, _ locale: String?, _ run: inout MergeRun) {
        guard let data else { return }
        guard let kind, let locale, written != locale else {
            run.files[path] = data
            return
        }
        guard let rewritten = rewrite(kind, path, data, from: written, to: locale) else {
            run.textMergeNeeded.append(path)
            return
        }
        run.files[path] = rewritten
    }

    /// A file's bytes read under one default locale and written under another; nil when it cannot be read as records.
    func rewrite<Kind: MergedFileKind>(_ kind: Kind, _ path: String, _ data: Data, from: String, to locale: String) -> Data?? {
        guard let records = kind.records(data, path, locale: from, layout: layout, canonical: true) else { return nil }
        return .some(kind.bytes(records, CanonicalWriter(layout: layout, defaultLocale: locale)))
    }

    /// Merges a file both sides changed record by record; false when a version cannot be read as records.
    func mergeRecords<Kind: MergedFileKind>(
        _ kind: Kind, _ path: String, _ bytes: MergeSides<Data?>, _ locales: MergeSides<String>, _ locale: String,
        _ run: inout MergeRun
    ) -> Bool {
        guard let records = read(kind, path, bytes, locales) else { return false }
        // Conflicts found before the file turns out to need a text merge are not its conflicts.
        var attempt = run
        let result = Result { () throws(TextMergeNeeded) in try kind.merge(records, at: place(kind, path, locale), &attempt) }
        guard let merged = result.success else { return false }
        if attempt.conflicts.count == run.conflicts.count, let merged {
            attempt.files[path] = kind.bytes(merged, CanonicalWriter(layout: layout, defaultLocale: locale))
        }
        run = attempt
        return true
    }

    /// Each version's records (nil for a version without the file); nil when one cannot be read as
    /// records. The sides' versions must be canonical; the base's is only compared with.
    func read<Kind: MergedFileKind>(_ kind: Kind, _ path: String, _ bytes: MergeSides<Data?>, _ locales: MergeSides<String>)
        -> MergeSides<Kind.Records?>?
    {
        func version(_ data: Data?, _ locale: String, canonical: Bool) -> Kind.Records?? {
            guard let data else { return .some(nil) }
            return kind.records(data, path, locale: locale, layout: layout, canonical: canonical).map { .some($0) }
        }
        guard let base = version(bytes.base, locales.base, canonical: false),
            let ours = version(bytes.ours, locales.ours, canonical: true),
            let theirs = version(bytes.theirs, locales.theirs, canonical: true)
        else { return nil }
        return MergeSides(base: base, ours: ours, theirs: theirs)
    }

    func place<Kind: MergedFileKind>(_ kind: Kind, _ path: String, _ locale: String) -> RecordPlace {
        let (key, label) = kind.record(ContentLoader.stem(path))
        return RecordPlace(path: path, key: key, label: label, locale: locale)
    }

    /// A file removed on one side and changed on the other, taken whole from the side chosen.
    func removedAndChanged(_ path: String, _ bytes: MergeSides<Data?>, _ run: inout MergeRun) {
        let place = RecordPlace(path: path, key: "file:\(path)", label: path, locale: "").whole
        let open = run.conflicts.count
        let side = run.choose(at: place) {
            MergeSides(base: "there", ours: bytes.ours == nil ? "removed" : "changed", theirs: bytes.theirs == nil ? "removed" : "changed")
        }
        if run.conflicts.count == open, let data = bytes[side] { run.files[path] = data }
    }
}

extension Result {
    /// The value, when there is one.
    var success: Success? {
        guard case .success(let value) = self else { return nil }
        return value
    }
}
