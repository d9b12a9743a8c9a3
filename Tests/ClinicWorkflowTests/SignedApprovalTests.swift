import ClinicContent
import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@testable import ClinicWorkflow

/// clinicctl's verifier and `git verify-commit` (the independent witness) judge the same approvals.
@Suite("signed approvals agree with git verify-commit")
struct SignedApprovalTests {
    /// A clinic where Rita and Ravi have keys of `type` listed and signed approvals are required.
    final class SignedClinic {
        let clinic: TestClinic
        let keys: SSHKeys
        let rita: String, ravi: String, stranger: String
        var repository: ContentRepository
        let allowedSigners: URL

        init(_ type: String) throws {
            clinic = try TestClinic()
            keys = try SSHKeys()
            rita = try keys.make(type, name: "rita")
            ravi = try keys.make(type, name: "ravi")
            stranger = try keys.make(type, name: "stranger")
            var config = clinic.repository.config
            config.reviewers = [
                Reviewer(name: People.rita.name, email: People.rita.email, keys: [try keys.publicKey(rita)]),
                Reviewer(name: People.ravi.name, email: People.ravi.email, keys: [try keys.publicKey(ravi)]),
            ]
            config.requireSignedApprovals = true
            try Self.setConfig(config, in: clinic, on: "refs/heads/main", expected: try clinic.repository.publishedTip())
            repository = try clinic.reopened()
            allowedSigners = keys.folder.appendingPathComponent("allowed_signers")
            try Data(repository.signatures.allowedSigners().utf8).write(to: allowedSigners)
        }

        deinit { keys.remove() }

        /// Commits `config` as clinicctl.yaml onto `ref` (the test's own hand below the workflow).
        @discardableResult
        static func setConfig(
            _ config: RepositoryConfig, in clinic: TestClinic, on ref: String, expected: ObjectID?, parent: ObjectID? = nil
        ) throws -> ObjectID {
            let me = Signature(
                name: "Test", email: "test@example.com", time: Date(timeIntervalSince1970: 1_700_000_000), timeZoneOffsetMinutes: 0)
            return try clinic.git.commit(
                changes: [.write(path: RepositoryConfig.fileName, contents: Data(config.canonicalText.utf8))], onBranch: ref,
                expectedTip: expected, parentIfNew: parent, author: me, committer: me, message: "Set reviewers\n")
        }

        /// Whether `git verify-commit` accepts `commit` with the allowed signers clinicctl printed.
        func gitAccepts(_ commit: String) -> Bool {
            (try? clinic.git("-c", "gpg.ssh.allowedSignersFile=\(allowedSigners.path)", "verify-commit", commit)) != nil
        }

        /// Writes a commit object from `text` signed by `key` in `namespace` (or with `armour` as given).
        func forge(_ text: String, key: String, namespace: String = "git", armour: ((String) -> String)? = nil) throws -> String {
            var signature = try keys.sign(Data(text.utf8), key: key, namespace: namespace)
            if let armour { signature = armour(signature) }
            return try write(text, signature: signature)
        }

        func write(_ text: String, signature: String) throws -> String {
            let header = "gpgsig " + signature.trimmingCharacters(in: .newlines).replacingOccurrences(of: "\n", with: "\n ")
            let end = text.range(of: "\n\n")!.lowerBound
            let object = text[..<end] + "\n" + header + text[end...]
            let file = keys.folder.appendingPathComponent("object-\(UUID().uuidString)")
            try Data(object.utf8).write(to: file)
            return try clinic.git("hash-object", "-t", "commit", "-w", file.path)
        }
    }

    @Test("each case, per key type: both verifiers give the same answer", arguments: ["ed25519", "ecdsa", "rsa"])
    func agreement(type: String) throws {
        let signed = try SignedClinic(type)
        let repository = signed.repository
        let published = try repository.publishedRevision()
        let edit = try repository.commit(HoursEdits.closed("glenview", days: [.fri]), to: nil, as: People.ravi)
        // Unsigned approval is refused while signatures are required, saying what to configure.
        #expect(throws: WorkflowError.self) { try repository.reviews.approve(edit.draft, as: People.rita, tip: nil) }
        let result = try repository.reviews.approve(edit.draft, as: People.rita, signingKey: SigningKey(key: signed.rita, origin: "test"))
        let merge = result.mergedRevision

        func verdict(_ hex: String, previous: Revision = published) throws -> ApprovalSignatureCheck.Verdict {
            try repository.signatures.verifyApproval(commit: Revision(hex: hex)!, previousTip: previous).verdict
        }
        // Good.
        #expect(signed.gitAccepts(merge.hex))
        let good = try repository.signatures.verifyApproval(commit: merge, previousTip: published)
        #expect(good.verdict == .good && good.passes)
        #expect(
            good.fingerprint
                == (try SSHKeys.run("/usr/bin/ssh-keygen", ["-l", "-f", signed.rita + ".pub"]).split(separator: " ")[1]).description)

        // The signed object, then altered after signing: a byte of the message, the tree, a parent.
        let git = try signed.clinic.git
        let stored = try #require(try git.signature(of: ObjectID(hex: merge.hex)!))
        let text = String(decoding: stored.signedData, as: UTF8.self)
        let tree = try signed.clinic.git("rev-parse", "\(published.hex)^{tree}")
        let grandparent = try signed.clinic.git("rev-parse", "\(published.hex)^")
        let alterations = [
            text.replacingOccurrences(of: "Approve draft", with: "Approve Draft"),
            text.replacingOccurrences(of: try signed.clinic.git("rev-parse", "\(merge.hex)^{tree}"), with: tree),
            text.replacingOccurrences(of: "parent \(published.hex)", with: "parent \(grandparent)"),
        ]
        for (index, altered) in alterations.enumerated() {
            #expect(altered != text)
            let forged = try signed.write(altered, signature: stored.armoured)
            let previous = index == 2 ? try repository.revision(grandparent) : published
            #expect(!signed.gitAccepts(forged))
            #expect(try verdict(forged, previous: previous) == .bad)
        }

        // A key listed for nobody.
        let stranger = try signed.forge(text, key: signed.stranger)
        #expect(!signed.gitAccepts(stranger))
        #expect(try verdict(stranger) == .unknownKey)

        // A signature by the draft's author (Ravi, a listed reviewer): Git calls it good, clinicctl does not.
        let byAuthor = try signed.forge(text, key: signed.ravi)
        #expect(signed.gitAccepts(byAuthor))
        #expect(try verdict(byAuthor) == .selfApproval)

        // Another namespace.
        let elsewhere = try signed.forge(text, key: signed.rita, namespace: "file")
        #expect(!signed.gitAccepts(elsewhere))
        #expect(try verdict(elsewhere) == .bad)

        // A truncated armour.
        let truncated = try signed.forge(text, key: signed.rita) { armour in
            var lines = armour.split(separator: "\n")
            lines.remove(at: lines.count - 2)
            return lines.joined(separator: "\n")
        }
        #expect(!signed.gitAccepts(truncated))
        #expect(try verdict(truncated) == .bad)

        // A key added to the list only in the approved draft: Rita lists the stranger key for herself in a draft.
        var widened = repository.config
        widened.reviewers[0].keys.append(try signed.keys.publicKey(signed.stranger))
        let draftTip = try SignedClinic.setConfig(
            widened, in: signed.clinic, on: "refs/heads/drafts/keys", expected: nil, parent: ObjectID(hex: published.hex)!)
        let mergeText =
            text.replacingOccurrences(of: edit.commit.hex, with: draftTip.hex)
            .replacingOccurrences(
                of: try signed.clinic.git("rev-parse", "\(merge.hex)^{tree}"),
                with: try signed.clinic.git("rev-parse", "\(draftTip.hex)^{tree}"))
        let selfListed = try signed.forge(mergeText, key: signed.stranger)
        #expect(!signed.gitAccepts(selfListed))
        #expect(try verdict(selfListed) == .unknownKey)
    }
}
