import ClinicContent
import Foundation
import Testing

@Suite("the content folder holds plain files only")
struct FileModeRuleTests {
    /// A copy of the real content in a fresh folder, changed by `change`, validated from disk.
    func validateCopy(_ change: (URL) throws -> Void) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-modes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        try change(root)
        let (_, findings) = try Validator().validate(FolderSource(root: root))
        return findings.filter { $0.rule == "file.mode" }.map(\.summary)
    }

    @Test("an untouched copy has no file.mode finding")
    func plainCopy() throws {
        #expect(try validateCopy { _ in } == [])
    }

    @Test("an executable content file is an error [file.mode]")
    func executable() throws {
        let found = try validateCopy { root in
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent("content/social.yaml").path)
        }
        #expect(found == ["content/social.yaml:1:1: error [file.mode]"])
    }

    @Test("a symbolic link in the content folder is an error and is not read as a record [file.mode]")
    func symlink() throws {
        let found = try validateCopy { root in
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("content/faq/linked.md").path, withDestinationPath: "/etc/hostname")
        }
        #expect(found == ["content/faq/linked.md:1:1: error [file.mode]"])
    }

    @Test("a nested repository (a submodule) in the content folder is an error [file.mode]")
    func submodule() throws {
        let found = try validateCopy { root in
            let nested = root.appendingPathComponent("content/vendor")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            try Data("gitdir: ../.git/modules/vendor\n".utf8).write(to: nested.appendingPathComponent(".git"))
        }
        #expect(found == ["content/vendor:1:1: error [file.mode]"])
    }
}
