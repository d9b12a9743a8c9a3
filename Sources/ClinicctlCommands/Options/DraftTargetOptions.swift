import ArgumentParser

/// `--draft` or `--draft-name`: which draft an edit goes into, an open one or a new one named here.
struct DraftTargetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Add this edit to an open draft instead of opening a new one.", valueName: "id"))
    var draft: String?
    @Option(help: ArgumentHelp("Name the new draft this edit opens (default: after the edit).", valueName: "id"))
    var draftName: String?

    func validate() throws {
        try OnlyOne.check(["--draft (an open draft)": draft != nil, "--draft-name (a new one)": draftName != nil])
    }
}
