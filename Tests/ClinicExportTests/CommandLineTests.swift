import Foundation
import Testing

@testable import ClinicExport

/// The export commands through the built binary: arguments, output and exit codes.
@Suite(.enabled(if: clinicctlHas("export") && clinicctlHas("publish")))
struct CommandLineTests {
    func clinicctl(_ arguments: [String], in folder: URL) throws -> RunResult {
        try run(clinicctlBinary.path, arguments, in: folder, environment: toolEnvironment())
    }

    @Test func schemaPrintsTheShippedSchema() throws {
        let result = try run(clinicctlBinary.path, ["schema"])
        #expect(result.status == 0)
        #expect(result.output == String(decoding: BundleSchema.data, as: UTF8.self))
    }

    @Test func exportWritesTheSameBytesTwice() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(at: dir)
            let first = try clinicctl(["export", "--out", dir.appendingPathComponent("a").path], in: repo)
            let second = try clinicctl(["export", "--rev", "main", "--out", dir.appendingPathComponent("b").path], in: repo)
            #expect(first.status == 0 && second.status == 0, "\(first.output)\(second.output)")
            #expect(first.output.hasPrefix("Exported main ("))
            for name in ["bundle.json", "bundle.schema.json", "clinic.jsonld", "manifest.json"] {
                let a = try Data(contentsOf: dir.appendingPathComponent("a/\(name)"))
                #expect(a == (try Data(contentsOf: dir.appendingPathComponent("b/\(name)"))), "\(name)")
            }
            let preview = try clinicctl(["export", "--worktree"], in: repo)
            #expect(preview.status == 0, "\(preview.output)")
            let bundle = try parseJSON(try Data(contentsOf: repo.appendingPathComponent("dist/bundle.json")))
            #expect(bundle["fromWorkingTree"] as? Bool == true)
            let both = try clinicctl(["export", "--worktree", "--rev", "main"], in: repo)
            #expect(both.status == 64)
        }
    }

    @Test func publishNamesTheFailingHookAndExitsNonZero() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(at: dir, files: ["hooks/publish.d/10-fail": "#!/bin/sh\necho trying\nexit 4\n"])
            let dry = try clinicctl(["publish", "--dry-run", "--json"], in: repo)
            #expect(dry.status == 0)
            #expect(dry.output.contains("Dry run: would run 10-fail"))
            let failed = try clinicctl(["publish", "--timeout", "5"], in: repo)
            #expect(failed.status == 1)
            #expect(failed.output.contains("[10-fail] trying"))
            #expect(failed.output.contains("error: deploy hook 10-fail failed with exit status 4; nothing is recorded as deployed."))
            let deployed = try run("git", ["rev-parse", "--verify", "-q", "refs/clinicctl/deployed"], in: repo)
            #expect(deployed.status != 0)
        }
    }

    @Test func hooksInstallCopiesThePublishedHooksIntoGitsOwnFolder() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(at: dir, files: ["hooks/pre-commit": "#!/bin/sh\nexit 0\n"])
            let result = try clinicctl(["hooks", "install"], in: repo)
            #expect(result.status == 0, "\(result.output)")
            #expect(FileManager.default.isExecutableFile(atPath: repo.appendingPathComponent(".git/hooks/pre-commit").path))
            #expect(try run("git", ["config", "--get", "core.hooksPath"], in: repo).status != 0, "never a path that follows the checkout")
        }
    }
}
