import ClinicGit
import Foundation
import Testing

@testable import ClinicContent
@testable import ClinicWorkflow

/// The validation cache answers a revision's findings by its content folder's tree
/// id: exactly what validating it finds, and only for that tree, that folder and that build.
@Suite struct ValidationCacheTests {
    /// A commit on `broken` whose content breaks rules in three files, at lines past the first.
    static func brokenRevision(_ clinic: TestClinic) throws -> Revision {
        let git = try clinic.git
        let main = try #require(try git.referenceTarget("refs/heads/main"))
        let faq =
            "---\nid: broken-entry\nquestion: Is it broken?\ncategory: no-such-category\nposition: 10\ntags: [Bad Tag]\n---\n\n<script>x</script>\n"
        let hours = try String(decoding: #require(try git.readFile("content/hours/glenview.yaml", at: main)), as: UTF8.self)
            .replacingOccurrences(of: "19:00", with: "25:00")
        let tree = try git.treeWithChanges(
            base: main,
            changes: [
                .write(path: "content/faq/broken-entry.md", contents: Data(faq.utf8)),
                .write(path: "content/hours/glenview.yaml", contents: Data(hours.utf8)),
                .writeExecutable(path: "content/social.yaml", contents: Data("links: [\n".utf8)),
            ])
        let me = Signature(name: People.office.name, email: People.office.email, time: clinic.clock.now)
        let commit = try git.createCommit(tree: tree, parents: [main], author: me, committer: me, message: "Break things")
        try git.updateReference("refs/heads/broken", to: commit, expected: nil, logMessage: "test")
        return try #require(Revision(hex: commit.hex))
    }

    /// What validating `revision` from scratch finds: no record cache, no validation cache.
    static func freshFindings(_ clinic: TestClinic, _ revision: Revision) throws -> [Finding] {
        let source = GitRevisionSource(repository: try clinic.git, commit: try #require(ObjectID(hex: revision.hex)))
        return try Validator().validate(source, layout: clinic.repository.layout).1
    }

    static func cacheFile(_ clinic: TestClinic, _ revision: Revision) throws -> URL {
        let tree = try clinic.git("rev-parse", "\(revision.hex):content")
        let folder = try #require(clinic.repository.validations.folder)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(tree) })
        return folder.appendingPathComponent(name)
    }

    @Test func rememberedFindingsAreTheFreshOnes() throws {
        let clinic = try TestClinic()
        let broken = try Self.brokenRevision(clinic)
        let expected = try Self.freshFindings(clinic, broken)
        #expect(expected.errors.count >= 4)
        #expect(expected.contains { $0.file == "content/hours/glenview.yaml" && $0.line > 1 })
        // The first asks validate and remembers; the later ones (a new process, too) read the file.
        #expect(try clinic.repository.findings(at: broken) == expected)
        _ = try Self.cacheFile(clinic, broken)
        #expect(try clinic.repository.findings(at: broken) == expected)
        #expect(try clinic.reopened().findings(at: broken) == expected)
        let (loaded, findings) = try clinic.reopened().validate(at: broken)
        #expect(findings == expected)
        #expect(loaded.content.faq.contains { $0.id == "broken-entry" })
        // The published content is clean, and stays so when asked again.
        let main = try clinic.repository.publishedRevision()
        #expect(try clinic.repository.findings(at: main) == (try Self.freshFindings(clinic, main)))
        #expect(try clinic.reopened().findings(at: main).isEmpty)
    }

    @Test func aRememberedResultAnswersForItsOwnTreeOnly() throws {
        let clinic = try TestClinic()
        let broken = try Self.brokenRevision(clinic)
        let main = try clinic.repository.publishedRevision()
        let expected = try Self.freshFindings(clinic, broken)
        _ = try clinic.repository.findings(at: main)
        _ = try clinic.repository.findings(at: broken)
        let brokenFile = try Self.cacheFile(clinic, broken)
        // A trusted file under the broken tree's name is used as it stands: nothing is validated again.
        let cache = ValidationCache(folder: clinic.repository.validations.folder)
        let made = Finding(.faqTag, file: "content/faq/made-up.md", line: 7, message: "made up")
        let tree = try clinic.git("rev-parse", "\(broken.hex):content")
        let (loaded, _) = try clinic.repository.validate(at: broken)
        cache.remember([made], of: loaded, directory: "content", tree: tree)
        #expect(try clinic.reopened().findings(at: broken) == [made])
        // The clean revision's result, put under the broken tree's name, is not trusted for it.
        try FileManager.default.removeItem(at: brokenFile)
        try FileManager.default.copyItem(at: try Self.cacheFile(clinic, main), to: brokenFile)
        #expect(try clinic.reopened().findings(at: broken) == expected)
        // Nor one made for another content folder with the same tree.
        cache.remember([made], of: loaded, directory: "elsewhere", tree: tree)
        let folder = try #require(clinic.repository.validations.folder)
        let elsewhere = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first {
                $0.hasPrefix(tree) && $0 != brokenFile.lastPathComponent
            })
        try FileManager.default.removeItem(at: brokenFile)
        try FileManager.default.copyItem(at: folder.appendingPathComponent(elsewhere), to: brokenFile)
        #expect(try clinic.reopened().findings(at: broken) == expected)
    }

    @Test(arguments: ["garbage", "truncated", "one byte changed", "empty", "another build"])
    func anUntrustworthyFileIsIgnoredAndRewritten(damage: String) throws {
        let clinic = try TestClinic()
        let broken = try Self.brokenRevision(clinic)
        let expected = try Self.freshFindings(clinic, broken)
        _ = try clinic.repository.findings(at: broken)
        let file = try Self.cacheFile(clinic, broken)
        var bytes = [UInt8](try Data(contentsOf: file))
        switch damage {
        case "garbage": bytes = Array("clinicctl validation, honestly".utf8)
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "one byte changed": bytes[bytes.count - 5] ^= 0x01
        case "empty": bytes = []
        default:
            // Another build's result, which might hold what other rules found.
            let other = ValidationCache(folder: clinic.repository.validations.folder, build: "validation-0 another clinicctl")
            let (loaded, _) = try clinic.repository.validate(at: broken)
            let tree = try clinic.git("rev-parse", "\(broken.hex):content")
            other.remember([], of: loaded, directory: "content", tree: tree)
            bytes = [UInt8](try Data(contentsOf: file))
        }
        try Data(bytes).write(to: file)
        #expect(try clinic.reopened().findings(at: broken) == expected)
        // Rewritten by the run that ignored it.
        #expect(try Data(contentsOf: file) != Data(bytes))
        #expect(try clinic.reopened().findings(at: broken) == expected)
    }
}
