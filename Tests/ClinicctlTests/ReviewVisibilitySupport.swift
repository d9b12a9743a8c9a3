import Foundation
import Testing

/// Drafts made with plain Git next to clinicctl, as a careless or hostile contributor would.
extension Sandbox {
    static let mallory = (name: "Mallory Maker", email: "mallory@clinic.example")

    /// Commits `change` (run in the working tree) onto `drafts/<id>` with `git`, as `author`;
    /// the branch starts at main unless it exists. The checkout is back on main afterwards.
    func plainGitDraft(
        _ id: String, message: String = "Tidy things", author: (name: String, email: String) = Sandbox.mallory,
        _ change: (URL) throws -> Void
    ) throws {
        let exists = try git(["rev-parse", "--verify", "-q", "refs/heads/drafts/\(id)"]).status == 0
        try gitOutput(exists ? ["checkout", "-q", "drafts/\(id)"] : ["checkout", "-q", "-b", "drafts/\(id)", "main"])
        try change(repo)
        try gitOutput(["add", "-A"])
        try gitOutput(["-c", "user.name=\(author.name)", "-c", "user.email=\(author.email)", "commit", "-q", "-m", message])
        try gitOutput(["checkout", "-q", "main"])
    }

    /// Writes `text` at `path` in the working tree, making folders; executable when asked.
    func write(_ path: String, _ text: String, executable: Bool = false) throws {
        let url = repo.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: url.path)
    }

    /// Where the sneaky hook leaves its mark when it runs.
    var hookMark: URL { repo.appendingPathComponent(".git/sneaky-ran") }

    /// A deploy hook that leaves a mark: what a hostile draft would add.
    func addSneakyHook() throws {
        try write("hooks/publish.d/05-sneaky", "#!/bin/sh\necho ran > \"$CLINICCTL_REPOSITORY/sneaky-ran\"\n", executable: true)
    }

    /// The last commit message of main, through git.
    func publishedMessage() throws -> String { try gitOutput(["log", "-1", "--format=%B", "main"]) }
}

/// One way a draft changes more than content, and where the review must show it.
struct BeyondContent: Sendable, CustomStringConvertible {
    var name: String
    var section: String
    var path: String
    var accept: String
    /// False where the content would be invalid, so even the accepting approval is refused.
    var approvable = true
    /// Whether the office manager also edits the phone number on the draft with clinicctl.
    var contentEdit = false
    var change: @Sendable (Sandbox) throws -> Void
    var description: String { name }

    static let all: [BeyondContent] = [
        BeyondContent(name: "an executable hook", section: "code-that-will-run", path: "hooks/publish.d/05-sneaky", accept: "hooks") {
            try $0.addSneakyHook()
        },
        BeyondContent(
            name: "an executable hook beside a content edit", section: "code-that-will-run", path: "hooks/publish.d/05-sneaky",
            accept: "hooks", contentEdit: true
        ) { try $0.addSneakyHook() },
        BeyondContent(name: "a reviewer added", section: "settings", path: "clinicctl.yaml", accept: "settings") { box in
            let url = box.repo.appendingPathComponent("clinicctl.yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data((text + "  - name: \"Mallory Maker\"\n    email: mallory@clinic.example\n").utf8).write(to: url)
        },
        BeyondContent(name: "the published branch changed", section: "settings", path: "clinicctl.yaml", accept: "settings") { box in
            let url = box.repo.appendingPathComponent("clinicctl.yaml")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "publishedBranch: main", with: "publishedBranch: live").utf8).write(to: url)
        },
        BeyondContent(name: "a file at the top level", section: "other-files", path: "NOTES.txt", accept: "files") {
            try $0.write("NOTES.txt", "remember\n")
        },
        BeyondContent(
            name: "a content file made executable", section: "other-files", path: "content/social.yaml", accept: "files",
            approvable: false
        ) { box in
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: box.repo.appendingPathComponent("content/social.yaml").path)
        },
        BeyondContent(name: "a symbolic link", section: "other-files", path: "leak", accept: "files") { box in
            try FileManager.default.createSymbolicLink(
                atPath: box.repo.appendingPathComponent("leak").path, withDestinationPath: "/etc/passwd")
        },
    ]
}
