import Foundation
import Testing

/// `make demo` runs in the suite, so the main job cannot rot.
@Suite("make demo")
struct DemoTests {
    @Test("the demo story runs to the end and leaves a published bundle")
    func demoRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/bin/bash"), [packageRoot.appendingPathComponent("Tests/demo/demo.sh").path], in: packageRoot,
            environment: ["DEMO_DIR": folder.path, "CLINICCTL": clinicctlBinary.path], stdin: nil)
        #expect(run.status == 0, "stdout:\n\(run.stdout)\nstderr:\n\(run.stderr)")
        #expect(run.stdout.contains("demo: done"))
        #expect(run.stdout.contains("Approved draft faq-do-you-take-insurance"))
        let bundle = folder.appendingPathComponent("webroot/current/bundle.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundle)) as? [String: Any])
        let faq = try #require(json["faq"] as? [[String: Any]])
        #expect(faq.count == 11)
        let repo = Sandbox.Witness(repo: folder.appendingPathComponent("repo"))
        #expect(try repo.git(["rev-parse", "refs/clinicctl/deployed"]) == (try repo.git(["rev-parse", "main"])))
    }
}

extension Sandbox {
    /// `git` in a repository the test did not make with a Sandbox.
    struct Witness {
        let repo: URL
        func git(_ arguments: [String]) throws -> String {
            let run = try Sandbox.execute(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: repo, environment: [:], stdin: nil)
            return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
