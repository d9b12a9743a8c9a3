import Foundation
import Testing

/// Argument combinations are checked before a command runs, so a usage error
/// shows the failing subcommand's own usage line (not the root's) and exits 64.
@Suite("clinicctl usage errors")
struct UsageErrorTests {
    @Test(
        "a usage error shows the failing subcommand's usage line and exits 64",
        arguments: [
            (["hours", "set", "glenview", "sat", "25:00-26:00"], "Usage: clinicctl hours set "),
            (["hours", "special", "remove", "glenview", "not-a-date"], "Usage: clinicctl hours special remove "),
            (["faq", "edit", "what-is-dry-needling"], "Usage: clinicctl faq edit "),
        ])
    func usageErrorShowsTheSubcommand(arguments: [String], usage: String) throws {
        let box = try Sandbox()
        let run = try box.clinicctl(arguments)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains(usage), "\(run.stderr)")
        #expect(!run.stderr.contains("Usage: clinicctl <subcommand>"), "\(run.stderr)")
    }
}
