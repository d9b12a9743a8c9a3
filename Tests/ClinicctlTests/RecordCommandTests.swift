import Foundation
import Testing

@Suite("clinicctl location, social, clinic")
struct RecordCommandTests {
    @Test("location add, edit and list")
    func locationAddEdit() throws {
        let box = try Sandbox()
        let add = try box.clinicctl([
            "location", "add", "evanston", "--label", "Evanston", "--street", "1603 Orrington Ave", "--street", "Suite 200",
            "--city", "Evanston", "--state", "il", "--zip", "60201", "--phone", "(847) 555-0100",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try box.gitOutput(["diff", "--name-status", "main", "drafts/location-evanston"]) == "A\tcontent/locations/evanston.yaml")
        let edit = try box.clinicctl(["location", "edit", "evanston", "--zip", "60201-4455", "--draft", "location-evanston"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let shown = try #require(
            try decodeJSON(try box.clinicctl(["location", "show", "evanston", "--draft", "location-evanston", "--json"])) as? [String: Any])
        #expect(shown["zip"] as? String == "60201-4455")
        #expect(shown["state"] as? String == "IL")
        #expect(shown["phone"] as? String == "+18475550100")
        #expect(shown["street"] as? [String] == ["1603 Orrington Ave", "Suite 200"])
    }

    @Test("location remove is refused while hours refer to it; --cascade removes both files")
    func locationRemove() throws {
        let box = try Sandbox()
        let before = try box.snapshot()
        let refused = try box.clinicctl(["location", "remove", "glenview"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("still has opening hours"))
        #expect(try box.snapshot() == before)
        let cascade = try box.clinicctl(["location", "remove", "glenview", "--cascade"])
        #expect(cascade.status == 0, "\(cascade.stderr)")
        #expect(
            try box.gitOutput(["diff", "--name-status", "main", "drafts/location-remove-glenview"])
                == "D\tcontent/hours/glenview.yaml\nD\tcontent/locations/glenview.yaml")
    }

    @Test("social add, replace and remove")
    func social() throws {
        let box = try Sandbox()
        let add = try box.clinicctl(["social", "add", "facebook", "https://www.facebook.com/jasonthept", "--handle", "jasonthept"])
        #expect(add.status == 0, "\(add.stderr)")
        let dup = try box.clinicctl(["social", "add", "instagram", "https://www.instagram.com/other"])
        #expect(dup.status == 1 && dup.stderr.contains("--replace"))
        let replace = try box.clinicctl([
            "social", "add", "instagram", "https://www.instagram.com/other", "--replace", "--draft", "social-facebook",
        ])
        #expect(replace.status == 0, "\(replace.stderr)")
        let remove = try box.clinicctl(["social", "remove", "tiktok", "--draft", "social-facebook"])
        #expect(remove.status == 0, "\(remove.stderr)")
        let links = try #require(
            try decodeJSON(try box.clinicctl(["social", "list", "--draft", "social-facebook", "--json"])) as? [[String: Any]])
        #expect(links.compactMap { $0["network"] as? String } == ["x", "linkedin", "instagram", "facebook"])
        #expect(links.first { $0["network"] as? String == "instagram" }?["url"] as? String == "https://www.instagram.com/other")
    }

    @Test("clinic set stores the phone in E.164 and keeps the clinic's display form")
    func clinicSet() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["clinic", "set", "--phone", "773.999.9826", "--website", "https://jasonthept.example"])
        #expect(run.status == 0, "\(run.stderr)")
        let clinic = try #require(try decodeJSON(try box.clinicctl(["clinic", "show", "--draft", "clinic", "--json"])) as? [String: Any])
        #expect(clinic["phone"] as? String == "+17739999826")
        #expect(clinic["phoneDisplay"] as? String == "773.999.9826")
        #expect(clinic["website"] as? String == "https://jasonthept.example")
    }
}
