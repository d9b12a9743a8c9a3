import ClinicContent
import ClinicWorkflow
import Foundation

/// The server's `post-receive`: publishes when a push moved the published branch, then tells
/// the notifiers what the push did (and that the publish deployed, when it did).
///
/// Which branch is published is the repository's own setting (`clinicctl.publishedBranch`,
/// read when it was opened), never anything a push carries. The publish is the one
/// `clinicctl publish --rev <new>` makes; its failure is the hook's only failure. Nothing a
/// notifier does changes that.
public struct PostReceive: Sendable {
    /// Git's variables for the hook, which would point the `git` calls of deploy hooks and
    /// notifiers at the wrong place: they are not passed on.
    public static let gitVariables = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    ]

    public var publisher: Publisher
    public var notifiers: Notifiers
    /// How long each deploy hook may run, as `clinicctl publish` allows by default.
    public var publishTimeout: Duration = .seconds(60)

    /// `environment` without Git's variables is what the deploy hooks and notifiers inherit.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, toolDirectory: URL? = Publisher.runningToolDirectory) {
        let clean = environment.filter { !Self.gitVariables.contains($0.key) }
        publisher = Publisher(environment: clean, toolDirectory: toolDirectory)
        notifiers = Notifiers(environment: clean, toolDirectory: toolDirectory)
    }

    /// The repository the hook runs for: `GIT_DIR` (Git sets it, `.` in a bare repository),
    /// read against `currentDirectory`; the current folder when it is unset.
    public static func repositoryFolder(environment: [String: String], currentDirectory: String) -> String {
        guard let gitDir = environment["GIT_DIR"], !gitDir.isEmpty else { return currentDirectory }
        let url =
            gitDir.hasPrefix("/") ? URL(fileURLWithPath: gitDir) : URL(fileURLWithPath: currentDirectory).appendingPathComponent(gitDir)
        return url.standardizedFileURL.path
    }

    /// Publishes and notifies for `updates`; returns why the publish failed, nil when it did
    /// not fail (or did not run). `output` receives what the pusher sees, `failed` the
    /// publish's error when it happens (the notifiers still run after it).
    public func run(
        _ updates: [ProposedUpdate], repository: ContentRepository, output: (String) -> Void, failed: (any Error) -> Void
    ) -> (any Error)? {
        var told = repository.events(after: updates)
        let zero = String(repeating: "0", count: 40)
        let branch = repository.config.publishedBranch
        var failure: (any Error)?
        for update in updates where update.reference == repository.publishedRef {
            guard let new = update.new else { continue }
            output("post-receive: \(branch) moved from \(update.old?.hex ?? zero) to \(new.hex); publishing")
            let words = HookLastWords()
            do {
                let result = try publisher.publishInTurn(
                    repository: repository, revision: new, dryRun: false, timeout: publishTimeout
                ) { words.watch($0, output) }
                if result.recorded, let revision = Revision(hex: result.revision) {
                    told.events.append(
                        ClinicEvent(
                            kind: .deployed, revision: revision, previousRevision: result.previousRevision.flatMap(Revision.init(hex:)),
                            time: repository.environment.now()))
                }
            } catch {
                failure = error
                // One line the pusher's clinicctl recognises (`ServerPublishReport`), with the hook's own words.
                output(ServerPublishReport.failureLine(words.words(for: error)))
                failed(error)
            }
        }
        for problem in told.problems { output("Not notified: \(problem)") }
        let seconds: Double
        do {
            seconds = try repository.notifySeconds()
        } catch {
            seconds = ContentRepository.defaultNotifySeconds
            output("\(error.localizedDescription); notifiers get \(Int(seconds)) s each")
        }
        notifiers.notify(told.events, repository: repository, timeout: .milliseconds(Int64(seconds * 1000)), output: output)
        return failure
    }
}
