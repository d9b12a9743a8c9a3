import ClinicContent
import ClinicWorkflow
import Foundation

/// The last line each deploy hook printed (`[10-webroot] …`), read from the publish's output:
/// where a failing hook says why (`Permission denied`).
final class HookLastWords {
    private var lines: [String: String] = [:]

    /// Passes `line` on to `output`, remembering it when it is a hook's.
    func watch(_ line: String, _ output: (String) -> Void) {
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            let hook = String(line[line.index(after: line.startIndex)..<close])
            let said = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
            if !said.isEmpty { lines[hook] = said }
        }
        output(line)
    }

    /// What went wrong, in the publish's words, with the failing hook's last line when it said one.
    func words(for error: any Error) -> String {
        let message = (error as? LocalizedError)?.errorDescription ?? error.localizedDescription
        guard let hook = (error as? PublishError)?.hook, let last = lines[hook] else { return message }
        return "\(message) [\(hook): \(last)]"
    }
}

extension Publisher {
    /// Runs a publish of `revision` (nil: the published tip) and records its outcome for every
    /// clone (`refs/clinicctl/publish-failure`): a failure, or the end of one. A publish that lost
    /// the race to record itself is not a failure of the website, nor is a dry run anything.
    /// `words` watches the publish's output, for what a failing hook said.
    func recordingOutcome(
        repository: ContentRepository, revision: Revision?, dryRun: Bool, words: HookLastWords, _ body: () throws -> PublishResult
    ) throws -> PublishResult {
        do {
            let result = try body()
            if !dryRun, let published = Revision(hex: result.revision) { repository.deployments.clearPublishFailure(after: published) }
            return result
        } catch {
            if !dryRun, Self.isFailureOfTheWebsite(error), let failed = try? revision ?? repository.publishedRevision() {
                repository.deployments.recordPublishFailure(
                    PublishFailure(
                        revision: failed, failedAt: repository.environment.now(), hook: (error as? PublishError)?.hook,
                        message: words.words(for: error)))
            }
            throw error
        }
    }

    /// Whether `error` stopped the website from getting the revision (a hook, the bundle, a
    /// record that could not be written), rather than a publish that was not to run at all.
    static func isFailureOfTheWebsite(_ error: any Error) -> Bool {
        if let error = error as? PublishError { return error.code != .recordMoved }
        if let error = error as? WorkflowError { return error.code == .repository }
        return true
    }
}
