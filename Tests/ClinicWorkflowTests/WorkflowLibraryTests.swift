import ClinicContent
import ClinicGit
import ClinicWorkflow
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh content repository made from the real content, removed after the test.
final class ScratchRepository {
    let folder: URL
    let repository: ContentRepository
    static let clock = Date(timeIntervalSince1970: 1_790_000_000)
    static let manager = Person(name: "Olivia Office", email: "office@clinic.example")

    init(bare: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-workflow-\(UUID().uuidString)")
        let environment = WorkEnvironment(now: { ScratchRepository.clock }, timeZoneOffsetMinutes: -360, variables: [:])
        _ = try RepositoryCreation.create(
            at: folder, content: packageRoot.appendingPathComponent("content"), hooks: nil,
            reviewers: [Person(name: "Rita Reviewer", email: "rita@clinic.example")], publishedBranch: "main", bare: bare,
            as: Self.manager, environment: environment)
        repository = try ContentRepository(git: try Repository.open(at: folder), environment: environment)
    }

    /// A second Git handle on the same repository: the tests' own look below the workflow.
    var git: Repository { get throws { try Repository.open(at: folder) } }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

@Suite("content repository")
struct WorkflowLibraryTests {
    @Test("loading from a Git revision equals loading from the folder")
    func revisionEqualsFolder() throws {
        let scratch = try ScratchRepository()
        let fromGit = try scratch.repository.load(at: try scratch.repository.publishedRevision())
        let fromFolder = try ContentLoader().load(from: FolderSource(root: packageRoot))
        #expect(fromGit.content == fromFolder.content)
        #expect(fromGit.findings == fromFolder.findings)
        let (_, findings) = try scratch.repository.validate(at: try scratch.repository.publishedRevision())
        #expect(findings.isEmpty)
    }

    @Test("an edit is committed with the injected clock and identity, and the published branch does not move")
    func injectedClockAndIdentity() throws {
        let scratch = try ScratchRepository(bare: true)
        let published = try scratch.repository.publishedRevision()
        let result = try scratch.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: ScratchRepository.manager)
        #expect(result.draft == "hours-glenview")
        #expect(result.files == ["content/hours/glenview.yaml"])
        let commit = try scratch.git.commit(result.commit.id)
        #expect(commit.author.time == ScratchRepository.clock)
        #expect(commit.author.timeZoneOffsetMinutes == -360)
        #expect(commit.author.name == "Olivia Office")
        #expect(commit.parents == [published.id])
        #expect(commit.trailers.map(\.key) == ["Clinic-Change", "Clinic-Entry", "Clinic-Operation"])
        #expect(try scratch.repository.publishedRevision() == published)
    }

    @Test("an edit that would make the content invalid throws the findings and writes no ref")
    func invalidEditWritesNothing() throws {
        let scratch = try ScratchRepository(bare: true)
        let refs = try scratch.git.references(withPrefix: "refs/")
        let range = TimeRange(opens: TimeOfDay(minutes: 600)!, closes: TimeOfDay(minutes: 600)!)
        #expect {
            try scratch.repository.commit(HoursEdits.set("the-loop", days: [.mon], ranges: [range]), to: nil, as: ScratchRepository.manager)
        } throws: { error in
            (error as? WorkflowError)?.findings.map(\.rule) == ["hours.empty-range"]
        }
        #expect(try scratch.git.references(withPrefix: "refs/") == refs)
    }

    @Test("identity: --as, then CLINICCTL_AUTHOR, then Git config; none is a clear error")
    func identityOrder() throws {
        let env = WorkEnvironment(variables: ["CLINICCTL_AUTHOR": "Env Person <env@example.com>"])
        #expect(try env.identity(explicit: "Flag Person <flag@example.com>").email == "flag@example.com")
        #expect(try env.identity(explicit: nil).email == "env@example.com")
        #expect(throws: WorkflowError.self) { try env.identity(explicit: "no email") }
        let none = WorkEnvironment(variables: [:])
        #expect { try none.identity(explicit: nil) } throws: { error in
            // What to do is data (the executable says the ways, CLINICCTL_AUTHOR among them).
            (error as? WorkflowError)?.code == .identity && (error as? WorkflowError)?.remedy == .setIdentity
        }
    }

    @Test("draft ids are unique among open and rejected drafts")
    func draftIDs() throws {
        let scratch = try ScratchRepository(bare: true)
        #expect(try scratch.repository.newDraftID(from: "hours-glenview") == "hours-glenview")
        _ = try scratch.repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: ScratchRepository.manager)
        #expect(try scratch.repository.newDraftID(from: "hours-glenview") == "hours-glenview-2")
        _ = try scratch.repository.reviews.reject(
            "hours-glenview", as: Person(name: "Rita Reviewer", email: "rita@clinic.example"), reason: "No.")
        #expect(try scratch.repository.newDraftID(from: "hours-glenview") == "hours-glenview-2")
        #expect(try scratch.repository.drafts.rejectedDrafts().first?.rejection?.reason == "No.")
    }
}
