import Foundation
import Testing

@Suite("clinicctl config")
struct ConfigCommandTests {
    /// No global Git identity may leak into these tests.
    let isolated = ["GIT_CONFIG_GLOBAL": "/dev/null"]

    func savedAuthor(_ box: Sandbox) throws -> String? {
        let run = try box.git(["config", "--local", "--get", "clinicctl.author"])
        return run.status == 0 ? run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    func lastAuthor(_ box: Sandbox, _ branch: String) throws -> String {
        try box.gitOutput(["log", "-1", "--format=%an <%ae>", branch])
    }

    @Test("the saved identity is used after --as and CLINICCTL_AUTHOR and before Git's user.name")
    func order() throws {
        let box = try Sandbox()
        #expect(try box.git(["config", "user.name", "Git User"]).status == 0)
        #expect(try box.git(["config", "user.email", "git@clinic.example"]).status == 0)
        let save = try box.clinicctl(["config", "--as", "Pat Front Desk <pat@clinic.example>"], as: nil, environment: isolated)
        #expect(save.status == 0, "\(save.stderr)")
        #expect(try savedAuthor(box) == "Pat Front Desk <pat@clinic.example>")
        #expect(try box.gitOutput(["status", "--porcelain"]).isEmpty, "the setting is not content")

        #expect(try box.clinicctl(["hours", "set", "glenview", "sat", "9am-1pm"], as: nil, environment: isolated).status == 0)
        #expect(try lastAuthor(box, "drafts/hours-glenview") == "Pat Front Desk <pat@clinic.example>")
        let explicit = try box.clinicctl(
            ["hours", "set", "glenview", "sun", "10am-1pm", "--draft", "hours-glenview", "--as", "Ann Other <ann@clinic.example>"],
            as: nil, environment: isolated)
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try lastAuthor(box, "drafts/hours-glenview") == "Ann Other <ann@clinic.example>")
        #expect(try box.clinicctl(["hours", "closed", "glenview", "sun", "--draft", "hours-glenview"], environment: isolated).status == 0)
        #expect(try lastAuthor(box, "drafts/hours-glenview") == Sandbox.manager, "CLINICCTL_AUTHOR comes before the saved one")

        let unset = try box.clinicctl(["config", "--unset-as"], as: nil, environment: isolated)
        #expect(unset.status == 0 && unset.stdout.contains("Forgot"), "\(unset.stderr)")
        #expect(try savedAuthor(box) == nil)
        #expect(try box.clinicctl(["hours", "set", "the-loop", "sat", "9am-1pm"], as: nil, environment: isolated).status == 0)
        #expect(try lastAuthor(box, "drafts/hours-the-loop") == "Git User <git@clinic.example>")
    }

    @Test("config alone shows the settings, also as JSON")
    func show() throws {
        let box = try Sandbox()
        let none = try box.clinicctl(["config", "--json"], as: nil, environment: isolated)
        let empty = try #require(try decodeJSON(none) as? [String: Any])
        #expect(empty["savedAuthor"] == nil && empty["actingAs"] == nil)
        #expect(try box.clinicctl(["config", "--as", "Pat <pat@clinic.example>"], as: nil, environment: isolated).status == 0)
        let text = try box.clinicctl(["config"], as: nil, environment: isolated)
        #expect(text.stdout.contains("Saved identity: Pat <pat@clinic.example>"))
        #expect(text.stdout.contains("Acting as:      Pat <pat@clinic.example> (from clinicctl config)"))
        let json = try #require(try decodeJSON(try box.clinicctl(["config", "--json"], environment: isolated)) as? [String: Any])
        #expect(json["savedAuthor"] as? [String: String] == ["name": "Pat", "email": "pat@clinic.example"])
        #expect(json["actingAsSource"] as? String == "CLINICCTL_AUTHOR")
    }

    @Test("a malformed identity, or --as with --unset-as, is refused and nothing is saved")
    func refusals() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let bad = try box.clinicctl(["config", "--as", "just a name"], as: nil, environment: isolated)
        #expect(bad.status == 64 && bad.stderr.contains("is not of the form"), "\(bad.stderr)")
        let both = try box.clinicctl(["config", "--as", "Pat <pat@clinic.example>", "--unset-as"], as: nil, environment: isolated)
        #expect(both.status == 64 && both.stderr.contains("not both"), "\(both.stderr)")
        #expect(try savedAuthor(box) == nil)
        #expect(try box.snapshot() == before)
        let nothing = try box.clinicctl(["config", "--unset-as"], as: nil, environment: isolated)
        #expect(nothing.status == 0 && nothing.stdout.contains("No identity was saved"))
    }
}
