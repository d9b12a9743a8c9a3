import ClinicProcess
import Foundation

/// How a hook's process ended.
public typealias HookExit = ProgramExit

/// A deploy hook or notifier: run by `ProgramRun` with no arguments, the event as its
/// input, and what it prints bounded by `HookOutputLimit`.
struct HookProcess {
    var executable: URL
    var environment: [String: String]
    var workingDirectory: URL?
    var timeout: Duration
    var killGrace: Duration

    func run(input: Data, output: (String) -> Void) throws -> HookExit {
        // A deploy hook chosen by the reviewed revision, run directly (no shell);
        // clinicctl itself speaks Git through libgit2 only.
        var shown = HookOutputLimit()
        let program = ProgramRun(
            executable, environment: environment, workingDirectory: workingDirectory, timeout: timeout, killGrace: killGrace)
        let outcome = try program.run(input: input, output: { line in shown.take(line).map(output) }, note: output)
        shown.finish().forEach(output)
        if outcome.outputLeftOpen {
            output("(a process it left running outside its process group still holds its output open; not waited for)")
        }
        return outcome.exit
    }
}
