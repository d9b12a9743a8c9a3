import ClinicTestSupport
import Foundation
import Testing

@Suite(
    "Team: https with the clinic's own certificate authority, as git users set it",
    .enabled(
        if: GitHTTPServer.available && TestCertificateAuthority.available, "needs git-http-backend, python3 and openssl: make test-deps"))
struct TeamSyncHTTPSTests {
    static let token = "clinic-https-token-2b7e"

    /// The whole way from the process's environment: `clinicctl clone` and `sync` over https,
    /// with a CA made for the test named in GIT_SSL_CAINFO and the user name in the address.
    @Test func cloneAndSyncTrustTheCANamedInTheEnvironmentAndLeaveNoFailedLogin() throws {
        let box = try Sandbox(bare: true)
        let authority = try TestCertificateAuthority(in: box.root)
        let server = try GitHTTPServer(serving: box.root, token: Self.token, authority: authority, logIn: box.root)
        defer { server.stop() }
        let address = server.url("repo", user: "olivia")

        let refused = try box.clinicctl(
            ["clone", address, box.root.appendingPathComponent("refused").path], in: box.root, environment: ["CLINICCTL_TOKEN": Self.token])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is not trusted") && refused.stderr.contains("GIT_SSL_CAINFO"), "\(refused.stderr)")
        #expect(server.requests.isEmpty, "nothing was asked of an untrusted server")

        let environment = ["CLINICCTL_TOKEN": Self.token, "GIT_SSL_CAINFO": authority.certificate.path]
        let office = box.root.appendingPathComponent("office")
        let cloned = try box.clinicctl(["clone", address, office.path], in: box.root, environment: environment)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        #expect(try box.clinicctl(["faq", "add", "--question", "Do you take insurance?", "--answer", "Yes."], in: office).status == 0)
        let sent = try box.clinicctl(["sync"], in: office, environment: environment)
        #expect(sent.status == 0, "\(sent.stdout) \(sent.stderr)")
        #expect(sent.stdout.contains("draft faq-do-you-take-insurance: pushed"), "\(sent.stdout)")
        #expect(try box.clinicctl(["sync"], in: office, environment: environment).status == 0)

        // What Apache's log and fail2ban would see of that clone and two syncs.
        let requests = server.requests
        #expect(requests.count >= 6, "\(requests)")
        #expect(!requests.contains { $0.credentials?.hasSuffix(":") == true }, "an empty password was sent: \(requests)")
        #expect(requests.filter(\.failedLogin).isEmpty, "failed logins: \(requests.filter(\.failedLogin))")
        #expect(requests.allSatisfy { $0.credentials == nil || $0.credentials == "olivia:\(Self.token)" })
        let unauthorized = Dictionary(grouping: requests.filter { $0.status == 401 }, by: \.connection)
        #expect(unauthorized.values.allSatisfy { $0.count <= 1 }, "\(requests)")
    }
}
