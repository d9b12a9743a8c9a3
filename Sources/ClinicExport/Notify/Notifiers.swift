import ClinicWorkflow
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the notifiers, `hooks/notify.d/*`, for the events of a push.
///
/// They are read from the published branch's tip as committed, never from a draft or a
/// working tree, and by the rule of the deploy hooks: executable files directly in the
/// folder, in name order, and one that the change which published the tip added or altered
/// without accepting hooks does not run. Each notifier runs once per event, directly (no
/// shell), with the event as one JSON document on standard input and `CLINICCTL_EVENT`
/// and friends in its environment, stopped after the timeout. Nothing a notifier does
/// changes the push: one that fails, hangs or cannot start is reported, and every other
/// notifier and every other event still runs. Exit 77 says "skipped" (not configured, or
/// not for this event), as for deploy hooks.
public struct Notifiers: Sendable {
    public static let folder = "hooks/notify.d"

    /// The environment notifiers inherit (then CLINICCTL_* and PATH are set on top).
    public var environment: [String: String]
    /// Put first on the notifiers' PATH, so they can call this clinicctl.
    public var toolDirectory: URL?
    /// Between SIGTERM and SIGKILL for a notifier past its timeout.
    public var killGrace: Duration

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        toolDirectory: URL? = Publisher.runningToolDirectory, killGrace: Duration = .seconds(2)
    ) {
        self.environment = environment
        self.toolDirectory = toolDirectory
        self.killGrace = killGrace
    }

    /// The notifiers that run at `revision`, and the names of those that do not (not accepted).
    public static func notifiers(of repository: ContentRepository, at revision: Revision) throws -> (
        run: [CommittedHook], notAccepted: [String]
    ) {
        let notAccepted = Set(try repository.deployments.hooksNotAccepted(in: folder, at: revision))
        let all = try repository.deployments.executableFiles(in: folder, at: revision)
        return (all.filter { !notAccepted.contains($0.name) }, notAccepted.sorted())
    }

    /// Tells every notifier at the published tip about each of `events`, in order.
    /// `output` receives what to show the pusher; nothing here throws.
    @discardableResult
    public func notify(
        _ events: [ClinicEvent], repository: ContentRepository, timeout: Duration, output: (String) -> Void
    ) -> [NotifierRun] {
        guard !events.isEmpty else { return [] }
        let tip: Revision
        let found: (run: [CommittedHook], notAccepted: [String])
        do {
            tip = try repository.publishedRevision()
            found = try Self.notifiers(of: repository, at: tip)
        } catch {
            output("Notifiers not run: \(error.localizedDescription)")
            return []
        }
        for name in found.notAccepted {
            output(
                "Not running notifier \(name): the change that published \(tip.short) added or altered it without accepting hooks (review approve --accept hooks)"
            )
        }
        guard !found.run.isEmpty else { return [] }
        output("Notifying \(found.run.map(\.name).joined(separator: ", ")): \(events.map(Self.label).joined(separator: ", "))")
        let folder: URL
        do {
            folder = try Self.writeOut(found.run)
        } catch {
            output("Notifiers not run: cannot write them out to run (\(error.localizedDescription))")
            return []
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs: [NotifierRun] = []
        for event in events {
            for notifier in found.run {
                let run = self.run(notifier.name, in: folder, event: event, repository: repository, timeout: timeout)
                runs.append(run)
                if run.outcome != .skipped { run.lines.forEach { output("[notify.d/\(notifier.name)] \($0)") } }
                if let failure = run.failureMessage(timeout: timeout) { output(failure) }
            }
        }
        for notifier in found.run {
            let skipped = runs.filter { $0.notifier == notifier.name && $0.outcome == .skipped }
            guard let first = skipped.first else { continue }
            let why = first.lines.first.map { ": " + $0 } ?? ""
            output("notify.d/\(notifier.name) skipped \(skipped.count) of \(events.count) events\(why)")
        }
        return runs
    }

    /// `approved (draft faq-x)`, `deployed (3f2a9c1)`.
    static func label(_ event: ClinicEvent) -> String {
        "\(event.kind.rawValue) (\(event.draft.map { "draft \($0)" } ?? event.revision.short))"
    }

    private func run(_ name: String, in folder: URL, event: ClinicEvent, repository: ContentRepository, timeout: Duration)
        -> NotifierRun
    {
        var lines: [String] = []
        let exit: HookExit
        do {
            let (told, input) = try NotifierInput.document(event)
            let environment = NotifierInput.environment(
                self.environment, event: told, repository: repository, toolDirectory: toolDirectory)
            exit = try Publisher.start(hook: folder.appendingPathComponent(name)) { executable in
                try HookProcess(
                    executable: executable, environment: environment, workingDirectory: repository.deployments.hookWorkingFolder,
                    timeout: timeout, killGrace: killGrace
                ).run(input: input) { lines.append($0) }
            }
        } catch {
            return NotifierRun(notifier: name, event: event, outcome: .couldNotStart(error.localizedDescription), lines: lines)
        }
        return NotifierRun(notifier: name, event: event, outcome: NotifierRun.Outcome(exit), lines: lines)
    }

    /// The notifiers as files to run, in a private folder named after this process, so that
    /// a later run removes it if this one is killed.
    private static func writeOut(_ notifiers: [CommittedHook]) throws -> URL {
        let fm = FileManager.default
        Leftovers.remove(in: fm.temporaryDirectory, markedBy: ["clinicctl-notify-"])
        let folder = fm.temporaryDirectory.appendingPathComponent("clinicctl-notify-\(getpid())-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for notifier in notifiers {
            let file = folder.appendingPathComponent(notifier.name)
            try notifier.contents.write(to: file)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        return folder
    }
}
