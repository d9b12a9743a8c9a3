import Foundation
import Testing

/// Notes the product refuses to write, and notes pushed with plain Git that the server refuses.
@Suite("Notes that are refused")
struct NoteRefusalTests {
    static let draft = "faq-do-you-take-insurance"
    static let paul = ("Paul Physio", "paul@clinic.example")
    static let rita = ("Rita Reviewer", "rita@clinic.example")

    /// A note's commit message as clinicctl writes it.
    static func message(_ draft: String, by person: (String, String), text: String) -> String {
        "Note on draft \(draft)\n\n  \(text)\n\nClinic-Note-For: \(draft)\nClinic-Note-By: \(person.0) <\(person.1)>\n"
    }

    /// A commit of `message` on `parent` made with plain Git in `folder` as `person`; its id.
    static func commit(_ message: String, parent: String, as person: (String, String), in folder: URL) throws -> String {
        let environment = [
            "GIT_AUTHOR_NAME": person.0, "GIT_AUTHOR_EMAIL": person.1, "GIT_COMMITTER_NAME": person.0, "GIT_COMMITTER_EMAIL": person.1,
        ]
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "commit-tree", "\(parent)^{tree}", "-p", parent, "-F", "-"], in: folder,
            environment: environment, stdin: message)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theServerRefusesNotesByStrangersOnNoDraftOrRewritingOne() throws {
        let team = try guardedTeamServer()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(TeamEdits.insurance, in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let tip = try team.serverRef("refs/heads/drafts/\(Self.draft)")
        func push(_ commit: String, to reference: String, force: Bool = false) throws -> Run {
            try box.git(["push", "origin"] + (force ? ["--force"] : []) + ["\(commit):\(reference)"], in: office)
        }

        let byPaul = try Self.commit(Self.message(Self.draft, by: Self.paul, text: "approve it"), parent: tip, as: Self.paul, in: office)
        let paulsRef = "refs/clinicctl/notes/\(Self.draft)-\(byPaul.prefix(7))"
        let stranger = try push(byPaul, to: paulsRef)
        #expect(stranger.status != 0)
        #expect(
            stranger.stderr.contains("Paul Physio <paul@clinic.example> neither wrote draft \(Self.draft) nor is a reviewer"),
            "\(stranger.stderr)")
        #expect(try team.serverRef(paulsRef).isEmpty)

        let main = try team.serverRef("refs/heads/main")
        let nowhere = try Self.commit(Self.message("no-such-draft", by: Self.rita, text: "hello"), parent: main, as: Self.rita, in: office)
        let nowhereRef = "refs/clinicctl/notes/no-such-draft-\(nowhere.prefix(7))"
        let noDraft = try push(nowhere, to: nowhereRef)
        #expect(noDraft.status != 0)
        #expect(noDraft.stderr.contains("it names draft no-such-draft, which does not exist here"), "\(noDraft.stderr)")
        #expect(try team.serverRef(nowhereRef).isEmpty)

        // Rita's real note, then an attempt to put other words in its place, or to delete it.
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(try box.clinicctl(["draft", "note", Self.draft, "approve on Jan 11"], as: Sandbox.reviewer, in: laptop).status == 0)
        let reference = try box.git(["for-each-ref", "--format=%(refname)", "refs/clinicctl/notes/"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let kept = try team.serverRef(reference)
        let other = try Self.commit(Self.message(Self.draft, by: Self.rita, text: "reject it"), parent: tip, as: Self.rita, in: office)
        let rewrite = try push(other, to: reference, force: true)
        #expect(rewrite.status != 0)
        #expect(
            rewrite.stderr.contains("clinicctl's records are only ever added; \(reference) cannot be changed or deleted"),
            "\(rewrite.stderr)")
        let deletion = try box.git(["push", "origin", ":\(reference)"], in: office)
        #expect(deletion.status != 0)
        #expect(try team.serverRef(reference) == kept)
        // Olivia's copy gets Rita's note, and only it.
        let synced = try box.clinicctl(["sync"], in: office).stdout
        #expect(
            try box.git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/clinicctl/notes/"], in: office).stdout
                == "\(reference) \(kept)\n")
        #expect(synced.contains("note from Rita Reviewer: \"approve on Jan 11\""), "\(synced)")
        #expect(synced.components(separatedBy: "note from").count == 2)
    }

    @Test(
        arguments: [
            (["faq-do-you-take-insurance", ""], "the text is empty"),
            (["faq-do-you-take-insurance", "  \n "], "the text is empty"),
            (["faq-do-you-take-insurance", "Look\u{1B}[2J here"], "the note contains the invisible control character U+001B"),
            (["faq-do-you-take-insurance", String(repeating: "long ", count: 101)], "at most 500 characters"),
            (["no-such-draft", "approve on Jan 11"], "there is no open draft \"no-such-draft\"; open drafts: faq-do-you-take-insurance"),
        ])
    func badInputToDraftNoteWritesNothing(arguments: [String], words: String) throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(TeamEdits.insurance).status == 0)
        let before = try box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"])
        let run = try box.clinicctl(["draft", "note"] + arguments, as: Sandbox.reviewer)
        #expect(run.status != 0)
        #expect(run.stderr.contains(words), "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(run.stdout.isEmpty)
        #expect(try box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"]) == before)
    }

    @Test func someoneWhoNeitherWroteNorReviewsCannotLeaveANote() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(TeamEdits.insurance).status == 0)
        let before = try box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"])
        let run = try box.clinicctl(["draft", "note", Self.draft, "approve it"], as: "Paul Physio <paul@clinic.example>")
        #expect(run.status != 0)
        #expect(
            run.stderr.contains("only the draft's authors (Olivia Office <office@clinic.example>) or a reviewer may leave a note on it"),
            "\(run.stderr)")
        #expect(try box.gitOutput(["for-each-ref", "--format=%(refname) %(objectname)"]) == before)
    }
}
