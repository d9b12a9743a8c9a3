import ClinicTestSupport
import Foundation
import Testing

/// hooks/notify.d/10-mail and 20-webhook, run as `clinicctl hooks post-receive` runs them.
@Suite("Shipped notifiers: a mail through sendmail, a signed webhook")
final class ShippedNotifierTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicctl-notifiers-\(UUID().uuidString)")
    static let rejected = [
        "CLINICCTL_EVENT": "rejected", "CLINICCTL_DRAFT": "faq-can-i-park", "CLINICCTL_TITLE": "FAQ: add \"Can I park?\"",
        "CLINICCTL_BY": "Rita Reviewer <rita@clinic.example>", "CLINICCTL_REASON": "We have no car park.\nTry the garage.",
        "CLINICCTL_REVISION": String(repeating: "ab", count: 20), "CLINICCTL_TIME": "2026-09-21T14:13:20Z",
        "CLINICCTL_REPOSITORY": "/srv/clinic.git",
    ]

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs a notifier; `stdin` only for one that reads it to the end (writing to one that exited would kill the tests).
    func notifier(_ name: String, _ environment: [String: String], stdin: String? = nil) throws -> Run {
        try Sandbox.execute(
            URL(fileURLWithPath: "/bin/sh"), [packageRoot.appendingPathComponent("hooks/notify.d/\(name)").path], in: folder,
            environment: environment, stdin: stdin)
    }

    /// A `sendmail` stand-in first on PATH: it writes its arguments and the message it is given.
    func mailEnvironment(_ extra: [String: String] = [:], sendmailExit: Int = 0) throws -> [String: String] {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = "#!/bin/sh\nprintf '%s\\n' \"$*\" > \"$MAIL_LOG.args\"\ncat > \"$MAIL_LOG\"\nexit \(sendmailExit)\n"
        try Data(script.utf8).write(to: bin.appendingPathComponent("sendmail"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("sendmail").path)
        let mail = [
            "PATH": bin.path + ":/usr/bin:/bin", "MAIL_LOG": mailLog.path, "CLINIC_NOTIFY_MAIL_TO": "Olivia Office <office@clinic.example>",
        ]
        return Self.rejected.merging(mail) { $1 }.merging(extra) { $1 }
    }

    var mailLog: URL { folder.appendingPathComponent("mail.txt") }

    @Test func mailIsOneShortPlainTextMessageThroughSendmail() throws {
        let sent = try notifier("10-mail", try mailEnvironment(["CLINIC_NOTIFY_MAIL_FROM": "Clinic <web@clinic.example>"]))
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout == "mailed rejected to Olivia Office <office@clinic.example>\n")
        #expect(try String(contentsOf: URL(fileURLWithPath: mailLog.path + ".args"), encoding: .utf8) == "-t -i\n")
        let mail = try String(contentsOf: mailLog, encoding: .utf8)
        let (headers, body) = try #require(mail.range(of: "\n\n").map { (mail[..<$0.lowerBound], mail[$0.upperBound...]) })
        #expect(
            headers.split(separator: "\n") == [
                "To: Olivia Office <office@clinic.example>", "From: Clinic <web@clinic.example>",
                "Subject: [clinic] Rejected: FAQ: add \"Can I park?\" (draft faq-can-i-park)", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "X-Clinicctl-Event: rejected",
            ])
        #expect(
            body.contains("Draft:    faq-can-i-park\nTitle:    FAQ: add \"Can I park?\"\nBy:       Rita Reviewer <rita@clinic.example>\n"))
        #expect(body.contains("Time:     2026-09-21T14:13:20Z\n"))
        #expect(body.contains("\nReason:\nWe have no car park.\nTry the garage.\n"))
        #expect(body.contains("To fix it: clinicctl draft reopen faq-can-i-park"))
    }

    @Test func whatAPushCarriesNeverAddsAMailHeader() throws {
        let sent = try notifier("10-mail", try mailEnvironment(["CLINICCTL_TITLE": "Hours\nBcc: everyone@example.com"]))
        #expect(sent.status == 0, "\(sent.stderr)")
        let mail = try String(contentsOf: mailLog, encoding: .utf8)
        let headers = try #require(mail.components(separatedBy: "\n\n").first)
        #expect(!headers.contains("\nBcc:"), "\(headers)")
        #expect(headers.contains("Subject: [clinic] Rejected: Hours Bcc: everyone@example.com (draft faq-can-i-park)"))
    }

    @Test func mailSendsOnlyTheEventsItIsToldTo() throws {
        let filter = ["CLINIC_NOTIFY_MAIL_EVENTS": "approved, rejected"]
        let skipped = try notifier("10-mail", try mailEnvironment(filter.merging(["CLINICCTL_EVENT": "draftPushed"]) { $1 }))
        #expect(skipped.status == 77)
        #expect(skipped.stdout == "skipped: draftPushed is not in CLINIC_NOTIFY_MAIL_EVENTS\n")
        #expect(!FileManager.default.fileExists(atPath: mailLog.path))
        let sent = try notifier("10-mail", try mailEnvironment(filter.merging(["CLINICCTL_EVENT": "approved"]) { $1 }))
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try String(contentsOf: mailLog, encoding: .utf8).contains("Subject: [clinic] Approved: FAQ: add \"Can I park?\""))
    }

    @Test func aMissingOrFailingSendmailIsAClearError() throws {
        let none = folder.appendingPathComponent("no-sendmail").path
        let named = try notifier("10-mail", try mailEnvironment(["CLINIC_NOTIFY_SENDMAIL": none]))
        #expect(named.status == 1)
        #expect(named.stderr == "cannot send mail: CLINIC_NOTIFY_SENDMAIL=\(none) is not an executable program\n")
        let failing = try notifier("10-mail", try mailEnvironment(sendmailExit: 75))
        #expect(failing.status == 1)
        #expect(failing.stderr == "cannot send mail: \(folder.appendingPathComponent("bin/sendmail").path) exited with status 75\n")
        let installed = ["/usr/sbin/sendmail", "/usr/lib/sendmail", "/usr/bin/sendmail", "/bin/sendmail"]
        guard !installed.contains(where: FileManager.default.fileExists(atPath:)) else { return }
        let missing = try notifier("10-mail", try mailEnvironment(["PATH": "/usr/bin:/bin"]))
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("cannot send mail: no sendmail program on PATH (/usr/bin:/bin) nor in /usr/sbin or /usr/lib;"))
    }

    @Test(.enabled(if: RecordingHTTPServer.available))
    func webhookIsSignedAsTheDeployWebhookAndAWrongOrMissingSignatureIsRefused() throws {
        let receiver = try RecordingHTTPServer.checkingSignatures(secret: "s3cret", in: folder)
        let event = #"{"by":{"email":"rita@clinic.example","name":"Rita Reviewer"},"draft":"faq-x","event":"approved"}"# + "\n"
        let environment = [
            "PATH": clinicctlBinary.deletingLastPathComponent().path + ":/usr/bin:/bin", "TMPDIR": folder.path,
            "CLINIC_NOTIFY_WEBHOOK_URL": receiver.url + "/clinic-events", "CLINIC_NOTIFY_WEBHOOK_SECRET": "s3cret",
            "CLINICCTL_EVENT": "approved",
        ]
        let sent = try notifier("20-webhook", environment, stdin: event)
        #expect(sent.status == 0, "\(sent.stdout) \(sent.stderr)")
        #expect(sent.stdout.contains("HTTP 204"))
        let delivered = try #require(receiver.requests.first)
        #expect(delivered.method == "POST" && delivered.path == "/clinic-events" && delivered.event == "approved")
        #expect(delivered.verified == true && delivered.body == event && delivered.signature?.hasPrefix("sha256=") == true)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("clinicctl-notify-event") }
        #expect(left.isEmpty, "the event's file is removed")

        let wrong = try notifier("20-webhook", environment.merging(["CLINIC_NOTIFY_WEBHOOK_SECRET": "guess"]) { $1 }, stdin: event)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("answered HTTP 401: bad signature"), "\(wrong.stderr)")
        let unsigned = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/python3"),
            [
                "-c",
                "import sys, urllib.request, urllib.error\ntry:\n urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b'{}'))\nexcept urllib.error.HTTPError as e:\n print(e.code)",
                receiver.url + "/clinic-events",
            ], in: folder, environment: [:], stdin: nil)
        #expect(unsigned.stdout == "401\n", "\(unsigned.stderr)")
        #expect(receiver.requests.map(\.verified) == [true, false, false])

        let noSecret = try notifier("20-webhook", environment.filter { $0.key != "CLINIC_NOTIFY_WEBHOOK_SECRET" })
        #expect(noSecret.status == 1)
        #expect(noSecret.stderr == "CLINIC_NOTIFY_WEBHOOK_SECRET is not set: refusing to send an unsigned webhook\n")
        #expect(receiver.requests.count == 3, "nothing unsigned was sent")
    }
}
