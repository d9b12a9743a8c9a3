import ClinicTestSupport
import Foundation
import Testing

/// Issue 25, item 8: docs/team.md's Apache recipe is the configuration TeamSyncApacheTests runs.
@Suite("docs/team.md: the Apache recipe is the tested one")
struct ApacheRecipeDocTests {
    @Test func theRecipesApacheLinesAreTheOnesTheTestServes() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/team.md"), encoding: .utf8)
        let lines = ApacheConfig.gitLines(projectRoot: "/srv/git", passwords: "/etc/apache2/clinic.htpasswd")
        #expect(text.contains("```apache\n\(lines)\n```\n"), "docs/team.md's ```apache block differs from ApacheConfig.gitLines")
        #expect(text.contains("Tested by TeamSyncApacheTests"))
    }
}
