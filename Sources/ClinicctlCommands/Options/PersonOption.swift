import ArgumentParser

/// `--as`: who is acting, for every command that acts as someone.
struct PersonOption: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Who is acting (else CLINICCTL_AUTHOR, else the one saved by `clinicctl config --as`, else Git's user.name and user.email).",
            valueName: "Name <email>"))
    var author: String?
}
