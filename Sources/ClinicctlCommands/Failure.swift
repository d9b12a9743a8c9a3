import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// The one place an error leaves clinicctl: one `error:` line, the findings
/// under it (each already says its own severity), and the exit code.
///
/// Exit codes: 1 for a refusal or invalid content, 64 for a usage error, 3 when an approval
/// reached the server but the server's publish failed (`review approve`, `sync`).
/// ArgumentParser's own errors (usage, help, `ExitCode`) keep its handling,
/// which shows the failing subcommand's usage line.
enum Failure {
    static let usage: Int32 = 64
    /// The approval stands on the server; its post-receive could not publish it.
    static let serverCouldNotPublish: Int32 = 3

    /// Says what went wrong on standard error and returns the exit code.
    static func code(for error: any Error) -> Int32 {
        if let error = error as? WorkflowError {
            report(error.said, findings: error.findings)
            return error.code == .usage ? usage : 1
        }
        if isArgumentParsers(error) { return argumentParsers(error) }
        // Ours (PublishError, BundleWriteError, WebhookError) and Foundation's (a file that cannot be written).
        report((error as? LocalizedError)?.errorDescription ?? error.localizedDescription, findings: [])
        return 1
    }

    /// ArgumentParser's own message and exit code, with its `Error:` written
    /// `error:` like every other error of clinicctl. Help and version go to
    /// standard output, as ArgumentParser prints them.
    static func argumentParsers(_ error: any Error) -> Int32 {
        let code = Clinicctl.exitCode(for: error)
        let message = Clinicctl.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
        } else if message.hasPrefix("Error: ") {
            printError("error: " + message.dropFirst("Error: ".count) + "\n")
        } else if !message.isEmpty {
            printError(message + "\n")
        }
        return code.rawValue
    }

    /// Help, `ExitCode`, a usage error: ArgumentParser prints them itself, with the
    /// subcommand's usage. Its help request arrives as an internal type, hence the module check.
    static func isArgumentParsers(_ error: any Error) -> Bool {
        error is ExitCode || error is CleanExit || error is ValidationError
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    static func report(_ message: String, findings: [Finding]) {
        let text = message.hasPrefix("error: ") ? String(message.dropFirst("error: ".count)) : message
        // What each finding is about in the user's words first, then where it is in the files.
        let lines = ["error: " + text] + findings.ordered.flatMap { ["  \($0.subject): \($0.message)", $0.compilerStyle] }
        Output.note(lines.joined(separator: "\n"))
    }
}
