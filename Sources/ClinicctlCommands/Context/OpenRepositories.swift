import ClinicContent
import ClinicWorkflow
import Foundation

/// The repositories a run opened, kept until the run ends.
///
/// At chain scale a repository holds thousands of loaded records; releasing them
/// one by one when the command returns was about a tenth of a write's time
/// (`perf record` of `hours set` at the full chain), and the process is about to
/// exit anyway: the program exits without releasing them. What a release did
/// besides freeing memory, saving the record cache, is done here explicitly.
final class OpenRepositories: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [ContentRepository] = []

    func keep(_ repository: ContentRepository) { lock.withLock { kept.append(repository) } }

    /// Saves what each kept repository learned (its record cache); called once the command has run.
    func finish() {
        for repository in lock.withLock({ kept }) { repository.recordCache.persist() }
    }
}
