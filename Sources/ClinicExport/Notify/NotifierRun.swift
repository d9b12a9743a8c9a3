import ClinicProcess
import ClinicWorkflow
import Foundation

/// One notifier told of one event, and how that ended.
public struct NotifierRun: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case delivered
        /// It exited 77: not configured, or not for this event.
        case skipped
        case failed(status: Int32)
        case killed(signal: Int32)
        /// Still running at the timeout: it was stopped.
        case timedOut
        case couldNotStart(String)

        init(_ exit: HookExit) {
            switch exit {
            case .exited(0): self = .delivered
            case .exited(Publisher.skippedStatus): self = .skipped
            case .exited(let status): self = .failed(status: status)
            case .signaled(let signal): self = .killed(signal: signal)
            case .timedOut: self = .timedOut
            }
        }
    }

    public var notifier: String
    public var event: ClinicEvent
    public var outcome: Outcome
    /// What it printed (standard output and error together), as `HookProcess` bounds it.
    public var lines: [String]

    /// What the pusher is told when it did not deliver nor skip; nil when it did.
    func failureMessage(timeout: Duration) -> String? {
        let what = "notifier \(notifier) \(Notifiers.label(event))"
        let stands = "the push stands; the other notifiers and events still run"
        switch outcome {
        case .delivered, .skipped: return nil
        case .failed(let status): return "\(what) failed with exit status \(status); \(stands)"
        case .killed(let signal): return "\(what) was killed by signal \(signal); \(stands)"
        case .timedOut:
            return "\(what) was still running after \(Publisher.seconds(timeout)) (git config "
                + "\(ContentRepository.notifySecondsKey)) and was stopped; \(stands)"
        case .couldNotStart(let reason): return "\(what) could not start (\(reason)); does it begin with a #! line? \(stands)"
        }
    }
}
