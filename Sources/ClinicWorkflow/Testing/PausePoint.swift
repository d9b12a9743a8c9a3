import Foundation

/// Places where a crash test can stop clinicctl on purpose, to kill it there.
///
/// A test sets `CLINICCTL_TEST_PAUSE_AT` to one point's name and
/// `CLINICCTL_TEST_PAUSE_MARKER` to a file path; on reaching that point the
/// process writes its process id into the marker and sleeps until killed.
/// Without both variables nothing happens, so the product pays one
/// dictionary look-up per point.
public enum PausePoint: String, Sendable {
    /// The new objects are written; the reference is not moved yet.
    case beforeReferenceUpdate = "before-ref-update"
    /// The new bundle is written and flushed; it has not taken the final name yet.
    case duringBundleSwap = "during-bundle-swap"

    /// Sleeps for good if `variables` ask to stop here.
    public func reach(_ variables: [String: String]) {
        guard variables["CLINICCTL_TEST_PAUSE_AT"] == rawValue, let marker = variables["CLINICCTL_TEST_PAUSE_MARKER"] else { return }
        try? Data("\(ProcessInfo.processInfo.processIdentifier)\n".utf8).write(to: URL(fileURLWithPath: marker))
        while true { sleep(60) }
    }
}
