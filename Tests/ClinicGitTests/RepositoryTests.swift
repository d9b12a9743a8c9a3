import ClinicGit
import Foundation
import Testing

@Suite("Opening, creating and configuring repositories")
struct RepositoryTests {
    @Test func createsBareRepositoryOnUnbornBranch() throws {
        try withScratch { scratch in
            let url = scratch.appendingPathComponent("site.git")
            let repository = try Repository.create(at: url, bare: true, initialBranch: "trunk")
            #expect(repository.isBare)
            #expect(repository.workingDirectory == nil)
            #expect(repository.gitDirectory.standardizedFileURL.path == url.standardizedFileURL.path)
            #expect(repository.headReferenceName == "refs/heads/trunk")
            #expect(try repository.referenceTarget("HEAD") == nil)
            #expect(try git("rev-parse", "--is-bare-repository", in: url) == "true")
            #expect(try git("symbolic-ref", "HEAD", in: url) == "refs/heads/trunk")
        }
    }

    @Test func createsWorkingRepositoryAndRefusesToRecreateIt() throws {
        try withScratch { scratch in
            let url = scratch.appendingPathComponent("content")
            let repository = try Repository.create(at: url, bare: false)
            #expect(!repository.isBare)
            #expect(repository.workingDirectory?.standardizedFileURL.path == url.path)
            #expect(
                repository.gitDirectory.standardizedFileURL.path
                    == url.appendingPathComponent(".git").path)
            #expect(repository.headReferenceName == "refs/heads/main")
            #expect(try git("rev-parse", "--is-bare-repository", in: url) == "false")
            #expect(try git("status", "--porcelain", in: url) == "")

            let error = #expect(throws: GitError.self) {
                try Repository.create(at: url, bare: false)
            }
            #expect(error?.code == .exists)
        }
    }

    @Test func opensOnlyTheRepositoryRootButDiscoversFromInside() throws {
        try withScratch { scratch in
            _ = try makeGitRepository(in: scratch, files: ["pages/about.md": "About"])
            let inside = scratch.appendingPathComponent("pages")

            #expect(try Repository.open(at: scratch).workingDirectory?.path == scratch.path)
            let notRoot = #expect(throws: GitError.self) { try Repository.open(at: inside) }
            #expect(notRoot?.code == .notFound)
            #expect(try Repository.discover(from: inside).workingDirectory?.path == scratch.path)
        }
    }

    @Test func discoverFailsOutsideAnyRepository() throws {
        try withScratch { scratch in
            let error = #expect(throws: GitError.self) { try Repository.discover(from: scratch) }
            #expect(error?.code == .notFound)
            #expect(error?.operation.contains(scratch.path) == true)
        }
    }

    @Test func readsAndWritesRepositoryConfig() throws {
        try withScratch { scratch in
            let repository = try Repository.create(at: scratch, bare: false)
            try repository.setConfigString("clinic.publishBranch", "main")
            #expect(try git("config", "--local", "--get", "clinic.publishbranch", in: scratch) == "main")

            try git("config", "--local", "clinic.reviewer", "Bob Reviewer", in: scratch)
            #expect(try repository.configString("clinic.reviewer") == "Bob Reviewer")
            #expect(try repository.configString("clinic.publishBranch") == "main")
            #expect(try repository.configString("clinic.neverSetAnywhere") == nil)

            let invalid = #expect(throws: GitError.self) { try repository.configString("nosection") }
            #expect(invalid?.code == .invalid)
        }
    }
}

@Suite("Ownership checks")
struct RepositoryOwnershipTests {
    /// libgit2 trusts repositories owned by the current user or by root; as root the
    /// test can hand one to another user. Skipped where a global safe.directory setting
    /// could change the outcome (libgit2 1.5.1 answers differently with none at all).
    static var canHandRepositoriesToOthers: Bool {
        guard getuid() == 0 else { return false }
        let home = FileManager.default.homeDirectoryForCurrentUser
        let global = (try? String(contentsOf: home.appendingPathComponent(".gitconfig"), encoding: .utf8)) ?? ""
        return !global.contains("safe")
    }

    @Test(.enabled(if: canHandRepositoriesToOthers))
    func repositoryOwnedBySomeoneElseIsRefusedWithAHint() throws {
        try withScratch { scratch in
            let url = scratch.appendingPathComponent("site")
            _ = try Repository.create(at: url, bare: false)
            #expect(chown(url.path, 54321, 54321) == 0)
            let error = #expect(throws: GitError.self) { try Repository.open(at: url) }
            #expect(error?.code == .owner)
            #expect(error?.message.contains("safe.directory") == true)
            #expect(chown(url.path, getuid(), getgid()) == 0)
        }
    }
}
