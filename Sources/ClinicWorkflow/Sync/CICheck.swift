internal import ClinicGit
import Foundation

/// The required status check for a hosted forge that cannot run clinicctl's `pre-receive`:
/// a CI workflow that runs `verify` and `validate` on every push to the published branch.
/// Made a required check by the forge's branch protection (docs/team.md), it refuses what the
/// server hook would: any commit on the published branch that is not an approval that holds.
public struct CICheck: Sendable, Equatable {
    public enum Forge: String, Sendable, CaseIterable {
        case github, gitlab, forgejo

        /// Where the forge reads its workflow from.
        public var path: String {
            switch self {
            case .github: ".github/workflows/clinicctl.yml"
            case .gitlab: ".gitlab-ci.yml"
            case .forgejo: ".forgejo/workflows/clinicctl.yml"
            }
        }
    }

    public var forge: Forge
    public var publishedBranch: String
    /// The first commit the check trusts: pinned in the workflow, since a CI clone is new every
    /// time and has no `clinicctl.trustedStart` of its own.
    public var trustedStart: Revision

    public init(forge: Forge, publishedBranch: String, trustedStart: Revision) {
        self.forge = forge
        self.publishedBranch = publishedBranch
        self.trustedStart = trustedStart
    }

    /// The two checks, each one command line, as every workflow runs them on the pushed commit.
    public var checkCommands: [String] {
        ["clinicctl verify --trusted-start \(trustedStart.hex) HEAD", "clinicctl validate --rev HEAD"]
    }

    /// Builds and installs clinicctl from the source named by the CI variable `CLINICCTL_SOURCE`
    /// (a Git address of clinicctl's sources) at `CLINICCTL_REF`, on Swift's own image.
    static let installScript = [
        "apt-get update && apt-get install -y --no-install-recommends git make pkg-config libgit2-dev libcmark-dev",
        "git clone --depth 1 --branch \"${CLINICCTL_REF:-main}\" \"$CLINICCTL_SOURCE\" /tmp/clinicctl",
        "make -C /tmp/clinicctl install",
    ]

    /// The workflow file's text.
    public var text: String {
        let header = [
            "# Written by `clinicctl hooks install --ci \(forge.rawValue)`: the check a host without clinicctl's",
            "# pre-receive hook runs on each push to \(publishedBranch). Make the job \"clinicctl\" a required status",
            "# check in \(publishedBranch)'s branch protection (docs/team.md), and set the CI variable CLINICCTL_SOURCE",
            "# to the Git address of clinicctl's sources (CLINICCTL_REF: the tag or branch, default main).",
            "# The first commit it trusts is pinned below: \(trustedStart.hex).",
        ]
        switch forge {
        case .github, .forgejo:
            var lines =
                header + [
                    "name: clinicctl", "on:", "  push:", "    branches: [\(publishedBranch)]", "jobs:", "  clinicctl:",
                    "    runs-on: \(forge == .github ? "ubuntu-latest" : "docker")", "    container: swift:6.3", "    steps:",
                    "      - uses: actions/checkout@v4", "        with:", "          fetch-depth: 0", "      - name: Install clinicctl",
                    "        env:", "          CLINICCTL_SOURCE: ${{ vars.CLINICCTL_SOURCE }}",
                    "          CLINICCTL_REF: ${{ vars.CLINICCTL_REF }}",
                    "        run: |",
                ]
            lines += Self.installScript.map { "          " + $0 }
            lines += [
                "      - name: Every commit of \(publishedBranch) is an approval that holds", "        run: \(checkCommands[0])",
                "      - name: The published content validates", "        run: \(checkCommands[1])",
            ]
            return lines.joined(separator: "\n") + "\n"
        case .gitlab:
            var lines =
                header + [
                    "clinicctl:", "  image: swift:6.3", "  variables:", "    GIT_DEPTH: 0", "  rules:",
                    "    - if: $CI_COMMIT_BRANCH == \"\(publishedBranch)\"", "  before_script:",
                ]
            lines += Self.installScript.map { "    - " + Self.yamlQuoted($0) }
            lines += ["  script:"] + checkCommands.map { "    - \($0)" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func yamlQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

extension Server {
    /// Opens a draft that adds the forge's workflow file (`CICheck`), pinned to this copy's
    /// trusted first commit. Like any file outside the content, it is published only when a
    /// reviewer approves the draft with `--accept files`.
    public func addCICheck(_ forge: CICheck.Forge, as person: Person, draftName: String? = nil) throws -> EditResult {
        let published = try repository.publishedTip()
        let start = try repository.withGit { git -> ObjectID in
            if let recorded = try ContentRepository.trustedStart(in: git) { return recorded }
            var root = try git.commit(published)
            while let parent = root.parents.first { root = try git.commit(parent) }
            return root.id
        }
        let check = CICheck(forge: forge, publishedBranch: repository.config.publishedBranch, trustedStart: Revision(start))
        if let existing = try repository.file(check.forge.path, at: Revision(published)), existing == Data(check.text.utf8) {
            throw WorkflowError(
                .unchanged, "\(check.forge.path) on \(repository.config.publishedBranch) is already this check; nothing was changed")
        }
        let id = try repository.drafts.newDraftID(from: "ci-\(forge.rawValue)", as: person, named: draftName)
        let signature = repository.environment.signature(person)
        let summary = "CI: add the clinicctl check for \(forge.rawValue)"
        let record = CommitRecord.edit(.init(summary: summary, change: "ci.add", entry: check.forge.path, details: []))
        let sign = try repository.signatures.draftSigner()
        let commit = try repository.holdingDraft(id) {
            try repository.withGit(draft: id, file: check.forge.path, reference: repository.draftRef(id)) {
                try $0.commit(
                    changes: [.write(path: check.forge.path, contents: Data(check.text.utf8))], onBranch: repository.draftRef(id),
                    expectedTip: nil,
                    parentIfNew: published, author: signature, committer: signature, message: record.message, sign: sign)
            }
        }
        return EditResult(
            draft: id, commit: Revision(commit), createdDraft: true, summary: summary, files: [check.forge.path], changes: [],
            preexistingErrors: [],
            notes: [
                "the check runs once another reviewer approves draft \(id) with `--accept files`; then make the job \"clinicctl\" "
                    + "a required status check of \(repository.config.publishedBranch) and set the CI variable CLINICCTL_SOURCE (docs/team.md)"
            ])
    }
}
