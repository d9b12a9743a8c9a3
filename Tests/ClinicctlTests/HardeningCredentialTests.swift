import ClinicTestSupport
import Foundation
import Testing

/// Where a redirecting server sends clinicctl: another loopback host, or another port of the same host.
enum RedirectTarget: String, CaseIterable, Sendable {
    case anotherHost, anotherPort
    var address: String { self == .anotherHost ? "127.0.0.2" : "127.0.0.1" }
}

/// Where the secret comes from: CLINICCTL_TOKEN, or a password written in the address.
enum SecretSource: String, CaseIterable, Sendable {
    case token, passwordInAddress
}

/// Credentials go only where they were meant for (issue 22, item 4).
@Suite(
    "hardening: credentials go only where they were meant for",
    .enabled(if: RecordingHTTPServer.available && TeamHTTPServer.available, "needs git-http-backend and python3: make test-deps"))
struct HardeningCredentialTests {
    static let secret = "clinic-secret-5e8d"

    /// What a redirect refusal must say: both servers, and that no credentials went there.
    private func expectRefusal(_ run: Run, from moved: RecordingHTTPServer, to harvester: RecordingHTTPServer, _ target: RedirectTarget) {
        #expect(run.status == 1, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("the server at 127.0.0.1:\(moved.port) redirected clinicctl to"), "\(run.stderr)")
        let named = target == .anotherHost ? "another host, 127.0.0.2" : "127.0.0.1:\(harvester.port)"
        #expect(run.stderr.contains(named), "\(run.stderr)")
        #expect(run.stderr.contains("no credentials were sent there") || run.stderr.contains("none were sent there"), "\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains(Self.secret), "\(run.stdout) \(run.stderr)")
        #expect(harvester.requests.allSatisfy { $0.authorization == nil }, "\(harvester.requests)")
        #expect(!harvester.receivedCredentials.contains { $0.contains(Self.secret) })
    }

    @Test(
        "clone from a server answering 302 to another host or port sends neither CLINICCTL_TOKEN nor the address's password there",
        arguments: RedirectTarget.allCases, SecretSource.allCases)
    func cloneNeverTakesCredentialsElsewhere(_ target: RedirectTarget, _ source: SecretSource) throws {
        let box = try Sandbox()
        let harvester = try RecordingHTTPServer.asking(address: target.address, in: box.root)
        defer { harvester.stop() }
        let moved = try RecordingHTTPServer.redirecting(to: harvester.url, in: box.root)
        defer { moved.stop() }
        let url =
            source == .token
            ? "\(moved.url)/clinic.git" : "http://olivia:\(Self.secret)@127.0.0.1:\(moved.port)/clinic.git"
        let folder = box.root.appendingPathComponent("clone")
        let run = try box.clinicctl(
            ["clone", url, folder.path], in: box.root, environment: ["CLINICCTL_TOKEN": source == .token ? Self.secret : ""])
        expectRefusal(run, from: moved, to: harvester, target)
        #expect(!moved.requests.isEmpty, "clinicctl asked the configured server first")
        #expect(!FileManager.default.fileExists(atPath: folder.path), "a refused clone leaves no folder")
    }

    @Test(
        "sync with a server answering 302 to another host or port sends no token there and changes nothing",
        arguments: RedirectTarget.allCases)
    func syncNeverTakesTheTokenElsewhere(_ target: RedirectTarget) throws {
        let box = try Sandbox(bare: true)
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(["clone", box.repo.path, office.path], in: box.root)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        let harvester = try RecordingHTTPServer.asking(address: target.address, in: box.root)
        defer { harvester.stop() }
        let moved = try RecordingHTTPServer.redirecting(to: harvester.url, in: box.root)
        defer { moved.stop() }
        #expect(try box.git(["remote", "set-url", "origin", "\(moved.url)/clinic.git"], in: office).status == 0)
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        let refs = try box.git(["for-each-ref", "--format=%(refname) %(objectname)"], in: office).stdout

        let run = try box.clinicctl(["sync"], in: office, environment: ["CLINICCTL_TOKEN": Self.secret])
        expectRefusal(run, from: moved, to: harvester, target)
        #expect(run.stderr.components(separatedBy: "redirected clinicctl").count == 2, "said once: \(run.stderr)")
        #expect(try box.git(["for-each-ref", "--format=%(refname) %(objectname)"], in: office).stdout == refs)
    }

    @Test("a password written in the clone address is never printed nor stored; sync then asks for CLINICCTL_TOKEN")
    func aPasswordInTheAddressIsNeverPrintedNorStored() throws {
        let box = try Sandbox(bare: true)
        #expect(try box.clinicctl(["hooks", "install", "--server", "--repo", box.repo.path], in: box.root).status == 0)
        let http = try TeamHTTPServer(serving: box.root, token: Self.secret)
        defer { http.stop() }
        let withPassword = { (path: String) in "http://olivia:\(Self.secret)@127.0.0.1:\(http.port)/\(path)" }
        let noToken = ["CLINICCTL_TOKEN": ""]
        func expectNoSecret(_ run: Run, _ what: String) {
            #expect(!(run.stdout + run.stderr).contains(Self.secret), "\(what): \(run.stdout) \(run.stderr)")
        }

        // A clone that fails names the address without its password.
        let missing = try box.clinicctl(
            ["clone", withPassword("nothere.git"), box.root.appendingPathComponent("x").path], in: box.root, environment: noToken)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("http://olivia@127.0.0.1:\(http.port)/nothere.git"), "\(missing.stderr)")
        expectNoSecret(missing, "clone of a missing repository")

        // A wrong password is refused in words that do not repeat it.
        let wrong = try box.clinicctl(
            ["clone", "http://olivia:wrong-9b2f@127.0.0.1:\(http.port)/repo", box.root.appendingPathComponent("y").path], in: box.root,
            environment: noToken)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("refused the password written in the address"), "\(wrong.stderr)")
        #expect(!(wrong.stdout + wrong.stderr).contains("wrong-9b2f"), "\(wrong.stderr)")

        // The password serves the clone, and nothing under .git keeps it.
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(["clone", withPassword("repo"), office.path], in: box.root, environment: noToken)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(cloned.stdout.contains("used for this clone only and not stored: set CLINICCTL_TOKEN"), "\(cloned.stdout)")
        expectNoSecret(cloned, "clone")
        #expect(try box.git(["config", "remote.origin.url"], in: office).stdout == "http://olivia@127.0.0.1:\(http.port)/repo\n")
        let gitDir = office.appendingPathComponent(".git")
        let files = FileManager.default.enumerator(at: gitDir, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        #expect(files.count > 10)
        let keeping = files.filter { (FileManager.default.contents(atPath: $0.path) ?? Data()).range(of: Data(Self.secret.utf8)) != nil }
        #expect(keeping.isEmpty, "\(keeping.map(\.path))")

        // Without the token, sync says where it must come from; with it, sync works.
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        let bare = try box.clinicctl(["sync"], in: office, environment: noToken)
        #expect(bare.status == 1)
        #expect(bare.stderr.contains("set CLINICCTL_TOKEN") && bare.stderr.contains("never stored"), "\(bare.stderr)")
        let synced = try box.clinicctl(["sync"], in: office, environment: ["CLINICCTL_TOKEN": Self.secret])
        #expect(synced.status == 0, "\(synced.stdout) \(synced.stderr)")
        expectNoSecret(synced, "sync with the token")

        // A password someone wrote into the remote's address by hand is masked in sync's failures.
        #expect(try box.git(["remote", "set-url", "origin", withPassword("nothere.git")], in: office).status == 0)
        let failing = try box.clinicctl(["sync"], in: office, environment: noToken)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("http://olivia:***@127.0.0.1:\(http.port)/nothere.git"), "\(failing.stderr)")
        expectNoSecret(failing, "sync with a password in the remote's address")
    }
}
