import Foundation
import Testing

/// Two Unix accounts made for one test, in a group of their own, and a folder they share; every
/// clinicctl they run goes through `setpriv` with umask 022 (a stock account's), so nothing but
/// clinicctl itself makes what it writes group-writable. `remove()` deletes the accounts again.
final class Accounts {
    enum Person { case rita, olivia }

    let root: URL
    let group: String
    private let suffix: String

    init() throws {
        suffix = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(8))
        group = "ccg\(suffix)"
        root = URL(fileURLWithPath: "/tmp").appendingPathComponent("clinicctl-accounts-\(suffix)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)
        // The accounts run a copy of clinicctl (and the webhook program beside it) from the shared folder: the
        // checkout may sit where only root can reach it (a fresh clone in a mktemp -d folder, mode 700).
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.path)
        for name in ["clinicctl", "clinicctl-webhook"] {
            let built = clinicctlBinary.deletingLastPathComponent().appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: built.path) else { continue }
            try FileManager.default.copyItem(at: built, to: bin.appendingPathComponent(name))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent(name).path)
        }
        try system("/usr/sbin/groupadd", [group])
        for person in [Person.rita, .olivia] {
            try system("/usr/sbin/useradd", ["-M", "-N", "-g", group, "-d", home(person).path, "-s", "/bin/sh", name(person)])
            try FileManager.default.createDirectory(at: home(person), withIntermediateDirectories: true)
            // Each account trusts the shared repositories another account owns, as Git and libgit2 require.
            let config = "[safe]\n\tdirectory = \(root.path)/server.git\n\tdirectory = \(root.path)/plain.git\n"
            try Data(config.utf8).write(to: home(person).appendingPathComponent(".gitconfig"))
            try system("/bin/chown", ["-R", "\(name(person)):\(group)", home(person).path])
        }
    }

    /// Deletes the accounts, their group and the folder.
    func remove() {
        for person in [Person.rita, .olivia] { _ = try? system("/usr/sbin/userdel", [name(person)]) }
        _ = try? system("/usr/sbin/groupdel", [group])
        try? FileManager.default.removeItem(at: root)
    }

    /// The clinicctl the accounts and the administrator run: the copy in the shared folder.
    var program: URL { root.appendingPathComponent("bin/clinicctl") }

    func name(_ person: Person) -> String { person == .rita ? "ccr\(suffix)" : "cco\(suffix)" }
    func home(_ person: Person) -> URL { root.appendingPathComponent("home-\(person == .rita ? "rita" : "olivia")") }
    private func identity(_ person: Person) -> String { person == .rita ? Sandbox.reviewer : Sandbox.manager }

    /// clinicctl as `person`, in `folder` (default: their home), under `umask`.
    func run(_ person: Person, _ arguments: [String], in folder: URL? = nil, umask: String = "022") throws -> Run {
        let wrapped =
            ["--reuid", name(person), "--regid", group, "--init-groups", "--", "/bin/sh", "-c", "umask \(umask); exec \"$0\" \"$@\""]
            + [program.path] + arguments
        let environment = ["HOME": home(person).path, "CLINICCTL_AUTHOR": identity(person), "USER": name(person)]
        return try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/setpriv"), wrapped, in: folder ?? home(person), environment: environment, stdin: nil)
    }

    /// `run`, expecting it to succeed.
    func expectSuccess(_ person: Person, _ arguments: [String], in folder: URL? = nil, umask: String = "022") throws {
        let run = try run(person, arguments, in: folder, umask: umask)
        #expect(run.status == 0, "\(name(person)): clinicctl \(arguments.joined(separator: " ")): \(run.stdout) \(run.stderr)")
    }

    /// clinicctl as root (the administrator), under umask 022.
    func administrator(_ arguments: [String]) throws {
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "umask 022; exec \"$0\" \"$@\"", program.path] + arguments, in: root,
            environment: ["CLINICCTL_AUTHOR": Sandbox.manager], stdin: nil)
        #expect(run.status == 0, "clinicctl \(arguments.joined(separator: " ")): \(run.stderr)")
    }

    /// A shell command as root; fails the test when it fails.
    func shell(_ command: String) throws {
        let run = try Sandbox.execute(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: root, environment: [:], stdin: nil)
        #expect(run.status == 0, "\(command): \(run.stderr)")
    }

    /// `git` as root, its output trimmed: the witness of what the accounts wrote.
    func git(_ arguments: [String]) throws -> String {
        let run = try Sandbox.execute(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: root, environment: [:], stdin: nil)
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A path's permission bits (setgid included).
    func mode(_ url: URL) throws -> Int {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { throw SandboxError(message: "no \(url.path)") }
        return Int(info.st_mode & 0o7777)
    }

    @discardableResult
    private func system(_ program: String, _ arguments: [String]) throws -> Run {
        let run = try Sandbox.execute(URL(fileURLWithPath: program), arguments, in: URL(fileURLWithPath: "/"), environment: [:], stdin: nil)
        guard run.status == 0 else {
            throw SandboxError(message: "\(program) \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        }
        return run
    }
}
