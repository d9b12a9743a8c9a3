import Foundation
import Testing

/// One case of the bad-input corpus (Tests/ClinicctlTests/BadInput/*.json).
///
/// Either files committed with plain Git (then `arguments`, by default
/// `validate`, runs over them) or a command line alone; then the outcome.
struct BadInputCase: Decodable {
    var about: String
    var arguments: [String]
    /// Exit status; nil means any failure.
    var status: Int32?
    /// Text the output must hold: rule ids, `file:line`, the message's words.
    var expect: [String]
    var refute: [String]?
    /// Who runs it: `manager` (default), `reviewer` or `nobody`.
    var `as`: String?
    var files: [String: String?]?
    var binary: [String: String]?
    var generated: [Generated]?
    var symlinks: [String: String]?
    var submodule: String?
    var executable: [String]?
    var seconds: Double?
    var memoryMB: Int?
    /// Set where clinicctl does not yet give the outcome asked for: then only
    /// "nothing was written" is checked, and the gap is named here.
    var knownGap: String?

    struct Generated: Decodable {
        var path: String
        var head: String
        var `repeat`: String
        var bytes: Int
    }

    var commitsFiles: Bool {
        files?.isEmpty == false || binary != nil || generated != nil || symlinks != nil || submodule != nil || executable != nil
    }

    static let folder = packageRoot.appendingPathComponent("Tests/ClinicctlTests/BadInput")

    static func all() throws -> [(String, BadInputCase)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            (
                String(name.dropLast(5)),
                try JSONDecoder().decode(BadInputCase.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            )
        }
    }
}

@Suite("bad-input corpus")
struct BadInputTests {
    @Test("the corpus holds at least 80 cases, each saying what it is about")
    func corpusSize() throws {
        let cases = try BadInputCase.all()
        #expect(cases.count >= 80)
        for (name, item) in cases { #expect(!item.about.isEmpty && !item.expect.isEmpty, "\(name)") }
    }

    @Test("every case gets its expected outcome and writes nothing")
    func everyCase() throws {
        let box = try Sandbox()
        // A few open drafts, so that a mistyped name has neighbours to suggest.
        for question in ["Parking?", "Parking fees?", "Insurance?", "Wheelchairs?", "Gift cards?", "Children?", "Pets?"] {
            #expect(try box.clinicctl(["faq", "add", "--question", question, "--answer", "Yes."]).status == 0)
        }
        let base = try box.gitOutput(["rev-parse", "HEAD"])
        for (name, item) in try BadInputCase.all() {
            if item.commitsFiles { try commitWithGit(item, in: box) }
            let before = try box.snapshot()
            let started = Date()
            let run = try runMeasured(item, in: box)
            let seconds = Date().timeIntervalSince(started)
            let output = run.run.stdout + run.run.stderr
            if item.knownGap != nil {
                // Only that nothing was written is asserted, below.
            } else if let status = item.status {
                #expect(run.run.status == status, "\(name): exit \(run.run.status), expected \(status): \(output.prefix(600))")
            } else {
                #expect(run.run.status != 0, "\(name): expected a failure: \(output.prefix(600))")
            }
            for text in item.knownGap == nil ? item.expect : [] {
                #expect(output.contains(text), "\(name): no \"\(text)\" in: \(output.prefix(600))")
            }
            for text in item.knownGap == nil ? item.refute ?? [] : [] {
                #expect(!output.contains(text), "\(name): \"\(text)\" in: \(output.prefix(600))")
            }
            #expect(try box.snapshot() == before, "\(name): something was written")
            if let limit = item.seconds { #expect(seconds < limit, "\(name): took \(seconds) s") }
            if let limit = item.memoryMB, let used = run.maxMB { #expect(used < limit, "\(name): used \(used) MB") }
            if item.commitsFiles {
                try box.gitOutput(["reset", "-q", "--hard", base])
                try box.gitOutput(["clean", "-q", "-fdx"])
            }
        }
        try expectSound(box)
    }

    /// Runs the case's command, under /usr/bin/time when a memory bound is asked.
    func runMeasured(_ item: BadInputCase, in box: Sandbox) throws -> (run: Run, maxMB: Int?) {
        let author: String? =
            switch item.as {
            case "reviewer": Sandbox.reviewer
            case "nobody": nil
            default: Sandbox.manager
            }
        guard item.memoryMB != nil else { return (try box.clinicctl(item.arguments, as: author), nil) }
        var environment = [String: String]()
        if let author { environment["CLINICCTL_AUTHOR"] = author }
        var run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/time"), ["-f", "maxrss-kb=%M", clinicctlBinary.path] + item.arguments, in: box.repo,
            environment: environment, stdin: nil)
        let marker = run.stderr.range(of: "maxrss-kb=", options: .backwards)
        let kilobytes = marker.flatMap { Int(run.stderr[$0.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let marker { run.stderr = String(run.stderr[..<marker.lowerBound]) }
        return (run, kilobytes.map { $0 / 1024 })
    }

    /// Writes the case's files and commits them with plain Git, as someone
    /// editing the repository by hand would.
    func commitWithGit(_ item: BadInputCase, in box: Sandbox) throws {
        let manager = FileManager.default
        func url(_ path: String) throws -> URL {
            let url = box.repo.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return url
        }
        for (path, text) in item.files ?? [:] { if let text { try Data(text.utf8).write(to: url(path)) } }
        for (path, base64) in item.binary ?? [:] { try #require(Data(base64Encoded: base64)).write(to: url(path)) }
        for generated in item.generated ?? [] {
            var data = Data(generated.head.utf8)
            let unit = Data(generated.repeat.utf8)
            data.reserveCapacity(generated.bytes + unit.count)
            while data.count < generated.bytes { data.append(unit) }
            try data.write(to: url(generated.path))
        }
        for (path, target) in item.symlinks ?? [:] { try manager.createSymbolicLink(atPath: url(path).path, withDestinationPath: target) }
        for path in item.executable ?? [] { try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url(path).path) }
        try box.gitOutput(["add", "-A"])
        if let submodule = item.submodule {
            let someCommit = try box.gitOutput(["rev-parse", "HEAD"])
            try box.gitOutput(["update-index", "--add", "--cacheinfo", "160000,\(someCommit),\(submodule)"])
        }
        try box.gitOutput(["-c", "user.name=Hand Editor", "-c", "user.email=hand@clinic.example", "commit", "-q", "-m", "by hand"])
    }
}
