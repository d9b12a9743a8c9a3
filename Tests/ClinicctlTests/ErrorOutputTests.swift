import Foundation
import Testing

/// Every error leaves clinicctl the same way: one `error:` line, the findings
/// as their own lines, exit 1 for a refusal and 64 for a usage error.
@Suite("clinicctl errors")
struct ErrorOutputTests {
    @Test("a refused edit says error: once, and each finding is its own line with its own severity")
    func refusedEditHasOnePrefix() throws {
        let box = try Sandbox()
        let run = try box.clinicctl(["faq", "add", "--question", "Is it?", "--answer", "Yes", "--category", "nonexistent"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "error: the change was not saved: it would make the content invalid", "\(run.stderr)")
        #expect(
            lines.contains { $0.hasPrefix("content/faq/is-it.md:") && $0.contains(": error: category \"nonexistent\"") }, "\(run.stderr)")
        #expect(!run.stderr.contains("error: content/"), "a finding is not prefixed a second time: \(run.stderr)")
        #expect(run.stderr.components(separatedBy: "error: the change").count == 2)
    }

    @Test("a failure that is not a workflow error (a bundle that cannot be written) prints one error: line and exits 1")
    func otherErrorsTakeTheSamePath() throws {
        let box = try Sandbox()
        try Data("a file\n".utf8).write(to: box.repo.appendingPathComponent("notdir"))
        let run = try box.clinicctl(["export", "--out", box.repo.appendingPathComponent("notdir").path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Error: "), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }
}
