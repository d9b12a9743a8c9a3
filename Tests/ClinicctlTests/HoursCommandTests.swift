import Foundation
import Testing

@Suite("clinicctl hours")
struct HoursCommandTests {
    func week(_ box: Sandbox, _ location: String, draft: String) throws -> [String: String] {
        let run = try box.clinicctl(["hours", "show", location, "--draft", draft, "--json"])
        let weeks = try #require(try decodeJSON(run) as? [[String: Any]])
        let days = try #require(weeks.first?["days"] as? [[String: Any]])
        var result: [String: String] = [:]
        for day in days {
            let ranges = (day["ranges"] as? [String]) ?? []
            result[day["day"] as! String] = ranges.isEmpty ? day["status"] as? String : ranges.joined(separator: ",")
        }
        return result
    }

    @Test("hours set accepts people's forms and stores them canonically")
    func setHours() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["hours", "set", "glenview", "sat", "9am-12:30pm", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let week = try week(box, "glenview", draft: "hours-glenview")
        #expect(week["sat"] == "09:00-12:30")
        #expect(week["mon"] == "07:00-19:00")
        let file = try box.show("drafts/hours-glenview", "content/hours/glenview.yaml")
        #expect(file.contains("  - days: [sat]\n    opens: \"09:00\"\n    closes: \"12:30\""))
        #expect(!file.contains("byAppointment"), "setting Saturday's hours replaces its by-appointment rule")
        #expect(try box.gitOutput(["diff", "--name-only", "main", "drafts/hours-glenview"]) == "content/hours/glenview.yaml")
        #expect(
            try box.gitOutput(["log", "-1", "--format=%(trailers:key=Clinic-Change,valueonly)", "drafts/hours-glenview"]) == "hours.set")
    }

    @Test("weekdays, closed days and appointment days")
    func closedAndAppointment() throws {
        let box = try Sandbox()
        #expect(try box.clinicctl(["hours", "set", "the-loop", "weekdays", "08:00-17:00"]).status == 0)
        #expect(try box.clinicctl(["hours", "closed", "the-loop", "fri", "--draft", "hours-the-loop"]).status == 0)
        let appt = try box.clinicctl(["hours", "appointment", "the-loop", "sat", "--note", "Call first", "--draft", "hours-the-loop"])
        #expect(appt.status == 0, "\(appt.stderr)")
        let week = try week(box, "the-loop", draft: "hours-the-loop")
        #expect(week["mon"] == "08:00-17:00" && week["thu"] == "08:00-17:00")
        #expect(week["fri"] == "closed")
        #expect(week["sat"] == "by-appointment")
        #expect(try box.gitOutput(["rev-list", "--count", "main..drafts/hours-the-loop"]) == "3")
    }

    @Test("special hours: closed range of dates, then removed")
    func specialHours() throws {
        let box = try Sandbox()
        let add = try box.clinicctl(["hours", "special", "add", "the-loop", "2026-12-24..2026-12-26", "--closed", "--reason", "Christmas"])
        #expect(add.status == 0, "\(add.stderr)")
        let file = try box.show("drafts/hours-the-loop", "content/hours/the-loop.yaml")
        #expect(file.contains("special:\n  - from: \"2026-12-24\"\n    through: \"2026-12-26\"\n    closed: true\n    reason: Christmas"))
        // The whole closure goes when its dates are given (one day alone splits it: DefaultsTests).
        let remove = try box.clinicctl(["hours", "special", "remove", "the-loop", "2026-12-24..2026-12-26", "--draft", "hours-the-loop"])
        #expect(remove.status == 0, "\(remove.stderr)")
        #expect(!(try box.show("drafts/hours-the-loop", "content/hours/the-loop.yaml")).contains("special"))
    }

    @Test("8-5 is 08:00-17:00; a range ending before it starts is refused unless --overnight, which the output says")
    func overnight() throws {
        let box = try Sandbox()
        let bare = try box.clinicctl(["hours", "set", "the-loop", "sat", "8-5"])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(try week(box, "the-loop", draft: "hours-the-loop")["sat"] == "08:00-17:00")
        #expect(!(try box.show("drafts/hours-the-loop", "content/hours/the-loop.yaml")).contains("overnight"))

        let tipBefore = try box.gitOutput(["rev-parse", "drafts/hours-the-loop"])
        let reversed = try box.clinicctl(["hours", "set", "the-loop", "sun", "12pm-8am", "--draft", "hours-the-loop"])
        #expect(reversed.status == 64)
        #expect(reversed.stderr.contains("\"12pm-8am\" reads as 12:00-08:00, which ends at or before it starts"), "\(reversed.stderr)")
        #expect(reversed.stderr.contains("--overnight"))
        #expect(try box.gitOutput(["rev-parse", "drafts/hours-the-loop"]) == tipBefore, "a refused range changes nothing")

        let night = try box.clinicctl(["hours", "set", "the-loop", "sun", "22:00-06:00", "--overnight", "--draft", "hours-the-loop"])
        #expect(night.status == 0, "\(night.stderr)")
        #expect(night.stdout.contains("Sun: \"closed\" → \"22:00-06:00 (overnight: closes next day at 06:00)\""), "\(night.stdout)")
        #expect(
            try box.show("drafts/hours-the-loop", "content/hours/the-loop.yaml").contains(
                "opens: \"22:00\"\n    closes: \"06:00\"\n    overnight: true"))
        let review = try box.clinicctl(["review", "show", "hours-the-loop"], as: Sandbox.reviewer)
        #expect(review.stdout.contains("22:00-06:00 (overnight: closes next day at 06:00)"), "\(review.stdout)")
    }
}
