import Foundation
import Testing

@Suite("--edit at a real terminal", .enabled(if: Terminal.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/vi")))
struct EditorTests {
    /// vi without the user's settings or history.
    static let vi = "/usr/bin/vi -u NONE -i NONE -N"

    @Test("faq edit --edit: vi owns the terminal, starts from the answer as it is, and what is saved is committed")
    func viSavesTheAnswer() throws {
        let box = try Sandbox()
        let terminal = try Terminal(
            box.terminalCommand(["faq", "edit", "what-is-dry-needling", "--edit"], author: Sandbox.manager, editor: Self.vi), in: box.root)
        let current = try box.show("main", "content/faq/what-is-dry-needling.md").split(separator: "\n").last.map(String.init) ?? ""
        let opened = try terminal.wait { try terminal.screen().contains(String(current.prefix(20))) }
        #expect(opened, "vi shows the current answer: \(terminal.text)")
        try terminal.send(["g", "g", "d", "G", "i"])
        try terminal.send(["A thin needle, typed in vi."], literal: true)
        try terminal.send(["Escape"])
        try terminal.send([":wq"], literal: true)
        try terminal.send(["Enter"])
        #expect(terminal.exitStatus() == 0, "\(terminal.text)")
        let file = try box.show("drafts/faq-what-is-dry-needling", "content/faq/what-is-dry-needling.md")
        #expect(file.hasSuffix("A thin needle, typed in vi."), "\(file)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.tmp.path).allSatisfy { !$0.hasPrefix("clinicctl-") })
    }

    @Test("Ctrl-C, then quitting vi without saving: nothing changes and no temporary file is left")
    func interruptedEditorLeavesNothing() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let terminal = try Terminal(
            box.terminalCommand(
                ["faq", "add", "--question", "Do you accept Medicare?", "--edit"], author: Sandbox.manager, editor: Self.vi),
            in: box.root)
        #expect(try terminal.wait { try terminal.screen().contains("~") }, "\(terminal.text)")
        try terminal.send(["i"])
        try terminal.send(["Half an answer"], literal: true)
        try terminal.send(["C-c"])
        try terminal.send([":cq"], literal: true)
        try terminal.send(["Enter"])
        #expect(terminal.exitStatus() == 64, "\(terminal.text)")
        #expect(try terminal.screen().contains("nothing was changed"))
        #expect(try box.snapshot() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.tmp.path).allSatisfy { !$0.hasPrefix("clinicctl-") })
    }

    @Test("with no identity, faq add --edit refuses before the editor opens")
    func identityIsCheckedBeforeTheEditor() throws {
        let box = try Sandbox()
        let marker = box.root.appendingPathComponent("editor-ran")
        let editor = try box.writeEditor("touch '\(marker.path)'; printf 'Typed text\\n' > \"$1\"")
        let before = try box.snapshot()
        let terminal = try Terminal(
            box.terminalCommand(["faq", "add", "--question", "Do you accept Medicare?", "--edit"], author: nil, editor: editor),
            in: box.root)
        #expect(terminal.exitStatus() == 1, "\(terminal.text)")
        #expect(try terminal.screen().contains("does not know who you are"))
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the editor must not open when the edit cannot be saved")
        #expect(try box.snapshot() == before)
    }

    @Test("an answer refused after the editor is kept in a file, and the error says where")
    func refusedTextIsKept() throws {
        let box = try Sandbox()
        // A control character is refused by validation, which only the committed text can meet.
        let editor = try box.writeEditor("printf 'Ring the \\007 bell, typed with care\\n' > \"$1\"")
        let terminal = try Terminal(
            box.terminalCommand(
                ["faq", "add", "--question", "Do you accept Medicare?", "--edit"], author: Sandbox.manager, editor: editor),
            in: box.root)
        #expect(terminal.exitStatus() == 1, "\(terminal.text)")
        let screen = try terminal.screen().replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("Your text is kept in"), "\(screen)")
        let folder = box.repo.appendingPathComponent(".git/clinicctl/unsaved")
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let text = try String(contentsOf: folder.appendingPathComponent(kept), encoding: .utf8)
        #expect(text.contains("typed with care"))
        #expect(try box.git(["rev-parse", "--verify", "-q", "refs/heads/drafts/faq-do-you-accept-medicare"]).status != 0)
    }
}

extension Sandbox {
    /// An "editor": a shell script with `body`, given the file as `$1`.
    func writeEditor(_ body: String) throws -> String {
        let file = root.appendingPathComponent("editor.sh")
        try "#!/bin/sh\n\(body)\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file.path
    }
}
