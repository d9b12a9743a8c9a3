import ClinicTestSupport
import Foundation

/// `git daemon` serving the bare repositories under `base`, whose hooks run the clinicctl just
/// built (found first on the daemon's PATH), with `extra` added to their environment.
func teamGitServer(serving base: URL, environment extra: [String: String] = [:]) throws -> GitDaemon {
    try GitDaemon(serving: base, environment: teamServerEnvironment(extra))
}

/// A test server's environment, which its hooks inherit: the clinicctl just built first on
/// PATH, no system Git configuration, and `extra` added.
func teamServerEnvironment(_ extra: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = clinicctlBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["HOME"] = FileManager.default.temporaryDirectory.path
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    for (key, value) in extra { environment[key] = value }
    return environment
}
