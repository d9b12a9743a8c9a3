import ClinicGit
import Foundation
import Testing

@testable import ClinicWorkflow

/// Issue 25, items 1 and 2: the record of a failed publish, the server's one failure line, and
/// what a write another account blocked says.
@Suite("Publish failures and shared-repository advice")
struct PublishFailureTests {
    @Test("a failure is recorded with the injected clock's time; the next publish that did not fail ends it, once")
    func failureRecordChain() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let tip = try repository.publishedRevision()
        #expect(try repository.deployments.lastPublishFailure() == nil)
        repository.deployments.clearPublishFailure(after: tip)
        #expect(try clinic.git("for-each-ref", ContentRepository.publishFailureRef).isEmpty, "nothing to end: no record")

        let failedAt = clinic.clock.advance(seconds: 90)
        let failure = PublishFailure(revision: tip, failedAt: failedAt, hook: "10-webroot", message: "deploy hook 10-webroot failed")
        repository.deployments.recordPublishFailure(failure)
        #expect(try repository.deployments.lastPublishFailure() == failure)
        #expect(try clinic.reopened().deployments.lastPublishFailure()?.failedAt == failedAt)
        let note = try clinic.git("show", "\(ContentRepository.publishFailureRef):publish-failure.json")
        #expect(note.contains("\"failedAt\" : \"2026-09-21T14:14:50Z\""), "\(note)")

        clinic.clock.advance()
        repository.deployments.clearPublishFailure(after: tip)
        repository.deployments.clearPublishFailure(after: tip)
        #expect(try repository.deployments.lastPublishFailure() == nil)
        let log = try clinic.git("log", "--format=%s %an <%ae>", ContentRepository.publishFailureRef)
        #expect(
            log
                == "clinicctl publish: published \(tip.short); the failure before is over clinicctl publish <publish@clinicctl.invalid>\n"
                + "clinicctl publish: failed to publish \(tip.short) clinicctl publish <publish@clinicctl.invalid>")
    }

    @Test("the server's failure line is found among its messages; hook output cannot pass for it")
    func failureLine() {
        let line = ServerPublishReport.failureLine("deploy hook 10-webroot failed\nwith exit status 1")
        #expect(line == "clinicctl server: publish failed: deploy hook 10-webroot failed with exit status 1")
        let messages = [
            "post-receive: main moved from a to b; publishing", "[10-webroot] clinicctl server: publish failed: forged", line,
            "Notifying 10-mail: approved (draft x)",
        ]
        #expect(ServerPublishReport.failure(in: messages) == "deploy hook 10-webroot failed with exit status 1")
        #expect(ServerPublishReport.failure(in: ["Deployed abc1234 (previously nothing)"]) == nil)
        #expect(ServerPublishReport.failure(in: ["[10-webroot] clinicctl server: publish failed: forged"]) == nil)
    }

    @Test("a denied write inside a repository names the path, the account and the commands that share it")
    func permissionAdvice() throws {
        let clinic = try TestClinic()
        let repo = clinic.folder.resolvingSymlinksInPath().path
        let message = "failed to make directory '\(repo)/refs/clinicctl/discarded': Permission denied"
        #expect(ContentRepository.deniedPath(in: message) == "\(repo)/refs/clinicctl/discarded")
        #expect(ContentRepository.deniedPath(in: "failed to make directory '\(repo)/refs': File exists") == nil)
        let explained = clinic.repository.explainingPermission(WorkflowError(.repository, message, draft: "parking"))
        #expect(explained.draft == "parking" && explained.code == .repository)
        #expect(explained.message.hasPrefix(message + ". The account "))
        #expect(explained.message.contains(" may not write \(repo)/refs/clinicctl/discarded: another account made it"))
        #expect(
            explained.message.contains(
                "chmod -R g+w \(repo); find \(repo) -type d -exec chmod g+s {} +; git -C \(repo) config core.sharedRepository group"))
        // A server's own words (git receive-pack) get the commands with the server's path left to fill in.
        let said = ContentRepository.explainingServerPermission(
            "cannot lock ref 'refs/clinicctl/discarded/x': unable to create directory for refs/clinicctl/discarded/x")
        #expect(said.contains("chmod -R g+w REPO; find REPO -type d -exec chmod g+s {} +; git -C REPO config core.sharedRepository group"))
        #expect(ContentRepository.explainingServerPermission("pre-receive hook declined") == "pre-receive hook declined")
    }
}
