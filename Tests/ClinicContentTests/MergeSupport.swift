import ClinicContent
import Foundation
import Testing

/// The real content, as loaded from `content/`.
func realContent() throws -> SiteContent { try ContentLoader().load(from: FolderSource(root: repositoryRoot)).content }

/// The files of `content` as clinicctl writes them, by repository path.
func canonicalFiles(_ content: SiteContent) -> [String: Data] {
    CanonicalWriter(defaultLocale: content.clinic.defaultLocale).files(for: content).mapValues { Data($0.utf8) }
}

/// Two versions of the real content made from it by `ours` and `theirs`, and their merge.
struct MergeCase {
    var base: SiteContent
    var ours: SiteContent
    var theirs: SiteContent
    var merge: ContentMerge

    init(
        base edit: (inout SiteContent) -> Void = { _ in }, ours: (inout SiteContent) -> Void, theirs: (inout SiteContent) -> Void
    ) throws {
        base = try realContent()
        edit(&base)
        (self.ours, self.theirs) = (base, base)
        ours(&self.ours)
        theirs(&self.theirs)
        merge = ContentMerge(base: canonicalFiles(base), ours: canonicalFiles(self.ours), theirs: canonicalFiles(self.theirs))
    }

    /// The base with `edits` made one after the other, as files.
    func expected(_ edits: (inout SiteContent) -> Void...) -> [String: Data] {
        var content = base
        for edit in edits { edit(&content) }
        return canonicalFiles(content)
    }

    /// The merge with `choices` made, or what resolving them threw.
    func resolved(_ choices: [String: MergeSide]) -> Result<ContentMerge, MergeResolutionError> {
        Result { () throws(MergeResolutionError) in try merge.resolving(choices) }
    }

    /// The merged files read back as a whole load reads them.
    var mergedContent: SiteContent {
        get throws { try ContentLoader().load(from: InMemorySource(files: merge.files)).content }
    }

    /// The conflicts as one line each.
    var conflictLines: [String] { merge.conflicts.map(\.description) }
}

/// Shorthands for editing the real content's records.
extension SiteContent {
    mutating func editHours(_ location: String, _ edit: (inout LocationHours) -> Void) {
        edit(&hours[hours.firstIndex { $0.location == location }!])
    }

    mutating func editFAQ(_ id: String, _ edit: (inout FAQEntry) -> Void) {
        edit(&faq[faq.firstIndex { $0.id == id }!])
    }

    mutating func editLocation(_ id: String, _ edit: (inout Location) -> Void) {
        edit(&locations[locations.firstIndex { $0.id == id }!])
    }
}

extension LocationHours {
    /// `day` open with `ranges` only, as `hours set` makes it.
    mutating func open(_ day: Weekday, _ ranges: [TimeRange]) {
        clear(day)
        for range in ranges {
            if let same = weekly.firstIndex(where: { $0.range == range }) {
                weekly[same].days.append(day)
            } else {
                weekly.append(WeeklyRange(days: [day], range: range))
            }
        }
        normalize()
    }

    /// `day` by appointment only, with this note; joins the rule with the same note.
    mutating func byAppointment(_ day: Weekday, note: LocalizedText?) {
        clear(day)
        if let same = byAppointment.firstIndex(where: { $0.note == note }) {
            byAppointment[same].days.append(day)
        } else {
            byAppointment.append(AppointmentDays(days: [day], note: note))
        }
        normalize()
    }

    /// Takes `day` out of every rule: closed.
    mutating func clear(_ day: Weekday) {
        weekly = weekly.compactMap { $0.days == [day] ? nil : WeeklyRange(days: $0.days.filter { $0 != day }, range: $0.range) }
        byAppointment = byAppointment.compactMap {
            $0.days == [day] ? nil : AppointmentDays(days: $0.days.filter { $0 != day }, note: $0.note)
        }
    }

    /// Special hours on `day`, replacing any that start that day.
    mutating func special(_ special: SpecialHours) {
        self.special.removeAll { $0.from == special.from }
        self.special.append(special)
        normalize()
    }
}

/// `09:00-13:00` and the like, read as stored.
func range(_ text: String) -> TimeRange { TimeRange(parsing: text)! }

func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

extension MergeCase {
    /// Checks the merge left nothing open and holds exactly `edits` made one after the other.
    func expectClean(_ edits: (inout SiteContent) -> Void..., sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(merge.conflicts == [], sourceLocation: sourceLocation)
        #expect(merge.textMergeNeeded == [], sourceLocation: sourceLocation)
        var content = base
        for edit in edits { edit(&content) }
        #expect(merge.files == canonicalFiles(content), sourceLocation: sourceLocation)
        // What the merge wrote reads back to records that are written the same way again.
        #expect((try? mergedContent).map(canonicalFiles) == merge.files, sourceLocation: sourceLocation)
    }
}
