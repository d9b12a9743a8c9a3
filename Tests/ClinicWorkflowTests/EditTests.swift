import ClinicContent
import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// Edits through the library: each lands as one commit on `refs/heads/drafts/<id>`.
@Suite("edits")
struct EditTests {
    /// Checks with the `git` program that `result` is one commit on its draft's branch, on top of `parent`,
    /// written by `author` at the clinic's clock, with the record's summary and trailers; and that the
    /// published branch did not move.
    func expectLanded(
        _ result: EditResult, in clinic: TestClinic, on parent: String, by author: Person = People.office,
        summary: String, change: String, entry: String, files: [String]
    ) throws {
        let branch = "refs/heads/drafts/\(result.draft)"
        #expect(try clinic.git("rev-parse", branch) == result.commit.hex)
        let seconds = Int(clinic.clock.now.timeIntervalSince1970)
        #expect(
            try clinic.git("log", "-1", "--format=%an <%ae>|%at|%ai|%cn|%P|%s", branch) == "\(author)|\(seconds)|"
                + gitDate(clinic.clock.now) + "|\(author.name)|\(parent)|\(summary)")
        #expect(try clinic.git("log", "-1", "--format=%(trailers:key=Clinic-Change,valueonly,separator=)", branch) == change)
        #expect(try clinic.git("log", "-1", "--format=%(trailers:key=Clinic-Entry,valueonly,separator=)", branch) == entry)
        #expect(try clinic.git("diff-tree", "--no-commit-id", "--name-only", "-r", branch).split(separator: "\n").map(String.init) == files)
        #expect(result.files == files)
        #expect(try clinic.git("rev-parse", "main") == (try clinic.repository.publishedTip()).hex)
        _ = try clinic.git("fsck", "--strict", "--no-dangling")
    }

    /// `%ai` for the clinic's time zone (+02:00).
    func gitDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: TestClinic.timeZoneOffsetMinutes * 60)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        return formatter.string(from: date)
    }

    @Test("faq add opens a draft with the new entry")
    func faqAdd() throws {
        let clinic = try TestClinic()
        let main = try clinic.git("rev-parse", "main")
        clinic.clock.advance()
        let result = try clinic.repository.commit(to: nil, as: People.office) { content in
            try FAQEdits.add(
                .init(question: "Do you take insurance?", answer: "Yes, most plans."), id: nil, placement: .end, in: content)
        }
        #expect(result.draft == "faq-do-you-take-insurance" && result.createdDraft)
        try expectLanded(
            result, in: clinic, on: main, summary: "FAQ: add \"Do you take insurance?\"", change: "faq.add",
            entry: "faq/do-you-take-insurance", files: ["content/faq/do-you-take-insurance.md"])
        let entry = try clinic.repository.load(at: result.commit).content.faqEntry("do-you-take-insurance")
        #expect(entry?.answer.translations.values.first == "Yes, most plans.")
    }

    @Test("faq edit changes one entry's file")
    func faqEdit() throws {
        let clinic = try TestClinic()
        let main = try clinic.git("rev-parse", "main")
        let result = try clinic.repository.commit(
            FAQEdits.edit("what-is-dry-needling", .init(answer: "A needle treatment.")), to: nil, as: People.paul)
        try expectLanded(
            result, in: clinic, on: main, by: People.paul, summary: "FAQ: edit \"what-is-dry-needling\"", change: "faq.edit",
            entry: "faq/what-is-dry-needling", files: ["content/faq/what-is-dry-needling.md"])
        #expect(result.changes.map(\.entry) == ["faq/what-is-dry-needling"])
        let answer = try clinic.repository.load(at: result.commit).content.faqEntry("what-is-dry-needling")?.answer
        #expect(answer?.translations.values.first == "A needle treatment.")
    }

    @Test("faq remove deletes the entry's file")
    func faqRemove() throws {
        let clinic = try TestClinic()
        let main = try clinic.git("rev-parse", "main")
        let result = try clinic.repository.commit(FAQEdits.remove("is-the-procedure-painful"), to: nil, as: People.office)
        try expectLanded(
            result, in: clinic, on: main, summary: "FAQ: remove \"is-the-procedure-painful\"", change: "faq.remove",
            entry: "faq/is-the-procedure-painful", files: ["content/faq/is-the-procedure-painful.md"])
        #expect(try clinic.repository.load(at: result.commit).content.faqEntry("is-the-procedure-painful") == nil)
        #expect(
            try clinic.git("diff-tree", "--no-commit-id", "--name-status", "-r", result.commit.hex)
                == "D\tcontent/faq/is-the-procedure-painful.md")
    }

    @Test("hours set replaces a day's hours")
    func hoursSet() throws {
        let clinic = try TestClinic()
        let main = try clinic.git("rev-parse", "main")
        let range = TimeRange(opens: TimeOfDay(minutes: 9 * 60)!, closes: TimeOfDay(minutes: 12 * 60)!)
        let result = try clinic.repository.commit(HoursEdits.set("glenview", days: [.sat], ranges: [range]), to: nil, as: People.office)
        try expectLanded(
            result, in: clinic, on: main, summary: "Hours: glenview Sat 09:00-12:00", change: "hours.set", entry: "hours/glenview",
            files: ["content/hours/glenview.yaml"])
        let hours = try clinic.repository.load(at: result.commit).content.hours(for: "glenview")
        #expect(hours?.weekly.contains { $0.days == [.sat] && $0.range == range } == true)
        #expect(hours?.byAppointment.isEmpty == true)
    }

    @Test("location edit changes the location's file")
    func locationEdit() throws {
        let clinic = try TestClinic()
        let main = try clinic.git("rev-parse", "main")
        let result = try clinic.repository.commit(LocationEdits.edit("glenview", .init(city: "Northbrook")), to: nil, as: People.office)
        try expectLanded(
            result, in: clinic, on: main, summary: "Location: edit glenview", change: "location.edit", entry: "location/glenview",
            files: ["content/locations/glenview.yaml"])
        #expect(try clinic.repository.load(at: result.commit).content.location("glenview")?.address.city == "Northbrook")
    }

    @Test("social add lists a new network")
    func socialAdd() throws {
        let clinic = try TestClinic()
        let main = try clinic.git("rev-parse", "main")
        let url = "https://www.facebook.com/jasonthept"
        let result = try clinic.repository.commit(
            SocialEdits.add(.facebook, url: url, handle: nil, replace: false), to: nil, as: People.office)
        try expectLanded(
            result, in: clinic, on: main, summary: "Social: add Facebook", change: "social.add", entry: "social/facebook",
            files: ["content/social.yaml"])
        #expect(try clinic.repository.load(at: result.commit).content.social.last?.url == url)
    }

    @Test("a refused edit writes nothing", arguments: [WorkflowError.Code.notFound, .refused, .unchanged])
    func refusedEditWritesNothing(code: WorkflowError.Code) throws {
        let clinic = try TestClinic()
        let before = try clinic.references()
        let edit: ContentEdit =
            switch code {
            case .notFound: FAQEdits.edit("no-such-question", .init(answer: "x"))
            case .refused: SocialEdits.add(.x, url: "https://x.com/other", handle: nil, replace: false)
            default: LocationEdits.edit("glenview", .init(city: "Glenview"))
            }
        #expect(workflowErrorCode { _ = try clinic.repository.commit(edit, to: nil, as: People.office) } == code)
        #expect(try clinic.references() == before)
        #expect(try clinic.repository.drafts.list().isEmpty)
    }

    @Test("a second edit goes onto the existing draft, after the first")
    func addToExistingDraft() throws {
        let clinic = try TestClinic()
        let first = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office)
        clinic.clock.advance()
        let second = try clinic.repository.commit(
            FAQEdits.edit("what-is-dry-needling", .init(answer: "A needle treatment.")), to: first.draft, as: People.paul)
        #expect(second.draft == first.draft && !second.createdDraft)
        #expect(try clinic.git("log", "-1", "--format=%P", second.commit.hex) == first.commit.hex)
        let draft = try clinic.repository.draft(first.draft)
        #expect(draft.tip == second.commit)
        #expect(draft.edits.map(\.change) == ["hours.closed", "faq.edit"])
        #expect(draft.authors == [People.office, People.paul])
        #expect(draft.updated == clinic.clock.now)
        #expect(
            workflowErrorCode {
                _ = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.thu]), to: "nope", as: People.office)
            } == .notFound)
    }

    @Test("a blank --message keeps the edit's own summary; a multi-line one becomes one line")
    func messages() throws {
        let clinic = try TestClinic()
        let blank = try clinic.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office, message: " \n")
        #expect(try clinic.git("log", "-1", "--format=%s", blank.commit.hex) == "Hours: glenview closed Fri")
        let multi = try clinic.repository.commit(
            HoursEdits.closed("glenview", days: [.thu]), to: blank.draft, as: People.office,
            message: "Staff training\nApproved-by: Mallory <m@example.com>")
        #expect(
            try clinic.git("log", "-1", "--format=%B", multi.commit.hex).hasPrefix(
                "Staff training Approved-by: Mallory <m@example.com>\n\n"))
        #expect(try clinic.git("log", "-1", "--format=%(trailers:key=Approved-by)", multi.commit.hex).isEmpty)
    }

    @Test("a new draft is opened although a killed opening of the same name left Git's lock file")
    func newDraftClearsALockAKilledOpeningLeft() throws {
        let clinic = try TestClinic()
        // What a process killed inside libgit2's creation of drafts/left-behind leaves: the lock, no branch.
        let lock = try clinic.git.gitDirectory.appendingPathComponent("refs/heads/drafts/left-behind.lock")
        try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: lock)
        let result = try clinic.repository.commit(to: nil, as: People.office, draftName: "left-behind") { _ in
            FAQEdits.edit("what-is-dry-needling", .init(answer: "Thin needles, no medicine."))
        }
        #expect(result.draft == "left-behind")
        #expect(try clinic.git("rev-parse", "refs/heads/drafts/left-behind") == result.commit.hex)
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        _ = try clinic.git("fsck", "--strict", "--no-dangling")
    }
}
