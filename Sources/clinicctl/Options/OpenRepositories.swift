import ClinicContent
import ClinicWorkflow

/// The repositories a command opened, kept until the process exits.
///
/// At chain scale a repository holds thousands of loaded records; releasing them
/// one by one when the command returns was about a tenth of a write's time
/// (`perf record` of `hours set` at the full chain), and the process is about to
/// exit anyway. What a release did besides freeing memory, saving the record
/// cache, is done here explicitly.
enum OpenRepositories {
    nonisolated(unsafe) private static var kept: [ContentRepository] = []

    static func keep(_ repository: ContentRepository) { kept.append(repository) }

    /// Saves what each kept repository learned (its record cache); called once the command has run.
    static func finish() {
        for repository in kept { repository.records.persist() }
    }
}
