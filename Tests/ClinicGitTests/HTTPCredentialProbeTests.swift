import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

@Suite(
    "https credentials go only when the server asks, and never as an empty password",
    .enabled(if: GitHTTPServer.available && TestCertificateAuthority.available, "needs python3, git-http-backend and openssl"))
struct HTTPCredentialProbeTests {
    static let token = "probe-token-93d0"

    /// The address names the user (`https://olivia@host/…`, as a clone made from
    /// `https://olivia:PASSWORD@host/…` stores it): libgit2 1.5.1 alone sends that user with an
    /// empty password first on every connection, a failed login in Apache's log each time.
    @Test("a clone+sync with the user in the address: no empty password, no failed login, one 401 per connection at most")
    func noEmptyPasswordProbe() throws {
        try withScratch { scratch in
            let authority = try TestCertificateAuthority(in: scratch)
            let server = try GitHTTPServer(
                serving: try servedRepositories(in: scratch), token: Self.token, authority: authority, logIn: scratch)
            defer { server.stop() }
            var access = NetworkAccess(useSSHAgent: false, token: Self.token)
            access.certificateVariables = ["GIT_SSL_CAINFO": authority.certificate.path]
            let address = server.url("clinic.git", user: "olivia")
            let clone = try cloneAndSync(address, access, in: scratch)
            #expect(try clone.remoteURL("origin") == address, "the address is stored as written")

            let requests = server.requests
            #expect(requests.count >= 6, "\(requests)")
            #expect(requests.allSatisfy { $0.credentials == nil || $0.credentials == "olivia:\(Self.token)" }, "\(requests)")
            #expect(!requests.contains { $0.credentials?.hasSuffix(":") == true }, "an empty password was sent: \(requests)")
            #expect(requests.filter(\.failedLogin).isEmpty, "failed logins: \(requests.filter(\.failedLogin))")
            let unauthorized = Dictionary(grouping: requests.filter { $0.status == 401 }, by: \.connection)
            #expect(unauthorized.values.allSatisfy { $0.count <= 1 }, "\(requests)")
            #expect(requests.contains { $0.method == "POST" && $0.path.hasSuffix("git-receive-pack") && $0.status == 200 })
        }
    }

    @Test("without a token, nothing is sent and the message says to set CLINICCTL_TOKEN")
    func nothingToOffer() throws {
        try withScratch { scratch in
            let server = try GitHTTPServer(serving: try servedRepositories(in: scratch), token: Self.token, logIn: scratch)
            defer { server.stop() }
            let error = #expect(throws: GitError.self) {
                try Repository.clone(
                    from: server.url("clinic.git", user: "olivia"), into: scratch.appendingPathComponent("clone"), branch: nil,
                    access: NetworkAccess(useSSHAgent: false))
            }
            #expect(error?.code == .authentication)
            #expect(error?.message.contains("CLINICCTL_TOKEN") == true, "\(String(describing: error))")
            #expect(server.requests.allSatisfy { $0.authorization == nil }, "\(server.requests)")
        }
    }

    /// A 401 whose body ends where the connection does (no Content-Length, `Connection: close`)
    /// is valid HTTP/1.1. libgit2 1.5.1 skips a 401's body before asking for credentials
    /// (`git_http_client_skip_body`), and its `client_read_and_parse` takes the end of the
    /// connection for an error ("unexpected EOF") even when the parser has just completed the
    /// message on it. That is inside libgit2's HTTP client; nothing a caller sets changes it.
    @Test("a 401 that ends at connection close is read as a 401")
    func closeDelimitedUnauthorized() throws {
        try withScratch { scratch in
            let authority = try TestCertificateAuthority(in: scratch)
            let server = try GitHTTPServer(
                serving: try servedRepositories(in: scratch), token: Self.token, authority: authority, closingUnauthorized: true,
                logIn: scratch)
            defer { server.stop() }
            var access = NetworkAccess(useSSHAgent: false, token: Self.token)
            access.certificateVariables = ["GIT_SSL_CAINFO": authority.certificate.path]
            let clone = { () throws -> Void in
                _ = try Repository.clone(
                    from: server.url("clinic.git"), into: scratch.appendingPathComponent("clone"), branch: nil, access: access)
            }
            try withKnownIssue(
                "libgit2 1.5.1 reads a close-delimited 401 body as 'unexpected EOF' (docs/team.md)", clone,
                matching: { issue in (issue.error as? GitError)?.message.contains("unexpected EOF") == true })
            #expect(server.requests.first?.status == 401, "the server did answer 401 first: \(server.requests)")
        }
    }
}
