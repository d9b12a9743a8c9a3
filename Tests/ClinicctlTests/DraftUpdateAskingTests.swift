import Foundation
import Testing

/// Issue 23, item 2: `draft update --edit` decides each field in conflict at the terminal.
@Suite("draft update --edit at a real terminal", .enabled(if: Terminal.isAvailable))
struct DraftUpdateAskingTests {
    /// Two drafts set The Loop's Saturday differently; the first is approved.
    static func conflict() throws -> Sandbox {
        let box = try Sandbox()
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "09:00-12:00"]).status == 0)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "08:00-16:00", "--as", Sandbox.secondReviewer], as: nil).status == 0)
        #expect(try box.clinicctl(["review", "approve", "hours-the-loop", "--no-publish"], as: Sandbox.reviewer).status == 0)
        return box
    }

    @Test("each field is shown with its three values; the answer is one new edit on the draft")
    func answersDecide() throws {
        let box = try Self.conflict()
        let terminal = try Terminal(
            box.terminalCommand(["draft", "update", "hours-the-loop-2", "--edit"], author: Sandbox.secondReviewer, editor: "true"),
            in: box.root)
        let asked = try terminal.wait { try terminal.screen().contains("keep [d]raft or [p]ublished?") }
        #expect(asked, "\(terminal.text)")
        let screen = try terminal.screen()
        #expect(screen.contains("1. hours the-loop · Saturday [hours/the-loop:sat]"), "\(screen)")
        #expect(screen.contains("now published:  09:00-12:00") && screen.contains("this draft:     08:00-16:00"), "\(screen)")
        try terminal.send(["x"], literal: true)
        try terminal.send(["Enter"])
        #expect(try terminal.wait { try terminal.screen().contains("answer d (this draft's value) or p (the published one)") })
        try terminal.send(["d"], literal: true)
        try terminal.send(["Enter"])
        #expect(terminal.exitStatus() == 0, "\(terminal.text)")
        #expect(try terminal.screen().contains("hours the-loop · Saturday: took this draft's 08:00-16:00"), "\(terminal.text)")
        let hours = try box.show("drafts/hours-the-loop-2", "content/hours/the-loop.yaml")
        #expect(hours.contains("- days: [sat]\n    opens: \"08:00\"\n    closes: \"16:00\""), "\(hours)")
        #expect(try box.clinicctl(["review", "approve", "hours-the-loop-2", "--no-publish"], as: Sandbox.reviewer).status == 0)
    }

    @Test("no answer changes nothing; without a terminal --edit says to use --take")
    func noAnswerNoTerminal() throws {
        let box = try Self.conflict()
        let before = try box.snapshot()
        let terminal = try Terminal(
            box.terminalCommand(["draft", "update", "hours-the-loop-2", "--edit"], author: Sandbox.secondReviewer, editor: "true"),
            in: box.root)
        #expect(try terminal.wait { try terminal.screen().contains("keep [d]raft or [p]ublished?") }, "\(terminal.text)")
        try terminal.send(["Enter"])
        #expect(terminal.exitStatus() == 64, "\(terminal.text)")
        #expect(try terminal.screen().contains("no answer given; nothing was changed"))
        #expect(try box.snapshot() == before)
        let piped = try box.clinicctl(["draft", "update", "hours-the-loop-2", "--edit"], as: Sandbox.secondReviewer)
        #expect(piped.status == 64 && piped.stderr.contains("elsewhere decide with --take draft|published [FIELD]"), "\(piped.stderr)")
        let both = try box.clinicctl(["draft", "update", "hours-the-loop-2", "--edit", "--take", "draft"], as: Sandbox.secondReviewer)
        #expect(both.status == 64 && both.stderr.contains("give --edit or --take, not both"), "\(both.stderr)")
        #expect(try box.snapshot() == before)
    }
}
