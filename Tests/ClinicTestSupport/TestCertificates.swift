import Foundation

/// A certificate authority made for one test with `openssl`, and a server certificate it
/// signed for 127.0.0.1: what a clinic's own server with its own CA looks like.
public struct TestCertificateAuthority: Sendable {
    /// The CA's certificate (PEM): what a client is told to trust.
    public let certificate: URL
    /// A folder holding only `certificate`, for the settings that name a folder.
    public let folder: URL
    /// The server's certificate (PEM), for 127.0.0.1, signed by the CA.
    public let serverCertificate: URL
    public let serverKey: URL

    public static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    /// Makes the CA and the server's certificate in `folder` (ECDSA P-256, valid two days).
    public init(in folder: URL, name: String = "Clinic Test CA") throws {
        let base = folder.appendingPathComponent("tls-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        self.folder = base.appendingPathComponent("ca-folder")
        try FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
        certificate = base.appendingPathComponent("ca.pem")
        serverCertificate = base.appendingPathComponent("server.pem")
        serverKey = base.appendingPathComponent("server.key")
        let caKey = base.appendingPathComponent("ca.key").path
        let request = base.appendingPathComponent("server.csr").path
        let extensions = base.appendingPathComponent("server.ext")
        // mbedTLS 2.28 (libgit2's TLS) matches an address against DNS names only: both are given.
        try Data(
            """
            subjectAltName=DNS:127.0.0.1,IP:127.0.0.1,DNS:localhost
            basicConstraints=CA:FALSE
            keyUsage=digitalSignature
            extendedKeyUsage=serverAuth

            """.utf8
        ).write(to: extensions)
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Self.openssl(
            ["req", "-x509"] + curve + [
                "-keyout", caKey, "-out", certificate.path, "-days", "2", "-subj", "/CN=\(name)",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        try Self.openssl(["req"] + curve + ["-keyout", serverKey.path, "-out", request, "-subj", "/CN=127.0.0.1"])
        try Self.openssl([
            "x509", "-req", "-in", request, "-CA", certificate.path, "-CAkey", caKey, "-CAcreateserial",
            "-out", serverCertificate.path, "-days", "2", "-extfile", extensions.path,
        ])
        try FileManager.default.copyItem(at: certificate, to: self.folder.appendingPathComponent("clinic-ca.pem"))
    }

    private static func openssl(_ arguments: [String]) throws { try runTestTool("/usr/bin/openssl", arguments) }
}
