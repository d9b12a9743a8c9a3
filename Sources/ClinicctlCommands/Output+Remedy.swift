import ClinicWorkflow

extension Remedy {
    /// What to do next, as clinicctl's commands say it; it follows the error's message.
    var words: String {
        switch self {
        case .reopenDraft(let id):
            "; see `clinicctl drafts --mine` for the reason, then reopen it to fix it: `clinicctl draft reopen \(id)`"
        case .updateDraft(let id): ". Its author can run `clinicctl draft update \(id)` to bring it up to date"
        case .decideConflicts(let id):
            "\nIts author decides each one by bringing the draft up to date (`clinicctl draft update \(id) --take draft|published FIELD`)"
        case .showDraft(let id): " (see `clinicctl review show \(id)`)"
        case .reviewAgain(let id): ": read it again with `clinicctl review show \(id)`, then approve"
        case .acceptBeyondContent(let id, let accept):
            ". Read them in `clinicctl review show \(id)`; to approve them too, add --accept \(accept.map(\.rawValue).joined(separator: ","))"
        case .discardDraft(let id): ". Withdraw the draft instead: `clinicctl draft discard \(id)`"
        case .listFAQ: "; `clinicctl faq list` shows them all"
        case .setIdentity:
            """
            . Say it once in any of these ways:
              --as "Your Name <you@example.com>"            (this command only)
              clinicctl config --as "Your Name <you@example.com>"   (this repository, kept outside the content)
              export CLINICCTL_AUTHOR="Your Name <you@example.com>"
              git config --global user.name "Your Name" && git config --global user.email you@example.com
            """
        case .openRepository:
            "; run clinicctl inside the clinic's content repository, pass --repo PATH, or create one with `clinicctl init DIR`"
        case .cloneRepository: "; get the clinic's repository with `clinicctl clone URL`, or name another with --remote"
        case .listSocial: "; `clinicctl social list` shows the links"
        case .showHours(let location): "; `clinicctl hours show \(location)` lists them"
        case .validate: " (run `clinicctl validate`)"
        case .authorsWithdraw: " (authors withdraw theirs with `clinicctl draft discard`)"
        case .listSigningKey:
            ". List the key for you with `clinicctl reviewers add --key FILE` (approved by another reviewer), or sign with a key that is listed"
        case .readInDraft(let id): ". See it with `--draft \(id)`; `clinicctl review show \(id)` shows the whole draft"
        case .publish: "; run `clinicctl publish` to deploy it"
        case .moveToAnotherCategory: "; move them to another category first (`clinicctl faq edit ID --category OTHER`)"
        case .translateAfterwards(let locale): "; add the \(locale) text afterwards with `clinicctl faq edit ID --locale \(locale)`"
        case .sync: "; run `clinicctl sync` to send it"
        }
    }
}

extension Remedy {
    /// The one command that acts on it, for a listing's column (`clinicctl inbox`).
    var command: String {
        switch self {
        case .showDraft(let id), .reviewAgain(let id), .readInDraft(let id), .acceptBeyondContent(let id, _): "clinicctl review show \(id)"
        case .reopenDraft(let id): "clinicctl draft reopen \(id)"
        case .updateDraft(let id), .decideConflicts(let id): "clinicctl draft update \(id)"
        case .discardDraft(let id): "clinicctl draft discard \(id)"
        case .listFAQ, .moveToAnotherCategory, .translateAfterwards: "clinicctl faq list"
        case .setIdentity: "clinicctl config --as \"Name <email>\""
        case .openRepository: "clinicctl init DIR"
        case .cloneRepository: "clinicctl clone URL"
        case .listSocial: "clinicctl social list"
        case .showHours(let location): "clinicctl hours show \(location)"
        case .validate: "clinicctl validate"
        case .authorsWithdraw: "clinicctl draft discard"
        case .listSigningKey: "clinicctl reviewers add --key FILE"
        case .publish: "clinicctl publish"
        case .sync: "clinicctl sync"
        }
    }
}

extension WorkflowError {
    /// The message with what to do next, as the person reads it.
    var said: String { message + (remedy?.words ?? "") }
}
