internal import ClinicGit
import Foundation

/// Whether a closing record (a rejection or a discard) reached the server.
public struct RecordDelivery: Sendable, Equatable {
    /// The record's reference, e.g. `refs/clinicctl/rejected/<id>-<record>`.
    public var reference: String
    /// Nil when the server took it; otherwise why not, in words.
    public var problem: String?
    /// How to finish when it did not reach the server.
    public var remedy: Remedy? { problem == nil ? nil : .sync }
}

extension Team {
    /// Sends the closing record at `reference` to the server at once, as `review approve` sends
    /// its approval. Only the record goes: the draft's branch on the server is never deleted,
    /// the record closes it there. A failure leaves the record here and says how to send it.
    public func sendRecord(_ reference: String, remote: String = "origin") -> RecordDelivery {
        let finish = "it is recorded on this computer only"
        do {
            let pushed = try repository.withGit(reference: reference) {
                try $0.push(remote: remote, refspecs: ["\(reference):\(reference)"], access: repository.environment.networkAccess)
            }
            if let refusal = pushed.references.first(where: { !$0.accepted }) {
                let said = pushed.serverMessages.isEmpty ? refusal.refusal ?? "" : pushed.serverMessages.joined(separator: " ")
                return RecordDelivery(
                    reference: reference,
                    problem: "the server refused it (\(ContentRepository.explainingServerPermission(said))); \(finish)")
            }
            return RecordDelivery(reference: reference, problem: nil)
        } catch let error as WorkflowError {
            return RecordDelivery(reference: reference, problem: "it could not be sent (\(error.message)); \(finish)")
        } catch {
            return RecordDelivery(reference: reference, problem: "it could not be sent (\(error)); \(finish)")
        }
    }
}

extension Team {
    /// `reject`, then the rejection record sent to the server at once.
    public func rejectThroughServer(
        _ id: String, as reviewer: Person, reason: String, signingKey: SigningKey? = nil, remote: String = "origin"
    ) throws -> (Rejection, RecordDelivery) {
        let rejection = try repository.reviews.reject(id, as: reviewer, reason: reason, signingKey: signingKey)
        return (rejection, sendRecord(repository.records.rejectionRef(id, record: rejection.record), remote: remote))
    }

    /// `discard`, then the discard record (returned) sent to the server at once.
    public func discardThroughServer(_ id: String, as person: Person, remote: String = "origin") throws -> (Revision, RecordDelivery) {
        let record = try repository.reviews.discard(id, as: person)
        guard let reference = try repository.records.discardRef(id, record: record) else {
            let problem = "its record was not found to send"
            return (record, RecordDelivery(reference: ContentRepository.discardedPrefix + id, problem: problem))
        }
        return (record, sendRecord(reference, remote: remote))
    }
}

extension Records {
    /// The reference keeping draft `id`'s discard record `record`, `refs/clinicctl/discarded/<id>-<short>`.
    func discardRef(_ id: String, record: Revision) throws -> String? {
        try repository.withGit(draft: id) { git in
            try git.references(withPrefix: ContentRepository.discardedPrefix + id + "-").first { $0.target == record.id }?.name
        }
    }
}
