import ClinicWorkflow
import Foundation
import Testing

@testable import ClinicExport

/// Issue 25, items 2 and 6: a publish records its failure for every clone, with the failing hook's
/// own last words; the post-receive says it in one line of its own; the web root may come from git config.
@Suite struct PublishFailureRecordTests {
    static let time = Date(timeIntervalSince1970: 1_800_000_000)

    func opened(_ repo: URL) throws -> ContentRepository {
        try ContentRepository.open(repo.path, environment: WorkEnvironment(now: { Self.time }, variables: [:]))
    }

    func publisher(_ out: URL) -> Publisher {
        Publisher(environment: ["PATH": "/usr/bin:/bin", "OUT": out.path], toolDirectory: nil, killGrace: .seconds(1))
    }

    @Test func aFailedPublishIsRecordedWithTheHooksWordsAndAGoodOneEndsIt() throws {
        try withTemporaryDirectory { dir in
            let failing = "#!/bin/sh\necho 'copying'\necho 'mkdir: cannot create directory: Permission denied' >&2\nexit 1\n"
            let repo = try makeRepository(at: dir, files: ["hooks/publish.d/10-webroot": failing])
            let tip = try opened(repo).publishedRevision()
            var lines: [String] = []
            #expect(throws: PublishError.self) {
                try publisher(dir).publishInTurn(repository: try opened(repo), revision: nil, dryRun: false, timeout: .seconds(10)) {
                    lines.append($0)
                }
            }
            #expect(lines.contains("[10-webroot] mkdir: cannot create directory: Permission denied"), "\(lines)")
            let failure = try #require(try opened(repo).deployments.lastPublishFailure())
            #expect(failure.revision == tip && failure.hook == "10-webroot" && failure.failedAt == Self.time && failure.recordedBy == nil)
            #expect(
                failure.message
                    == "deploy hook 10-webroot failed with exit status 1; nothing is recorded as deployed. Fix the cause and run "
                    + "`clinicctl publish` again [10-webroot: mkdir: cannot create directory: Permission denied]")
            // A dry run neither fails nor ends anything.
            _ = try publisher(dir).publishInTurn(repository: try opened(repo), revision: nil, dryRun: true, timeout: .seconds(10)) { _ in }
            #expect(try opened(repo).deployments.lastPublishFailure() == failure)

            _ = try commitFiles(["hooks/publish.d/10-webroot": "#!/bin/sh\necho fine\n"], in: repo, message: "Fix the hook")
            let result = try publisher(dir).publishInTurn(repository: try opened(repo), revision: nil, dryRun: false, timeout: .seconds(10))
            {
                _ in
            }
            #expect(result.recorded)
            #expect(try opened(repo).deployments.lastPublishFailure() == nil)
        }
    }

    @Test func postReceiveSaysTheFailureInOneLineOfItsOwn() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(at: dir, files: ["hooks/publish.d/10-fail": "#!/bin/sh\necho 'disk full' >&2\nexit 4\n"])
            let old = try opened(repo).publishedRevision()
            let new = try commitFiles(["notes.txt": "x\n"], in: repo, message: "More")
            let update = try #require(ProposedUpdate(line: "\(old.hex) \(new.hex) refs/heads/main"))
            var lines: [String] = []
            let failure = PostReceive(environment: ["PATH": "/usr/bin:/bin"], toolDirectory: nil)
                .run([update], repository: try opened(repo)) {
                    lines.append($0)
                } failed: { _ in
                }
            #expect((failure as? PublishError)?.hook == "10-fail")
            let said = lines.filter { $0.hasPrefix(ServerPublishReport.failurePrefix) }
            #expect(
                said == [
                    "clinicctl server: publish failed: deploy hook 10-fail failed with exit status 4; nothing is recorded as deployed. "
                        + "Fix the cause and run `clinicctl publish` again [10-fail: disk full]"
                ], "\(lines)")
            #expect(ServerPublishReport.failure(in: lines)?.hasSuffix("[10-fail: disk full]") == true)
        }
    }

    @Test func theWebRootComesFromGitConfigWhenTheEnvironmentHasNone() throws {
        try withTemporaryDirectory { dir in
            let repo = try makeRepository(
                at: dir, files: ["hooks/publish.d/10-env": "#!/bin/sh\nprintf '%s' \"$CLINIC_WEBROOT\" > \"$OUT/root\"\n"])
            try git(["config", "clinicctl.webroot", "/srv/www/clinic"], in: repo)
            _ = try publisher(dir).publish(repository: try opened(repo)) { _ in }
            #expect(try String(contentsOf: dir.appendingPathComponent("root"), encoding: .utf8) == "/srv/www/clinic")
            var set = publisher(dir)
            set.environment["CLINIC_WEBROOT"] = "/var/www/other"
            _ = try set.publish(repository: try opened(repo)) { _ in }
            #expect(try String(contentsOf: dir.appendingPathComponent("root"), encoding: .utf8) == "/var/www/other", "the environment wins")
        }
    }
}
