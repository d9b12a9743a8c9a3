import ClinicTestSupport
import Foundation
import Testing

/// Issue 24: three computers editing drafts and syncing in a random order converge to the same
/// drafts, with no edit lost, none applied twice, and an undone edit never back (a property test
/// with fixed seeds, over `git daemon` with the server's hooks).
@Suite("Team: three clones converge")
struct TeamSyncConvergenceTests {
    /// One step of the random run, for the failure message.
    struct Step: CustomStringConvertible {
        var clone: Int
        var words: String
        var description: String { "clone \(clone): \(words)" }
    }

    @Test(arguments: [UInt64(20_261_207), 7_102_026])
    func randomEditsAndSyncsConverge(seed: UInt64) throws {
        let team = try makeGuardedTeam()
        let box = team.box
        let people = [Sandbox.manager, Sandbox.reviewer, Sandbox.secondReviewer]
        let clones = try people.enumerated().map { index, person in try team.clone("clone\(index)", as: person).0 }
        var random = SeededRandom(state: seed)
        var added: [String] = []
        var undone: Set<String> = []
        var steps: [Step] = []

        func drafts(_ index: Int) throws -> [String] {
            try box.git(["for-each-ref", "--format=%(refname:lstrip=3)", "refs/heads/drafts/"], in: clones[index]).stdout
                .split(separator: "\n").map(String.init)
        }
        for number in 0..<18 {
            let index = Int(random.next() % 3)
            let roll = random.next() % 10
            let known = try drafts(index)
            if roll < 4 || (roll < 7 && known.isEmpty) {
                let question = "Convergence question \(number)?"
                var arguments = ["faq", "add", "--question", question, "--answer", "Yes."]
                if roll >= 2, !known.isEmpty { arguments += ["--draft", known[Int(random.next() % UInt64(known.count))]] }
                let run = try box.clinicctl(arguments, as: people[index], in: clones[index])
                #expect(run.status == 0, "\(steps) \(arguments): \(run.stderr)")
                added.append(question)
                steps.append(Step(clone: index, words: arguments.suffix(from: 2).joined(separator: " ")))
            } else if roll == 7, index == 0, let draft = known.first {
                // Only the office undoes, so no two computers rewrite one draft at once (that is kept as a conflict draft).
                let last = try box.git(["log", "-1", "--format=%s", "drafts/\(draft)"], in: clones[0]).stdout
                let run = try box.clinicctl(["draft", "undo", draft], as: people[0], in: clones[0])
                if run.status == 0, let question = added.first(where: { last.contains($0) }) { undone.insert(question) }
                steps.append(Step(clone: 0, words: "undo \(draft) (\(last.trimmingCharacters(in: .whitespacesAndNewlines)))"))
            } else {
                let run = try box.clinicctl(["sync"], as: people[index], in: clones[index])
                #expect(run.status == 0, "\(steps) sync: \(run.stdout) \(run.stderr)")
                steps.append(Step(clone: index, words: "sync"))
            }
        }
        for round in 0..<2 {
            for index in clones.indices {
                let run = try box.clinicctl(["sync"], as: people[index], in: clones[index])
                #expect(run.status == 0, "final round \(round), clone \(index): \(run.stdout) \(run.stderr)")
            }
        }

        // The same drafts at the same tips everywhere, the server's included.
        let tips = try clones.map {
            try box.git(["for-each-ref", "--format=%(refname:lstrip=2) %(objectname)", "refs/heads/drafts/"], in: $0).stdout
        }
        let server = try box.git([
            "--git-dir", box.repo.path, "for-each-ref", "--format=%(refname:lstrip=2) %(objectname)", "refs/heads/drafts/",
        ])
        #expect(Set(tips).count == 1 && tips[0] == server.stdout, "\(steps)\n\(tips)\nserver:\n\(server.stdout)")
        // Each question added is in exactly one draft, once; an undone one in none.
        var found: [String: Int] = [:]
        for draft in try drafts(0) {
            let files = try box.git(["grep", "-l", "-F", "Convergence question", "drafts/\(draft)", "--", "content/faq"], in: clones[0])
                .stdout
            for file in files.split(separator: "\n") {
                let text = try box.git(["show", String(file)], in: clones[0]).stdout
                for question in added where text.contains(question) { found[question, default: 0] += 1 }
            }
        }
        for question in added {
            #expect(found[question, default: 0] == (undone.contains(question) ? 0 : 1), "\(question): \(steps)")
        }
    }
}
