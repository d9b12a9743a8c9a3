import Foundation
import Testing

/// What clinicctl loads when it starts: the networking libraries only the
/// webhook needs stay in clinicctl-webhook, installed beside it.
@Suite("start-up")
struct StartupTests {
    /// The shared libraries `ldd` says `program` loads.
    func linkedLibraries(_ program: URL) throws -> String {
        let run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"), ["ldd", program.path], in: program.deletingLastPathComponent(), environment: [:],
            stdin: nil)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test("clinicctl starts without FoundationNetworking, libcurl and what curl brings; clinicctl-webhook beside it has them")
    func networkingStaysInTheWebhookProgram() throws {
        let clinicctl = try linkedLibraries(clinicctlBinary)
        for library in ["libFoundationNetworking", "libcurl", "libgnutls", "libldap", "libnghttp2"] {
            #expect(!clinicctl.contains(library), "clinicctl loads \(library)")
        }
        let webhook = try linkedLibraries(clinicctlBinary.deletingLastPathComponent().appendingPathComponent("clinicctl-webhook"))
        #expect(webhook.contains("libcurl") || webhook.contains("libFoundationNetworking"), "\(webhook)")
    }

    @Test("without clinicctl-webhook beside it, deploy webhook says what is missing and how to install it")
    func missingWebhookProgramIsNamed() throws {
        let box = try Sandbox()
        let alone = box.root.appendingPathComponent("bin/clinicctl")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: clinicctlBinary, to: alone)
        let body = box.root.appendingPathComponent("manifest.json")
        try Data("{}".utf8).write(to: body)
        let send = try Sandbox.execute(
            alone, ["deploy", "webhook", "--url", "http://127.0.0.1:9/hook", "--secret-env", "HOOK_SECRET", "--file", body.path],
            in: box.repo, environment: ["HOOK_SECRET": "s3cret"], stdin: nil)
        #expect(send.status == 1)
        #expect(send.stderr.contains("error: clinicctl-webhook is not installed next to clinicctl"), "\(send.stderr)")
        #expect(send.stderr.contains("make install"))
    }
}
