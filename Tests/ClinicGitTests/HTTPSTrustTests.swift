import ClinicGit
import ClinicTestSupport
import Foundation
import Testing

/// A folder of served repositories holding `clinic.git`: one commit on main, made by git.
func servedRepositories(in scratch: URL) throws -> URL {
    let seed = scratch.appendingPathComponent("seed")
    try FileManager.default.createDirectory(at: seed, withIntermediateDirectories: true)
    _ = try makeGitRepository(in: seed, files: ["hours.yaml": "monday: 9-17\n"])
    let base = scratch.appendingPathComponent("served")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    try git("clone", "-q", "--bare", seed.path, base.appendingPathComponent("clinic.git").path, in: scratch)
    return base
}

/// A clone+sync as clinicctl does one: clone, commit, push, fetch.
func cloneAndSync(_ url: String, _ access: NetworkAccess, in scratch: URL) throws -> Repository {
    let clone = try Repository.clone(from: url, into: scratch.appendingPathComponent("clone"), branch: "main", access: access)
    try writeFile("hours.yaml", "monday: 8-16\n", in: clone.workingDirectory!)
    try git("-c", "user.name=Olivia", "-c", "user.email=o@example.com", "commit", "-qam", "Change hours", in: clone.workingDirectory!)
    let report = try clone.push(remote: "origin", refspecs: ["refs/heads/main:refs/heads/main"], access: access)
    #expect(report.references.allSatisfy { $0.accepted }, "\(report)")
    try clone.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], access: access)
    return clone
}

@Suite(
    "https trusts the clinic's own certificate authority where git users set it",
    .enabled(if: GitHTTPServer.available && TestCertificateAuthority.available, "needs python3, git-http-backend and openssl"))
struct HTTPSTrustTests {
    static let token = "https-token-51ab"

    /// Each place a git user names the authority; the last two are Git configuration.
    enum Setting: String, CaseIterable, Sendable {
        case GIT_SSL_CAINFO, GIT_SSL_CAPATH, SSL_CERT_FILE, SSL_CERT_DIR
        case httpSslCAInfo = "http.sslCAInfo", httpSslCAPath = "http.sslCAPath"

        var namesFolder: Bool { [.GIT_SSL_CAPATH, .SSL_CERT_DIR, .httpSslCAPath].contains(self) }
        var isConfiguration: Bool { rawValue.hasPrefix("http.") }
    }

    @Test("a clone, push and fetch over https trust the test-made CA named by", arguments: Setting.allCases)
    func trustsTheAuthorityNamedBy(_ setting: Setting) throws {
        try withScratch { scratch in
            let authority = try TestCertificateAuthority(in: scratch)
            let server = try GitHTTPServer(
                serving: try servedRepositories(in: scratch), token: Self.token, authority: authority, logIn: scratch)
            defer { server.stop() }
            let path = setting.namesFolder ? authority.folder.path : authority.certificate.path
            var access = NetworkAccess(useSSHAgent: false, token: Self.token)
            guard setting.isConfiguration else {
                access.certificateVariables = [setting.rawValue: path]
                let clone = try cloneAndSync(server.url("clinic.git"), access, in: scratch)
                #expect(try clone.referenceTarget("refs/remotes/origin/main") == clone.resolveCommit("HEAD"))
                return
            }
            // Git configuration: a repository that names the authority in its own config.
            let local = scratch.appendingPathComponent("local")
            try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
            try git("init", "-q", "-b", "main", in: local)
            try git("config", setting.rawValue, path, in: local)
            let repository = try Repository.open(at: local)
            try repository.addRemote("origin", url: server.url("clinic.git"))
            try repository.fetch(remote: "origin", refspecs: ["+refs/heads/*:refs/remotes/origin/*"], access: access)
            #expect(try repository.referenceTarget("refs/remotes/origin/main") != nil)
        }
    }

    @Test("an unknown certificate is refused, and the message names what to set")
    func refusesAnUnknownCertificate() throws {
        try withScratch { scratch in
            let authority = try TestCertificateAuthority(in: scratch)
            let server = try GitHTTPServer(
                serving: try servedRepositories(in: scratch), token: Self.token, authority: authority, logIn: scratch)
            defer { server.stop() }
            let access = NetworkAccess(useSSHAgent: false, token: Self.token)
            let error = #expect(throws: GitError.self) {
                try Repository.clone(from: server.url("clinic.git"), into: scratch.appendingPathComponent("a"), branch: nil, access: access)
            }
            #expect(error?.code == .certificate, "\(String(describing: error))")
            let message = error?.message ?? ""
            for name in ["GIT_SSL_CAINFO", "GIT_SSL_CAPATH", "http.sslCAInfo", "http.sslCAPath", "SSL_CERT_FILE", "SSL_CERT_DIR"] {
                #expect(message.contains(name), "\(message)")
            }
            #expect(message.contains("127.0.0.1:\(server.port)") && message.contains("not trusted"), "\(message)")
            #expect(message.contains("trusted now: only the system's certificate authorities"), "\(message)")
            #expect(server.requests.isEmpty, "nothing was asked of a server that is not trusted: \(server.requests)")

            // Another authority trusted is not this one: the message says which is.
            let other = try TestCertificateAuthority(in: scratch, name: "Someone Else's CA")
            var trustingOther = access
            trustingOther.certificateVariables = ["GIT_SSL_CAINFO": other.certificate.path]
            let refused = #expect(throws: GitError.self) {
                try Repository.clone(
                    from: server.url("clinic.git"), into: scratch.appendingPathComponent("b"), branch: nil, access: trustingOther)
            }
            #expect(refused?.code == .certificate)
            #expect(
                refused?.message.contains("trusted now: only GIT_SSL_CAINFO (\(other.certificate.path))") == true,
                "\(String(describing: refused))")
        }
    }

    @Test("an authority file that cannot be read is named, before anything is sent")
    func namesAnUnreadableAuthority() throws {
        try withScratch { scratch in
            var access = NetworkAccess(useSSHAgent: false, token: Self.token)
            let missing = scratch.appendingPathComponent("missing-ca.pem").path
            access.certificateVariables = ["SSL_CERT_FILE": missing]
            let error = #expect(throws: GitError.self) {
                try Repository.clone(
                    from: "https://127.0.0.1:9/clinic.git", into: scratch.appendingPathComponent("a"), branch: nil, access: access)
            }
            #expect(error?.code == .certificate)
            #expect(error?.message.contains("SSL_CERT_FILE (\(missing))") == true, "\(String(describing: error))")
        }
    }
}
