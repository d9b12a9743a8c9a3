// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "clinicctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clinicctl", targets: ["clinicctl"]),
        .executable(name: "clinicctl-webhook", targets: ["clinicctl-webhook"]),
        .library(name: "ClinicContent", targets: ["ClinicContent"]),
        .library(name: "ClinicWorkflow", targets: ["ClinicWorkflow"]),
        .library(name: "ClinicExport", targets: ["ClinicExport"]),
        .library(name: "ClinicPreview", targets: ["ClinicPreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        // C libraries, used only by the one Swift layer above each.
        .systemLibrary(
            name: "CLibGit2", pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),

        // Running another program: deploy hooks, notifiers, ssh-keygen, xdg-open (Foundation only).
        .target(name: "ClinicProcess"),
        // The Git layer: the only code that sees libgit2.
        // The ssh host key types libgit2's libssh2 offers, in clinicctl's order (see its C file).
        .target(name: "CSSHHostKeys", path: "Sources/CSSHHostKeys"),
        .target(name: "ClinicGit", dependencies: ["CLibGit2", "CSSHHostKeys"]),
        // The clinic's content: model, files, canonical form, validation.
        .target(
            name: "ClinicContent",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]),
        // SSH keys and signatures (OpenSSH's SSHSIG), verified natively: no libgit2, no ssh-keygen.
        .target(
            name: "ClinicSigning",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]),
        // Drafts, edits, review and approval over a content repository.
        // Imports ClinicGit `internal` (or `package`, for what tests build from a Git repository):
        // no public declaration can name a Git type, so Git stays behind this one wall.
        .target(name: "ClinicWorkflow", dependencies: ["ClinicGit", "ClinicContent", "ClinicSigning", "ClinicProcess"]),
        // The JSON bundle, its schema, JSON-LD, and the publish hooks.
        .target(
            name: "ClinicExport",
            dependencies: [
                "ClinicContent", "ClinicWorkflow", "ClinicProcess",
                .product(name: "Crypto", package: "swift-crypto"),
            ], swiftSettings: memberImports),
        // The webhook's signed HTTP POST and the Google Business Profile PATCH: the only code that
        // needs FoundationNetworking (and so libcurl, GnuTLS, Kerberos…). Linked only into
        // clinicctl-webhook, which `clinicctl deploy webhook` and `clinicctl deploy
        // google-business-profile` run, so no other command loads those libraries at start-up.
        .target(name: "ClinicWebhook", dependencies: ["WebhookCommandLine", .product(name: "Crypto", package: "swift-crypto")]),
        // The options clinicctl checks and hands to clinicctl-webhook (signed webhook, Google listings).
        .target(name: "WebhookCommandLine", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The static preview page: a reference consumer that reads only bundle.json
        // (its own types, not the exporter's), so it proves the bundle is enough for a site.
        .target(name: "ClinicPreview", dependencies: [.product(name: "Plot", package: "Plot")]),
        // The commands: argument parsing and printing only, each run with an injected
        // `CommandContext`, so the tests run a command in-process.
        .target(
            name: "ClinicctlCommands",
            dependencies: [
                "ClinicContent", "ClinicWorkflow", "ClinicExport", "ClinicPreview", "ClinicProcess", "WebhookCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: memberImports),
        // The program: `main` only.
        .executableTarget(name: "clinicctl", dependencies: ["ClinicctlCommands"], swiftSettings: memberImports),
        // `clinicctl deploy webhook` and `deploy google-business-profile` replace themselves with this
        // program (its `post` and `google-business-profile`), installed next to clinicctl.
        .executableTarget(
            name: "clinicctl-webhook",
            dependencies: ["ClinicWebhook", "WebhookCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // Servers and keys the tests start and make (git daemon, a recording HTTP server, ssh-keygen),
        // shared by the test targets.
        .target(name: "ClinicTestSupport", path: "Tests/ClinicTestSupport", exclude: ["Servers"]),
        .testTarget(name: "ClinicGitTests", dependencies: ["ClinicGit", "ClinicTestSupport"]),
        .testTarget(
            name: "ClinicContentTests", dependencies: ["ClinicContent", "ClinicTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "ClinicSigningTests", dependencies: ["ClinicSigning", "ClinicTestSupport"]),
        .testTarget(
            name: "ClinicWorkflowTests",
            dependencies: ["ClinicWorkflow", "ClinicGit", "ClinicContent", "ClinicSigning", "ClinicTestSupport"]),
        .testTarget(
            name: "ClinicExportTests",
            dependencies: ["ClinicExport", "ClinicWorkflow", "ClinicContent", "ClinicWebhook", "WebhookCommandLine"]),
        .testTarget(name: "ClinicPreviewTests", dependencies: ["ClinicPreview"], exclude: ["browser"]),
        // Each command run in-process with an injected context: its parsing, validation and output.
        .testTarget(
            name: "ClinicctlCommandsTests",
            dependencies: [
                "ClinicctlCommands", "ClinicWorkflow", "ClinicContent", "ClinicTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // End-to-end tests: they run the built clinicctl binary (make test builds it first).
        .testTarget(
            name: "ClinicctlTests", dependencies: ["ClinicContent", "ClinicTestSupport"], exclude: ["Golden", "BadInput", "TeamSyncHTTP"]),
    ]
)

/// A module's members are visible only where it is imported (SE-0444): the executable and
/// the exporter cannot reach a type through an import of something else.
var memberImports: [SwiftSetting] { [.enableUpcomingFeature("MemberImportVisibility")] }
