import ClinicContent
import ClinicWorkflow
import Foundation
import Testing

/// What is live now, through the library: the deployed record, its note, and what waits.
@Suite("live state")
struct LiveStateTests {
    @Test("before any deployment every approval waits, newest first; after one, only later approvals do")
    func waiting() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let first = try repository.reviews.approve(
            try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office).draft, as: People.rita)
        clinic.clock.advance()
        let social = try repository.commit(SocialEdits.remove(.x), to: nil, as: People.office)
        let second = try repository.reviews.approve(social.draft, as: People.ravi)

        var live = try repository.deployments.liveState()
        #expect(live.deployed == nil && !live.upToDate && live.deployment == nil)
        #expect(live.waiting.map(\.revision) == [second.mergedRevision, first.mergedRevision])
        #expect(live.waiting.map(\.approvedBy) == [People.ravi, People.rita])
        #expect(live.waiting.first?.draft == social.draft && live.waiting.first?.approvedAt == clinic.clock.now)
        // The first commit was made outside review: it waits too, but is no approved draft.
        #expect(live.otherChangesWaiting.count == 1)
        #expect(live.timeZone == "America/Chicago")

        try repository.deployments.recordDeployed(first.mergedRevision, replacing: nil)
        clinic.clock.advance()
        repository.deployments.noteDeployment(first.mergedRevision, previous: nil, hooks: ["10-upload", "20-notify"], notRun: ["05-new"])
        live = try repository.deployments.liveState()
        #expect(live.deployed == first.mergedRevision && !live.upToDate)
        #expect(live.waiting.map(\.revision) == [second.mergedRevision] && live.otherChangesWaiting.isEmpty)
        #expect(live.deployment?.hooks == ["10-upload", "20-notify"] && live.deployment?.notRun == ["05-new"])
        #expect(live.deployment?.deployedAt == clinic.clock.now)

        try repository.deployments.recordDeployed(second.mergedRevision, replacing: first.mergedRevision)
        live = try repository.deployments.liveState()
        #expect(live.upToDate && live.waiting.isEmpty)
        // The note names another revision (a publish that lost a race, or an older clinicctl): not believed.
        #expect(live.deployment == nil)
    }

    @Test("a repository deployed before notes were kept, or with an unreadable note, reads as not recorded")
    func olderRepositories() throws {
        let clinic = try TestClinic()
        let tip = try clinic.repository.publishedRevision()
        try clinic.repository.deployments.recordDeployed(tip, replacing: nil)
        #expect(try clinic.repository.deployments.liveState().deployment == nil)
        #expect(try clinic.repository.deployments.liveState().upToDate)
        let note = clinic.folder.appendingPathComponent("clinicctl/deployment.json")
        try FileManager.default.createDirectory(at: note.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: note)
        #expect(try clinic.repository.deployments.liveState().deployment == nil)
        // A note with only what the first version wrote, plus a field from a later one, still reads.
        try Data(#"{"revision":"\#(tip.hex)","deployedAt":"2026-11-29T16:42:00Z","manifestHash":"abc"}"#.utf8).write(to: note)
        #expect(try clinic.repository.deployments.liveState().deployment?.hooks == [])
        #expect(try clinic.repository.reviews.status().deployment?.revision == tip)
    }
}

/// Issue 24, item 3: each deployment's note also goes into a commit every clone fetches.
@Suite("live state: the deployment record that travels")
struct DeploymentRecordTests {
    @Test("each note is a commit on refs/clinicctl/deployment, on top of the one before, made by the publish at the clock's time")
    func notesAreCommits() throws {
        let clinic = try TestClinic()
        let repository = clinic.repository
        let first = try repository.publishedRevision()
        try repository.deployments.recordDeployed(first, replacing: nil)
        repository.deployments.noteDeployment(first, previous: nil, hooks: ["10-webroot"], notRun: [])
        let firstRecord = try clinic.git("rev-parse", "refs/clinicctl/deployment")
        let approved = try repository.reviews.approve(
            try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.office).draft, as: People.rita)
        let when = clinic.clock.advance()
        try repository.deployments.recordDeployed(approved.mergedRevision, replacing: first)
        repository.deployments.noteDeployment(approved.mergedRevision, previous: first, hooks: ["10-webroot", "20-webhook"], notRun: [])

        #expect(try clinic.git("rev-parse", "refs/clinicctl/deployment^") == firstRecord)
        let note = try clinic.git("show", "refs/clinicctl/deployment:deployment.json")
        #expect(note.contains("\"revision\" : \"\(approved.mergedRevision.hex)\""), "\(note)")
        #expect(note.contains("\"previousRevision\" : \"\(first.hex)\"") && note.contains("\"20-webhook\""), "\(note)")
        let made = try clinic.git("log", "-1", "--format=%an <%ae> %ct %s", "refs/clinicctl/deployment")
        #expect(
            made
                == "clinicctl publish <publish@clinicctl.invalid> \(Int(when.timeIntervalSince1970)) clinicctl publish: deployed \(approved.mergedRevision.short)"
        )
        // This copy's own record is what it reads while it has no server's.
        let website = try repository.deployments.websiteDeployment()
        #expect(website?.revision == approved.mergedRevision && website?.recordedBy == nil)
        #expect(website?.deployment?.hooks == ["10-webroot", "20-webhook"])
    }
}
