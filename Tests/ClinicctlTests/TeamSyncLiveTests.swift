import Foundation
import Testing

/// Issue 24, item 3: the server's deployment record travels, so every clone knows what the website serves.
@Suite("Team: every computer knows what is live")
struct TeamSyncLiveTests {
    /// A server whose published branch ships post-receive and the web-root hook, with clinicctl's server hooks installed;
    /// `serverEnvironment` is added to the server's.
    static func publishingTeam(serverEnvironment: [String: String] = [:]) throws -> Team {
        let team = try Team(serverEnvironment: serverEnvironment)
        let box = team.box
        try box.shipPublishHooks()
        let install = try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root)
        #expect(install.status == 0, "\(install.stderr)")
        return team
    }

    /// The revision the server's web root serves: `current` -> `releases/<revision>`.
    static func servedRevision(_ team: Team) throws -> String {
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: team.webRoot.appendingPathComponent("current").path)
        return URL(fileURLWithPath: link).lastPathComponent
    }

    @Test("review approve in a clone reports the server's deployment; live and status in another clone match the web root")
    func liveTravels() throws {
        let team = try Self.publishingTeam()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let approve = try box.clinicctl(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        let served = try Self.servedRevision(team)
        #expect(served == (try team.serverRef("refs/heads/main")))
        let short = String(served.prefix(7))
        #expect(approve.stdout.contains("Live on the website since "), "\(approve.stdout)")
        #expect(approve.stdout.contains("(\(short), by 10-webroot), as the server recorded it."), "\(approve.stdout)")
        #expect(!(approve.stdout + approve.stderr).contains("not deployed"), "\(approve.stdout) \(approve.stderr)")
        // The server keeps each deployment's note as a commit every clone fetches.
        let note = try box.git(["--git-dir", box.repo.path, "show", "refs/clinicctl/deployment:deployment.json"]).stdout
        #expect(note.contains("\"revision\" : \"\(served)\""), "\(note)")

        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let live = try box.clinicctl(["live"], in: office)
        #expect(live.stdout.contains("Live: \(short) "), "\(live.stdout)")
        #expect(live.stdout.contains("by hooks 10-webroot"), "\(live.stdout)")
        #expect(live.stdout.contains("as the server (origin) recorded it"), "\(live.stdout)")
        #expect(live.stdout.contains("Up to date with main."), "\(live.stdout)")
        let json = try box.clinicctl(["live", "--json"], in: office)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["deployed"] as? String == served && object?["recordedBy"] as? String == "origin", "\(json.stdout)")
        let status = try box.clinicctl(["status"], in: office)
        #expect(status.stdout.contains("Deployed: \(short) (up to date), as the server (origin) recorded it"), "\(status.stdout)")
        #expect(!status.stdout.contains("Deployed: never"), "\(status.stdout)")
    }

    @Test("a server that stopped publishing is reported as not published yet, never as deployed")
    func notPublishedYet() throws {
        let team = try Self.publishingTeam()
        let box = team.box
        let (office, _) = try team.clone("office", as: Sandbox.manager)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        #expect(try box.clinicctl(["review", "approve", "faq-do-you-take-insurance"], as: Sandbox.reviewer, in: laptop).status == 0)
        let first = try Self.servedRevision(team)
        // The server's post-receive is gone: the next approval lands, but nothing publishes it.
        try FileManager.default.removeItem(at: box.repo.appendingPathComponent("hooks/post-receive"))
        #expect(try box.clinicctl(["social", "remove", "Instagram", "--draft-name", "social"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], in: office).status == 0)
        #expect(try box.clinicctl(["sync"], as: Sandbox.reviewer, in: laptop).status == 0)
        let approve = try box.clinicctl(["review", "approve", "social", "--wait", "0"], as: Sandbox.reviewer, in: laptop)
        #expect(approve.status == 0, "\(approve.stderr)")
        let main = try team.serverRef("refs/heads/main")
        #expect(
            approve.stderr.contains(
                "the server has not published \(main.prefix(7)) yet (waited 0 s; the website still serves \(first.prefix(7)))"),
            "\(approve.stderr)")
        #expect(!approve.stdout.contains("Live on the website"), "\(approve.stdout)")
        #expect(try Self.servedRevision(team) == first)
        let live = try box.clinicctl(["live"], as: Sandbox.reviewer, in: laptop)
        #expect(live.stdout.contains("Live: \(first.prefix(7)) "), "\(live.stdout)")
        #expect(live.stdout.contains("Approved but not deployed yet"), "\(live.stdout)")
    }

    @Test("a push cannot set the records the server's own publish writes, nor a record of no known kind")
    func serverRecordsAreNotPushed() throws {
        let team = try Self.publishingTeam()
        let box = team.box
        let (laptop, _) = try team.clone("laptop", as: Sandbox.reviewer)
        let main = try team.serverRef("refs/heads/main")
        for record in ["deployed", "deployment", "exported", "replaced/faq-x-1234567", "anything"] {
            let ref = "refs/clinicctl/\(record)"
            let pushed = try box.git(["push", "origin", "\(main):\(ref)"], in: laptop)
            #expect(pushed.status != 0, "\(record)")
            let words =
                record == "anything" ? "is not a record clinicctl sends" : "is written by this server's own publish, never by a push"
            #expect(pushed.stderr.contains("\(ref) \(words)"), "\(record): \(pushed.stderr)")
            #expect(try team.serverRef(ref).isEmpty, "\(record)")
        }
    }
}
