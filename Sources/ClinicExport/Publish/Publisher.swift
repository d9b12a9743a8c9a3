import ClinicContent
import ClinicProcess
import ClinicWorkflow
import Foundation

/// Exports a revision and runs the deploy hooks that revision carries.
///
/// The hooks are `hooks/publish.d/*` read from the commit being published,
/// never from the working tree, so what runs is what a reviewer approved.
/// Each runs directly (no shell), in name order, with a timeout; the first
/// failure stops the publish. A hook that exits with `skippedStatus` did
/// nothing (say, its destination is not configured); when every hook skipped,
/// the revision was exported but not deployed, and is recorded only in
/// `refs/clinicctl/exported`. Otherwise, when all succeed, the revision is
/// recorded in `refs/clinicctl/deployed`, by compare-and-swap against the
/// value read at the start. The time, the environment and the tool's folder are
/// injected so that tests and the approval flow control them.
public struct Publisher: Sendable {
    public static let hooksDirectory = "hooks/publish.d"
    /// Bundles kept under `<git dir>/clinicctl/bundles/`, newest first.
    public static let bundlesKept = 5
    /// The exit status with which a deploy hook says it skipped (did nothing):
    /// 77, the status Automake's and Meson's test harnesses read as "skipped".
    public static let skippedStatus: Int32 = 77

    /// The environment hooks inherit (then CLINICCTL_* and PATH are set on top).
    public var environment: [String: String]
    /// Put first on the hooks' PATH, so they can call this clinicctl.
    public var toolDirectory: URL?
    /// Between SIGTERM and SIGKILL for a hook past its timeout.
    public var killGrace: Duration

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        toolDirectory: URL? = Publisher.runningToolDirectory, killGrace: Duration = .seconds(3)
    ) {
        self.environment = environment
        self.toolDirectory = toolDirectory
        self.killGrace = killGrace
    }

    /// The folder of the running executable.
    public static var runningToolDirectory: URL? {
        RunningProgram.path.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent() }
    }

    /// The revision last recorded as deployed, if any.
    public static func deployedRevision(of repository: ContentRepository) throws -> Revision? {
        try repository.deployments.deployedRevision()
    }

    /// Where a revision's bundle is written: `<git dir>/clinicctl/bundles/<commit>`.
    public static func bundleDirectory(of repository: ContentRepository, revision: Revision) -> URL {
        repository.deployments.bundleFolder(for: revision)
    }

    /// The deploy hooks at `revision`: the executable files (mode 100755)
    /// directly in `hooks/publish.d`, by name in byte order; names starting
    /// with `.` are skipped, as are files Git does not record as executable.
    public static func hooks(of repository: ContentRepository, at revision: Revision) throws -> [CommittedHook] {
        try repository.deployments.executableFiles(in: hooksDirectory, at: revision)
    }

    /// Exports `revision` (default: the published branch's tip) and runs its deploy hooks.
    ///
    /// `output` receives progress lines and every hook line as `[hook-name] line`.
    /// A dry run exports and lists the hooks, but runs and records nothing.
    public func publish(
        repository: ContentRepository, revision: Revision? = nil, dryRun: Bool = false,
        timeout: Duration = .seconds(60), output: (String) -> Void
    ) throws -> PublishResult {
        let commit = try revision ?? repository.publishedRevision()
        // Only a state the published branch has been in was approved: a rollback, never a draft.
        if revision != nil { try repository.deployments.requirePublishedState(commit, named: commit.short) }
        let previous = try Self.deployedRevision(of: repository)
        let content = try repository.bundleContent(at: commit)
        let bundle = Self.bundleDirectory(of: repository, revision: commit)
        let variables = environment
        let written: [ExportedFile]
        do {
            written = try content.write(to: bundle) { PausePoint.duringBundleSwap.reach(variables) }
        } catch {
            throw PublishError(
                .bundleNotWritten, hook: nil,
                "could not write the bundle of \(commit.short) to \(bundle.path): \(Self.cause(of: error)); nothing was deployed or recorded"
            )
        }
        Self.pruneBundles(besides: bundle)
        output("Exported \(commit.short) to \(bundle.path)")
        let notAccepted = Set(try repository.deployments.hooksNotAccepted(in: Self.hooksDirectory, at: commit))
        let hooks = try Self.hooks(of: repository, at: commit).filter { !notAccepted.contains($0.name) }
        for name in notAccepted.sorted() {
            output(
                "Not running \(name): the change that published \(commit.short) added or altered it without accepting hooks (review approve --accept hooks)"
            )
        }
        var result = PublishResult(
            revision: commit.hex, previousRevision: previous?.hex, bundleDirectory: bundle.path,
            hooks: hooks.map(\.name), notRun: notAccepted.sorted(), skippedHooks: [], dryRun: dryRun, recorded: false)
        if dryRun {
            output(
                hooks.isEmpty
                    ? "Dry run: \(Self.hooksDirectory) at \(commit.short) has no deploy hooks; nothing was run or recorded"
                    : "Dry run: would run \(hooks.map(\.name).joined(separator: ", ")); nothing was run or recorded")
            return result
        }
        result.skippedHooks = try runHooks(
            hooks, repository: repository, commit: commit, previous: previous, bundle: bundle,
            timeout: timeout, output: output)
        if !hooks.isEmpty, result.skippedHooks.count == hooks.count {
            try repository.deployments.recordExported(commit)
            output(
                "Exported \(commit.short), not deployed: every deploy hook skipped (\(result.skippedHooks.joined(separator: ", "))). "
                    + (previous.map { "\(ContentRepository.deployedRef) stays at \($0.short)" } ?? "Nothing is recorded as deployed")
                    + "; configure the hooks (see hooks/README.md) and run `clinicctl publish` again")
            return result
        }
        do {
            try repository.deployments.recordDeployed(
                commit, manifestSHA256: written.first { $0.name == BundleExporter.manifestName }?.sha256, replacing: previous)
        } catch let error as WorkflowError where error.code == .conflict {
            throw PublishError(
                .recordMoved, hook: nil,
                "another publish changed \(ContentRepository.deployedRef) while this one ran (\(error.message)); the hooks of \(commit.short) ran but it is not recorded as deployed. Run `clinicctl publish` again"
            )
        }
        result.recorded = true
        repository.deployments.noteDeployment(commit, previous: previous, hooks: hooks.map(\.name), notRun: notAccepted.sorted())
        if !result.skippedHooks.isEmpty { output("Skipped: \(result.skippedHooks.joined(separator: ", "))") }
        output("Deployed \(commit.short) (previously \(previous?.short ?? "nothing")); recorded in \(ContentRepository.deployedRef)")
        return result
    }

    /// Runs `hooks` in order; returns the names of those that skipped.
    func runHooks(
        _ hooks: [CommittedHook], repository: ContentRepository, commit: Revision,
        previous: Revision?, bundle: URL, timeout: Duration, output: (String) -> Void
    ) throws -> [String] {
        guard !hooks.isEmpty else {
            output("\(Self.hooksDirectory) at \(commit.short) has no deploy hooks; only the bundle was exported")
            return []
        }
        var skipped: [String] = []
        let fm = FileManager.default
        // Named after this process, so that a later publish removes it if this one is killed.
        Leftovers.remove(in: fm.temporaryDirectory, markedBy: ["clinicctl-hooks-"])
        let folder = fm.temporaryDirectory.appendingPathComponent("clinicctl-hooks-\(getpid())-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(at: folder) }
        let environment = hookEnvironment(repository: repository, commit: commit, previous: previous, bundle: bundle)
        let kept = previous.map { "\(ContentRepository.deployedRef) stays at \($0.short)" } ?? "nothing is recorded as deployed"
        for hook in hooks {
            let file = folder.appendingPathComponent(hook.name)
            try hook.contents.write(to: file)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
            let event: JSONValue = [
                "event": "publish",
                "revision": .string(commit.hex),
                "previousRevision": previous.map { .string($0.hex) } ?? .null,
                "bundleDir": .string(bundle.path),
                "publishedBranch": .string(repository.config.publishedBranch),
                "schemaVersion": .string(BundleExporter.schemaVersion),
                "hook": .string(hook.name),
            ]
            output("Running \(hook.name)")
            let exit: HookExit
            do {
                exit = try Self.start(hook: file) { executable in
                    try HookProcess(
                        executable: executable, environment: environment, workingDirectory: repository.deployments.hookWorkingFolder,
                        timeout: timeout, killGrace: killGrace
                    ).run(input: JSONWriter.data(event)) { output("[\(hook.name)] \($0)") }
                }
            } catch {
                throw PublishError(
                    .hookFailed, hook: hook.name,
                    "deploy hook \(hook.name) could not start (\(error.localizedDescription)); does it begin with a #! line? \(kept)")
            }
            switch exit {
            case .exited(0): continue
            case .exited(Self.skippedStatus): skipped.append(hook.name)
            case .exited(let status):
                throw PublishError(
                    .hookFailed, hook: hook.name,
                    "deploy hook \(hook.name) failed with exit status \(status); \(kept). Fix the cause and run `clinicctl publish` again")
            case .signaled(let signal):
                throw PublishError(
                    .hookFailed, hook: hook.name,
                    "deploy hook \(hook.name) was killed by signal \(signal); \(kept). Run `clinicctl publish` again")
            case .timedOut:
                throw PublishError(
                    .hookTimedOut, hook: hook.name,
                    "deploy hook \(hook.name) timed out after \(Self.seconds(timeout)) and was stopped; \(kept). Raise --timeout or fix the hook, then run `clinicctl publish` again"
                )
            }
        }
        return skipped
    }

}
