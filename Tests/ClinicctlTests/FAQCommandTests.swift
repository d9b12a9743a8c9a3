import Foundation
import Testing

@Suite("clinicctl faq")
struct FAQCommandTests {
    @Test("faq add opens a draft with one commit: author, message, trailers and exactly one new file")
    func addOpensDraft() throws {
        let box = try Sandbox()
        let mainBefore = try box.gitOutput(["rev-parse", "main"])
        let statusBefore = try box.gitOutput(["status", "--porcelain"])
        let run = try box.clinicctl([
            "faq", "add", "--question", "Do you take insurance?", "--answer", "Yes, most **major** plans.", "--json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try decodeJSON(run) as? [String: Any])
        #expect(result["draft"] as? String == "faq-do-you-take-insurance")
        #expect(result["createdDraft"] as? Bool == true)

        let draft = "drafts/faq-do-you-take-insurance"
        #expect(try box.gitOutput(["log", "-1", "--format=%an <%ae>", draft]) == Sandbox.manager)
        #expect(try box.gitOutput(["log", "-1", "--format=%s", draft]) == "FAQ: add \"Do you take insurance?\"")
        #expect(try box.gitOutput(["log", "-1", "--format=%(trailers:key=Clinic-Change,valueonly)", draft]) == "faq.add")
        #expect(try box.gitOutput(["log", "-1", "--format=%(trailers:key=Clinic-Entry,valueonly)", draft]) == "faq/do-you-take-insurance")
        #expect(try box.gitOutput(["diff", "--name-status", "main", draft]) == "A\tcontent/faq/do-you-take-insurance.md")
        #expect(try box.gitOutput(["rev-parse", "\(draft)~1"]) == mainBefore)
        #expect(try box.gitOutput(["rev-parse", "main"]) == mainBefore, "an edit never touches the published branch")
        #expect(try box.gitOutput(["status", "--porcelain"]) == statusBefore, "an edit never touches the working tree or index")
        #expect(try box.git(["fsck", "--strict"]).status == 0)

        let file = try box.show(draft, "content/faq/do-you-take-insurance.md")
        #expect(file.contains("position: 110"))
        #expect(file.hasSuffix("Yes, most **major** plans."))

        let shown = try box.clinicctl(["faq", "show", "do-you-take-insurance", "--draft", "faq-do-you-take-insurance", "--json"])
        let entry = try #require(try decodeJSON(shown) as? [String: Any])
        #expect((entry["question"] as? [String: String])?["en"] == "Do you take insurance?")
        #expect(entry["category"] as? String == "trigger-point-dry-needling")
    }

    @Test("a second edit with --draft lands in the same draft")
    func twoEditsOneDraft() throws {
        let box = try Sandbox()
        try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."])
        let second = try box.clinicctl([
            "faq", "edit", "is-the-procedure-painful", "--answer", "Usually not.", "--draft", "faq-do-you-take-insurance",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Added to draft faq-do-you-take-insurance"))
        #expect(try box.gitOutput(["rev-list", "--count", "main..drafts/faq-do-you-take-insurance"]) == "2")
        #expect(
            try box.gitOutput(["diff", "--name-only", "drafts/faq-do-you-take-insurance~1", "drafts/faq-do-you-take-insurance"])
                == "content/faq/is-the-procedure-painful.md")
        #expect(
            try box.gitOutput(["for-each-ref", "--format=%(refname)", "refs/heads/drafts/"])
                == "refs/heads/drafts/faq-do-you-take-insurance")
    }

    @Test("ids collide into a numeric suffix; --id sets one; an explicit taken id is refused")
    func idCollision() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["faq", "add", "--question", "What is dry needling?", "--answer", "Again.", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try box.gitOutput(["diff", "--name-only", "main", "drafts/faq-what-is-dry-needling-2"])
                == "content/faq/what-is-dry-needling-2.md")
        let explicit = try box.clinicctl(["faq", "add", "--question", "Hours?", "--answer", "See below.", "--id", "opening-hours"])
        #expect(explicit.status == 0, "\(explicit.stderr)")
        let taken = try box.clinicctl(["faq", "add", "--question", "X?", "--answer", "Y.", "--id", "what-is-dry-needling"])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("already an FAQ entry"))
    }

    @Test("move places an entry between its neighbours, touching only its own file")
    func moveTouchesOneFile() throws {
        let box = try Sandbox()
        let run = try box.clinicctl([
            "faq", "move", "why-is-my-doctor-not-familiar-with-dry-needling", "--after", "what-is-dry-needling", "--json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let id = try #require((try decodeJSON(run) as? [String: Any])?["draft"] as? String)
        #expect(id.count <= 48 && id.hasPrefix("faq-move-why-is-my-doctor"))
        #expect(
            try box.gitOutput(["diff", "--name-only", "main", "drafts/\(id)"])
                == "content/faq/why-is-my-doctor-not-familiar-with-dry-needling.md")
        let list = try #require(try decodeJSON(try box.clinicctl(["faq", "list", "--draft", id, "--json"])) as? [[String: Any]])
        #expect(
            list.prefix(3).compactMap { $0["id"] as? String } == [
                "what-is-dry-needling", "why-is-my-doctor-not-familiar-with-dry-needling", "is-dry-needling-similar-to-acupuncture",
            ])
        let back = try box.clinicctl(["faq", "move", "what-is-dry-needling", "--position", "5", "--draft", id])
        #expect(back.status == 0, "\(back.stderr)")
    }

    @Test("remove deletes the entry's file; translations edit only the other locale")
    func removeAndTranslate() throws {
        let box = try Sandbox()
        let removed = try box.clinicctl(["faq", "remove", "do-you-use-sterile-needles"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(
            try box.gitOutput(["diff", "--name-status", "main", "drafts/faq-remove-do-you-use-sterile-needles"])
                == "D\tcontent/faq/do-you-use-sterile-needles.md")
        let es = try box.clinicctl([
            "faq", "edit", "what-is-dry-needling", "--locale", "es", "--question", "¿Qué es la punción seca?", "--answer",
            "Es un procedimiento.",
        ])
        #expect(es.status == 0, "\(es.stderr)")
        let shown = try #require(
            try decodeJSON(try box.clinicctl(["faq", "show", "what-is-dry-needling", "--draft", "faq-what-is-dry-needling", "--json"]))
                as? [String: Any])
        #expect((shown["question"] as? [String: String]) == ["en": "What is dry needling?", "es": "¿Qué es la punción seca?"])
    }

    @Test("answer from standard input with --answer-file -")
    func answerFromStdin() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(
            ["faq", "add", "--question", "Parking?", "--answer-file", "-"], stdin: "Free parking\nbehind the building.\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try box.show("drafts/faq-parking", "content/faq/parking.md").hasSuffix("Free parking\nbehind the building."))
    }
}
