import Foundation

extension ContentRepository {
    /// Records only the repository's own publish and hooks write: what is deployed and
    /// exported, the deployment notes every clone reads, the last failed publish, the draft tips a push replaced.
    static let serverWrittenRecords = ["deployed", "exported", "deployment", "publish-failure", "replaced/"]
}

extension Server {

    /// Which records a push may bring under `refs/clinicctl/`: only new ones, of the kinds
    /// people write (`sharedRecordPrefixes`, each checked by `checkRecordPush`). A record the
    /// server writes itself (`refs/clinicctl/deployed`, `deployment`, ...) is never taken from a
    /// push: whoever can push would otherwise tell every clone what the website serves.
    func recordRefusal(of update: ProposedUpdate) -> String? {
        let name = String(update.reference.dropFirst("refs/clinicctl/".count))
        guard update.old == nil else {
            return "clinicctl's records are only ever added; \(update.reference) cannot be changed or deleted"
        }
        if ContentRepository.serverWrittenRecords.contains(where: { $0.hasSuffix("/") ? name.hasPrefix($0) : name == $0 }) {
            return "\(update.reference) is written by this server's own publish, never by a push"
        }
        guard ContentRepository.sharedRecordPrefixes.contains(where: name.hasPrefix) else {
            return "\(update.reference) is not a record clinicctl sends (only "
                + ContentRepository.sharedRecordPrefixes.map { "refs/clinicctl/\($0)*" }.joined(separator: ", ") + ")"
        }
        return nil
    }
}
