import ClinicContent
import ClinicGit
import ClinicTestSupport
import ClinicWorkflow
import Foundation
import Testing

/// The people of the test clinic: an office manager who edits, two listed reviewers,
/// and a physiotherapist who is not a reviewer.
enum People {
    static let office = Person(name: "Olivia Office", email: "office@clinic.example")
    static let rita = Person(name: "Rita Reviewer", email: "rita@clinic.example")
    static let ravi = Person(name: "Ravi Reviewer", email: "ravi@clinic.example")
    static let paul = Person(name: "Paul Physio", email: "paul@clinic.example")
}

/// A clock the test moves by hand, so every commit's time is known.
final class TestClock: @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = start }

    var now: Date { lock.withLock { current } }

    /// Moves the clock on, and returns the new time.
    @discardableResult
    func advance(seconds: TimeInterval = 60) -> Date {
        lock.withLock {
            current += seconds
            return current
        }
    }
}

/// A fresh content repository made from the real content, with Rita and Ravi as
/// reviewers, an injected clock and time zone; removed after the test.
final class TestClinic {
    let folder: URL
    let clock = TestClock()
    let environment: WorkEnvironment
    /// Opened after creation; `reopened()` gives a new one when the published settings changed.
    let repository: ContentRepository
    static let timeZoneOffsetMinutes = 120

    init(bare: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-workflow-\(UUID().uuidString)")
        let clock = self.clock
        environment = WorkEnvironment(now: { clock.now }, timeZoneOffsetMinutes: Self.timeZoneOffsetMinutes, variables: [:])
        _ = try RepositoryCreation.create(
            at: folder, content: packageRoot.appendingPathComponent("content"), hooks: nil, reviewers: [People.rita, People.ravi],
            publishedBranch: "main", bare: bare, as: People.office, environment: environment)
        repository = try ContentRepository(git: try Repository.open(at: folder), environment: environment)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A second Git handle on the same repository: the tests' own look below the workflow.
    var git: Repository { get throws { try Repository.open(at: folder) } }

    /// The repository opened again (settings are read from the published branch when opening).
    func reopened() throws -> ContentRepository {
        try ContentRepository(git: try Repository.open(at: folder), environment: environment)
    }

    /// Every reference and where it points: to show that a refused operation wrote nothing.
    func references() throws -> [String: String] {
        let lines = try gitWitness(["for-each-ref", "--format=%(refname) %(objectname)"], in: folder).split(separator: "\n")
        return Dictionary(
            uniqueKeysWithValues: lines.map { line in
                let parts = line.split(separator: " ")
                return (String(parts[0]), String(parts[1]))
            })
    }

    /// `git` run in the repository; its output without the last newline.
    func git(_ arguments: String...) throws -> String { try gitWitness(arguments, in: folder) }
}

/// The error code a workflow operation threw, or nil when it threw none (or another kind of error).
func workflowErrorCode(_ body: () throws -> Void) -> WorkflowError.Code? {
    do {
        try body()
        return nil
    } catch let error as WorkflowError {
        return error.code
    } catch {
        return nil
    }
}
