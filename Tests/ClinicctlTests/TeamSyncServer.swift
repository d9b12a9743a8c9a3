import ClinicTestSupport
import Foundation

/// `git daemon` serving the bare repositories under `base`, whose hooks run the clinicctl just
/// built (found first on the daemon's PATH), with `extra` added to their environment.
func teamGitServer(serving base: URL, environment extra: [String: String] = [:]) throws -> GitDaemon {
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = clinicctlBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["HOME"] = FileManager.default.temporaryDirectory.path
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    for (key, value) in extra { environment[key] = value }
    return try GitDaemon(serving: base, environment: environment)
}
