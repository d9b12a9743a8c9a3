import Foundation
import Testing

/// A team whose server runs clinicctl's pre-receive check, as `hooks install --server` makes it.
func guardedTeamServer() throws -> Team {
    let team = try Team()
    let install = try team.box.clinicctl(["hooks", "install", "--server", "--repo", team.box.repo.path], in: team.box.root)
    #expect(install.status == 0, "\(install.stderr)")
    return team
}

/// Edits the team tests make: each opens a draft of its own.
enum TeamEdits {
    static let insurance = ["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."]
    static let parking = ["faq", "add", "--question", "Is parking free?", "--answer", "Yes."]
}
