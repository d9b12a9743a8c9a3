import ArgumentParser

/// `--json`: print what the command shows as machine-readable JSON instead of text.
struct JSONOption: ParsableArguments {
    @Flag(help: "Print machine-readable JSON.") var json = false
}
