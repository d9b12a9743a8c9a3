import ClinicTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A server started by a test in the background and stopped (by its own pid) when the test ends.
///
/// It is not a Foundation `Process` of this test process: Foundation watches its
/// children through a descriptor they inherit, and a long-lived child that holds
/// other tests' pipe ends would keep them waiting. A short launcher closes every
/// inherited descriptor above 2 and starts the server in the background.
final class BackgroundServer: @unchecked Sendable {
    let port: Int
    let pid: Int32

    init(port: Int, executable: String, arguments: [String], environment: [String: String], in folder: URL) throws {
        self.port = port
        let pidFile = folder.appendingPathComponent("server-\(port).pid")
        let launch = try Sandbox.execute(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c", "import os, sys; os.closerange(3, 65536); os.execvp(sys.argv[1], sys.argv[1:])", "/bin/sh", "-c",
                "\"$@\" >/dev/null 2>&1 </dev/null & echo $! > '\(pidFile.path)'", "sh", executable,
            ] + arguments, in: folder, environment: environment, stdin: nil)
        guard launch.status == 0,
            let pid = Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw SandboxError(message: "\(executable) did not start: \(launch.stderr)") }
        self.pid = pid
        for _ in 0..<100 {
            if acceptsConnections(port: port) { return }
            usleep(50_000)
        }
        stop()
        throw SandboxError(message: "\(executable) did not start listening on \(port)")
    }

    func stop() {
        guard kill(pid, 0) == 0 else { return }
        kill(pid, SIGTERM)
        for _ in 0..<40 where kill(pid, 0) == 0 { usleep(50_000) }
        kill(pid, SIGKILL)
    }

    deinit { stop() }
}

/// `git daemon` serving `base` over git:// on loopback, with pushes (and so the
/// bare repositories' hooks) enabled; `path` is put first on the hooks' PATH.
func gitDaemon(serving base: URL, path: String) throws -> BackgroundServer {
    let port = try freeLoopbackPort()
    return try BackgroundServer(
        port: port, executable: try gitExecPath().appendingPathComponent("git-daemon").path,
        arguments: [
            "--reuseaddr", "--base-path=\(base.path)", "--export-all", "--enable=receive-pack",
            "--listen=127.0.0.1", "--port=\(port)", base.path,
        ],
        environment: [
            "PATH": path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": FileManager.default.temporaryDirectory.path,
        ], in: base)
}

/// An HTTP server on loopback that answers every POST with 307 to `/elsewhere`
/// and logs each request's path and signature header to `log`.
func redirectingServer(log: URL, in folder: URL) throws -> BackgroundServer {
    let script = folder.appendingPathComponent("redirect.py")
    try """
    import http.server, sys
    log = open(sys.argv[2], "a")
    class Handler(http.server.BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            log.write("%s %s %s\\n" % (self.command, self.path, self.headers.get("X-Clinicctl-Signature-256")))
            log.flush()
            if self.path == "/hook":
                self.send_response(307)
                self.send_header("Location", "http://127.0.0.1:%s/elsewhere" % sys.argv[1])
            else:
                self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()
        do_POST = answer
        do_GET = answer
        def log_message(self, *args):
            pass
    http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
    """.write(to: script, atomically: true, encoding: .utf8)
    let port = try freeLoopbackPort()
    return try BackgroundServer(
        port: port, executable: "python3", arguments: [script.path, String(port), log.path], environment: [:], in: folder)
}
