import Foundation
import Testing

/// Deploy hooks that misbehave (hang, flood, leave children, fail) through the
/// built binary: publish ends with a clear message, in bounded time and
/// memory, records a deploy only when every hook succeeded, and leaves nothing
/// corrupted or temporary behind.
@Suite("hostile surroundings: deploy hooks")
struct HostileHookTests {
    @Test("a hook that hangs is stopped at the timeout, with what it started, and nothing is recorded")
    func hangingHook() throws {
        let bench = try HostileBench()
        let pidFile = bench.box.root.appendingPathComponent("sleep.pid")
        try bench.installHook("10-hang", "#!/bin/sh\nsleep 1000 &\necho $! > \(pidFile.path)\necho waiting\nwait\n")
        let deployed = try bench.revision("refs/clinicctl/deployed")
        let clock = ContinuousClock()
        let start = clock.now
        let run = try bench.run(["publish", "--timeout", "2"])
        #expect(clock.now - start < .seconds(20))
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: deploy hook 10-hang timed out after 2s and was stopped"), "\(run.stderr)")
        #expect(run.stdout.contains("[10-hang] waiting"))
        #expect(!processIsAlive(try bench.pid(in: pidFile)), "the hook's child was stopped with it")
        #expect(try bench.revision("refs/clinicctl/deployed") == deployed, "nothing recorded as deployed")
        try bench.expectIntact()
    }

    @Test("a hook that exits non-zero stops the publish, says which and how, and records nothing")
    func failingHook() throws {
        let bench = try HostileBench()
        try bench.installHook("10-fail", "#!/bin/sh\necho 'cannot reach the web server' >&2\nexit 3\n")
        let deployed = try bench.revision("refs/clinicctl/deployed")
        let run = try bench.run(["publish"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("[10-fail] cannot reach the web server"))
        #expect(
            run.stderr.contains("error: deploy hook 10-fail failed with exit status 3")
                && run.stderr.contains("run `clinicctl publish` again"), "\(run.stderr)")
        #expect(try bench.revision("refs/clinicctl/deployed") == deployed)
        try bench.expectIntact()
    }

    @Test("a hook that leaves a child running in its process group: publish ends, the child is stopped and reported")
    func childLeftRunning() throws {
        let bench = try HostileBench()
        let pidFile = bench.box.root.appendingPathComponent("child.pid")
        try bench.installHook("10-daemon", "#!/bin/sh\nsleep 1000 &\necho $! > \(pidFile.path)\necho started\n")
        let clock = ContinuousClock()
        let start = clock.now
        let run = try bench.run(["publish", "--timeout", "30"])
        #expect(clock.now - start < .seconds(15), "publish did not wait for the child")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[10-daemon] (stopping processes it left running)"), "\(run.stdout)")
        #expect(!processIsAlive(try bench.pid(in: pidFile)))
        #expect(try bench.revision("refs/clinicctl/deployed") == bench.revision("main"))
        try bench.expectIntact()
    }

    @Test("a hook whose child escapes into its own session and holds the output: publish ends and says so")
    func childInOwnSession() throws {
        let bench = try HostileBench()
        let pidFile = bench.box.root.appendingPathComponent("escaped.pid")
        // setsid puts the child out of the hook's process group: no group signal reaches it.
        try bench.installHook("10-escape", "#!/bin/sh\nsetsid sh -c 'echo $$ > \(pidFile.path); exec sleep 1000' &\necho started\n")
        let clock = ContinuousClock()
        let start = clock.now
        let run = try bench.run(["publish", "--timeout", "30"])
        let pid = try bench.pid(in: pidFile)
        defer { kill(pid, SIGKILL) }
        #expect(clock.now - start < .seconds(15), "publish did not wait for the escaped child")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("still holds its output open"), "the escaped process is reported: \(run.stdout)")
        #expect(try bench.revision("refs/clinicctl/deployed") == bench.revision("main"))
        try bench.expectIntact()
    }

    @Test("a hook that prints 100 MB: output shown is bounded, memory stays small, the publish completes")
    func floodingHook() throws {
        let bench = try HostileBench()
        // 1,000,000 lines of 100 bytes, then one 5 MB line without a newline.
        try bench.installHook(
            "10-flood",
            """
            #!/bin/sh
            yes 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' | head -n 1000000
            echo 'the last words'
            head -c 5000000 /dev/zero | tr '\\0' 'y'

            """)
        let clock = ContinuousClock()
        let start = clock.now
        var run = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/time"), ["-f", "maxrss-kb=%M", clinicctlBinary.path, "publish", "--timeout", "120"],
            in: bench.box.repo, environment: bench.environment.merging(["CLINICCTL_AUTHOR": Sandbox.manager]) { $1 }, stdin: nil)
        let elapsed = clock.now - start
        let marker = try #require(run.stderr.range(of: "maxrss-kb=", options: .backwards))
        let kilobytes = try #require(Int(run.stderr[marker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)))
        run.stderr = String(run.stderr[..<marker.lowerBound])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(elapsed < .seconds(90), "\(elapsed)")
        #expect(kilobytes < 150_000, "clinicctl's peak memory: \(kilobytes) KB")
        #expect(run.stdout.utf8.count < 1_000_000, "output shown: \(run.stdout.utf8.count) bytes")
        #expect(run.stdout.contains("lines not shown"), "says what it left out")
        #expect(run.stdout.contains("[10-flood] the last words"), "the end of the output (where errors are) is shown")
        #expect(try bench.revision("refs/clinicctl/deployed") == bench.revision("main"))
        try bench.expectIntact()
    }
}
