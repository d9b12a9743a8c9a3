import ClinicWorkflow
import Crypto
import Foundation

/// Whether `refs/clinicctl/deployed` is backed by a real deployment.
///
/// Anyone who can push can set that reference by hand; only `clinicctl publish`
/// writes the deployment record in the repository folder, naming the SHA-256 of
/// the bundle's manifest. The record must name the deployed revision, and the
/// bundle kept for that revision (and the web root's `current`, when
/// `CLINIC_WEBROOT` is given) must hold that very manifest.
public enum DeploymentCheck: Equatable, Sendable {
    case verified
    case unverified(reason: String)

    /// Hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Checks the deployed reference of `repository` against its record; nil when nothing is deployed.
    public static func check(_ repository: ContentRepository, webRoot: URL? = nil) throws -> DeploymentCheck? {
        guard let deployed = try repository.deployments.deployedRevision() else { return nil }
        guard let record = repository.deployments.deploymentRecord() else {
            return .unverified(reason: "no deployment record; \(ContentRepository.deployedRef) was not set by `clinicctl publish` here")
        }
        guard record.revision == deployed.hex else {
            return .unverified(
                reason:
                    "\(ContentRepository.deployedRef) names \(deployed.short) but `clinicctl publish` recorded \(record.revision.prefix(7))"
            )
        }
        var folders = [repository.deployments.bundleFolder(for: deployed)]
        if let webRoot { folders.append(webRoot.appendingPathComponent("current")) }
        for folder in folders {
            let manifest = folder.appendingPathComponent(BundleExporter.manifestName)
            guard let data = try? Data(contentsOf: manifest) else { continue }
            guard sha256(data) == record.manifestSHA256 else {
                return .unverified(reason: "\(manifest.path) is not the manifest that was deployed")
            }
        }
        return .verified
    }
}
