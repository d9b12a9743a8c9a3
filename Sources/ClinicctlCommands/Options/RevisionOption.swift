import ArgumentParser

/// `--rev`: a Git revision (branch, tag or commit) to read instead of the published branch.
struct RevisionOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use this revision (branch, tag or commit) instead of the published branch.", valueName: "rev"))
    var rev: String?
}
