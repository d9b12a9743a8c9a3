import ArgumentParser
import ClinicWorkflow

/// `--signing-key`: the SSH key a reviewer's records are signed with.
struct SigningOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Sign with this SSH key (else CLINICCTL_SIGNING_KEY, else Git's user.signingKey when gpg.format is ssh).",
            valueName: "file"))
    var signingKey: String?

    func key(_ repository: ContentRepository) throws -> SigningKey? { try repository.signatures.signingKey(explicit: signingKey) }
}
