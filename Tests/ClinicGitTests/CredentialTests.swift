import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

/// Where a redirecting server sends its client: another loopback host, or another port of
/// the same host (which libgit2 1.5.1 follows even when told to follow no redirect off-site).
enum Elsewhere: String, CaseIterable, Sendable {
    case anotherHost, anotherPort
    var address: String { self == .anotherHost ? "127.0.0.2" : "127.0.0.1" }
}

/// The three calls that talk to a server.
enum NetworkCall: String, CaseIterable, Sendable {
    case clone, fetch, push

    /// Runs the call against `address` with `access`, from a repository made in `scratch`.
    func run(_ address: String, _ access: NetworkAccess, in scratch: URL) throws {
        if self == .clone {
            _ = try Repository.clone(from: address, into: scratch.appendingPathComponent("clone"), branch: nil, access: access)
            return
        }
        let local = scratch.appendingPathComponent("local")
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        _ = try makeGitRepository(in: local, files: ["hours.yaml": "monday: 9-17\n"])
        let repository = try Repository.open(at: local)
        try repository.addRemote("origin", url: address)
        if self == .fetch {
            try repository.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], access: access)
        } else {
            _ = try repository.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], access: access)
        }
    }
}

@Suite(
    "Credentials go only to the server of the configured address",
    .enabled(if: RecordingHTTPServer.available, "needs python3"))
struct CredentialRedirectTests {
    static let token = "redirect-token-7c21"

    /// A server at 127.0.0.1 answers 302 to a second server (another host, or another port),
    /// which asks for credentials and writes down what it gets. With `askingFirst`, the first
    /// server takes the token itself before redirecting: the token was there to be sent.
    @Test(arguments: Elsewhere.allCases, [false, true])
    func aRedirectElsewhereGetsNoCredentialsAndSaysSo(_ elsewhere: Elsewhere, _ askingFirst: Bool) throws {
        for call in NetworkCall.allCases {
            try withScratch { scratch in
                let harvester = try RecordingHTTPServer.asking(address: elsewhere.address, in: scratch)
                defer { harvester.stop() }
                let moved = try RecordingHTTPServer.redirecting(to: harvester.url, askingFirst: askingFirst, in: scratch)
                defer { moved.stop() }
                let access = NetworkAccess(useSSHAgent: false, token: Self.token)

                let error = #expect(throws: GitError.self, "\(call)") { try call.run(moved.url + "/clinic.git", access, in: scratch) }
                #expect(error?.code == .redirect, "\(call): \(String(describing: error))")
                let message = error?.message ?? ""
                #expect(message.contains("the server at 127.0.0.1:\(moved.port) redirected clinicctl to"), "\(call): \(message)")
                let target = elsewhere == .anotherHost ? "another host, 127.0.0.2" : "127.0.0.1:\(harvester.port)"
                #expect(message.contains(target), "\(call): \(message)")
                #expect(message.contains("no credentials were sent there") || message.contains("none were sent there"), "\(message)")

                #expect(!moved.requests.isEmpty, "\(call): the configured server was asked")
                #expect(moved.receivedCredentials == (askingFirst ? ["x-access-token:\(Self.token)"] : []), "\(call)")
                #expect(harvester.requests.allSatisfy { $0.authorization == nil }, "\(call): \(harvester.requests)")
                #expect(!harvester.receivedCredentials.contains { $0.contains(Self.token) }, "\(call)")
            }
        }
    }
}

@Suite("Passwords written in addresses are masked, and never stored")
struct AddressPasswordTests {
    @Test(
        arguments: [
            (
                "clone http://olivia:SECRET@127.0.0.1:8080/clinic.git: unexpected http status code: 404",
                "clone http://olivia:***@127.0.0.1:8080/clinic.git: unexpected http status code: 404"
            ),
            (
                "from 'https://x:tok@a.example/r' and https://y:p%2Fq@b.example",
                "from 'https://x:***@a.example/r' and https://y:***@b.example"
            ),
            ("typed raw: https://olivia:pa/ss@host/x", "typed raw: https://olivia:***@host/x"),
            ("https://olivia:p@ss@host/x", "https://olivia:***@host/x"),
            ("https://olivia:@host/x", "https://olivia:***@host/x"),
            ("already https://olivia:***@host/x", "already https://olivia:***@host/x"),
        ])
    func masksThePasswordOfEveryAddress(_ text: String, _ masked: String) {
        #expect(redactingAddressPasswords(text) == masked)
    }

    @Test(arguments: [
        "ssh://git@git.clinic.example:2222/srv/clinic.git", "olivia@git.clinic.example:srv/clinic.git",
        "https://olivia@host/clinic.git", "http://127.0.0.1:8080/clinic.git", "/srv/clinic.git", "no address here: 3:4",
    ])
    func leavesAddressesWithoutAPasswordAlone(_ text: String) {
        #expect(redactingAddressPasswords(text) == text)
    }

    @Test func aGitErrorNeverCarriesAPassword() {
        let error = GitError(code: .network, operation: "fetch from https://o:SECRET@h/r", message: "at https://o:SECRET@h/r: gone")
        #expect(!error.description.contains("SECRET"))
        #expect(error.description == "fetch from https://o:***@h/r: at https://o:***@h/r: gone")
    }

    @Test func takingThePasswordKeepsTheUserAndDecodesIt() {
        let (url, access) = NetworkAccess(token: "env").takingPassword(from: "https://olivia:p%40ss@git.clinic.example/clinic.git")
        #expect(url == "https://olivia@git.clinic.example/clinic.git")
        #expect(access.token == "p@ss")
        #expect(access.passwordFromAddress)
        for plain in ["https://olivia@git.clinic.example/clinic.git", "olivia@host:clinic.git", "/srv/clinic.git"] {
            let (same, unchanged) = NetworkAccess(token: "env").takingPassword(from: plain)
            #expect(same == plain)
            #expect(unchanged == NetworkAccess(token: "env"))
        }
    }

    /// A password written in the address is sent only to that server, only when it asks, as
    /// the address's user; the error when it is refused does not show it.
    @Test(.enabled(if: RecordingHTTPServer.available, "needs python3"))
    func aPasswordInTheAddressIsTheCredentialAndNeverShown() throws {
        try withScratch { scratch in
            let server = try RecordingHTTPServer.asking(in: scratch)
            defer { server.stop() }
            let secret = "pa%40ss-3d1e"
            let address = "http://olivia:\(secret)@127.0.0.1:\(server.port)/clinic.git"
            let error = #expect(throws: GitError.self) {
                try Repository.clone(
                    from: address, into: scratch.appendingPathComponent("clone"), branch: nil,
                    access: NetworkAccess(useSSHAgent: false, token: "the-environment-token"))
            }
            #expect(error?.code == .authentication)
            let text = error?.description ?? ""
            #expect(text.contains("refused the password written in the address"), "\(text)")
            #expect(!text.contains(secret) && !text.contains("pa@ss"), "\(text)")
            #expect(text.contains("http://olivia@127.0.0.1:\(server.port)/clinic.git"), "\(text)")
            // libgit2 itself first offers the address's user with an empty password; then the password, once.
            #expect(server.receivedCredentials.filter { $0 != "olivia:" } == ["olivia:pa@ss-3d1e"], "\(server.receivedCredentials)")
            #expect(server.requests.first?.authorization == nil, "sent only once the server asked")
        }
    }
}
