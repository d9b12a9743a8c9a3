import ClinicContent
import ClinicWorkflow
import Foundation

/// What a deploy hook is told: its environment, and durations as it reads them.
extension Publisher {
    func hookEnvironment(repository: ContentRepository, commit: Revision, previous: Revision?, bundle: URL) -> [String: String] {
        var environment = self.environment
        environment["CLINICCTL_BUNDLE_DIR"] = bundle.path
        environment["CLINICCTL_REVISION"] = commit.hex
        environment["CLINICCTL_PREVIOUS_REVISION"] = previous?.hex ?? ""
        environment["CLINICCTL_PUBLISHED_BRANCH"] = repository.config.publishedBranch
        environment["CLINICCTL_REPOSITORY"] = repository.repositoryFolder.path
        // The server's own setting (`hooks install --server --webroot`), for an environment that sets none.
        if (environment["CLINIC_WEBROOT"] ?? "").isEmpty, let webRoot = repository.server.configuredWebRoot {
            environment["CLINIC_WEBROOT"] = webRoot
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if let toolDirectory {
            environment["PATH"] = toolDirectory.path + ":" + path
        } else {
            environment["PATH"] = path
        }
        return environment
    }

    /// `2s`, `1.5s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds)s" }
        return String(format: "%.1fs", Double(seconds) + Double(attoseconds) / 1e18)
    }
}
