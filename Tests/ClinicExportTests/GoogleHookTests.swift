import ClinicContent
import Foundation
import Testing

@testable import ClinicExport

/// hooks/publish.d/30-google-business-profile against a stand-in for Google's
/// API on loopback that checks each request against the discovery document.
/// The hook runs the built clinicctl (and so clinicctl-webhook beside it), put first on PATH.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: clinicctlBinary.path)))
struct GoogleHookTests {
    static let hook = packageRoot.appendingPathComponent("hooks/publish.d/30-google-business-profile")

    /// Answers PATCH /v1/locations/<n>?updateMask=… : 200 when the bearer token, the mask and the
    /// body (walked against `Location`) are right, else 400 in Google's error shape naming the
    /// problems; locations/999 is always refused. Logs each request as a JSON line to argv[1], and
    /// stops after argv[2] requests (or 30 s without one): a test's other processes may hold
    /// pipes it inherited, so it must not outlive its requests.
    static let server =
        GoogleListingWitnessTests.discoveryChecks + "\n"
            + """
            import http.server, re, urllib.parse
            log = open(sys.argv[1], "a", buffering=1)
            class API(http.server.BaseHTTPRequestHandler):
                def do_PATCH(self):
                    global bad
                    bad = []
                    url = urllib.parse.urlsplit(self.path)
                    mask = urllib.parse.parse_qs(url.query).get("updateMask", [""])[0]
                    body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                    if not re.fullmatch(r"/v1/locations/[0-9]+", url.path): bad.append("path " + url.path)
                    if self.headers.get("Authorization") != "Bearer tok-123": bad.append("no bearer token")
                    if self.headers.get("Content-Type") != "application/json": bad.append("not json")
                    walk(body, {"$ref": "Location"}, "location")
                    for i, period in enumerate(body.get("specialHours", {}).get("specialHourPeriods", [])):
                        special_limits(period, f"specialHourPeriods[{i}]")
                    for field in mask.split(","):
                        if field.split(".")[0] not in schemas["Location"]["properties"]: bad.append("mask " + field)
                    if url.path.endswith("/999"): bad.append("Request contains an invalid argument.")
                    log.write(json.dumps({"path": url.path, "mask": mask, "problems": bad}) + "\\n")
                    answer = json.dumps({"error": {"code": 400, "message": "; ".join(bad), "status": "INVALID_ARGUMENT"}} if bad else body)
                    self.send_response(400 if bad else 200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(answer.encode())
                def log_message(self, *args): pass
            server = http.server.HTTPServer(("127.0.0.1", 0), API)
            server.timeout = 30
            print(server.server_port, flush=True)
            for _ in range(int(sys.argv[2])):
                server.handle_request()
            """

    func withAPI(requests: Int, _ body: (_ api: String, _ log: URL, _ dir: URL) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            let log = dir.appendingPathComponent("requests.jsonl")
            try withStandInAPI(Self.server, log: log, requests: requests) { port in
                try body("http://127.0.0.1:\(port)/v1", log, dir)
            }
        }
    }

    func requests(_ log: URL) throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    func runHook(_ environment: [String: String]) throws -> RunResult {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let base = ["PATH": clinicctlBinary.deletingLastPathComponent().path + ":" + path]
        return try run(Self.hook.path, [], environment: base.merging(environment) { $1 })
    }

    @Test func sendsEachChangedBodyOnceAndGoogleAcceptsIt() throws {
        try withAPI(requests: 2) { api, log, dir in
            let bundle = try writeBundle(BundleExporter().files(for: richContent(), source: fixedSource), in: dir)
            let token = dir.appendingPathComponent("token")
            try Data("tok-123\n".utf8).write(to: token)
            let environment = [
                "CLINIC_GOOGLE_LOCATIONS": "the-loop=locations/111 glenview=locations/222", "CLINIC_GOOGLE_TOKEN_FILE": token.path,
                "CLINIC_GOOGLE_API": api, "CLINICCTL_BUNDLE_DIR": bundle.path,
                "CLINICCTL_REPOSITORY": dir.appendingPathComponent("git").path,
            ]
            let first = try runHook(environment)
            #expect(first.status == 0, "\(first.output)")
            #expect(first.output.contains("the-loop: sent PATCH locations/111?updateMask=openInfo.status,regularHours,specialHours"))
            #expect(!first.output.contains("tok-123"), "the token is never printed")
            let sent = try requests(log)
            #expect(sent.map { $0["path"] as? String } == ["/v1/locations/111", "/v1/locations/222"])
            #expect(sent.allSatisfy { ($0["problems"] as? [String]) == [] }, "\(sent)")
            let again = try runHook(environment)
            #expect(again.status == 0 && again.output.contains("the-loop: unchanged since last sent to locations/111"), "\(again.output)")
            #expect(try requests(log).count == 2, "an unchanged body is not sent again")
        }
    }

    @Test func aRefusalFailsThePublishWithGooglesMessage() throws {
        try withAPI(requests: 2) { api, log, dir in
            let files = BundleExporter().files(for: richContent(), source: fixedSource)
            let bundle = try writeBundle(files, in: dir)
            let token = dir.appendingPathComponent("token")
            try Data("tok-123".utf8).write(to: token)
            var environment = [
                "CLINIC_GOOGLE_LOCATIONS": "the-loop=locations/999", "CLINIC_GOOGLE_TOKEN_FILE": token.path, "CLINIC_GOOGLE_API": api,
                "CLINICCTL_BUNDLE_DIR": bundle.path, "CLINICCTL_REPOSITORY": dir.appendingPathComponent("git").path,
            ]
            let refused = try runHook(environment)
            #expect(refused.status == 1)
            #expect(
                refused.output.contains("the-loop: Google refused PATCH locations/999 (HTTP 400): Request contains an invalid argument."))
            // The stand-in can say no to a body, too: a day Google does not know.
            let path = bundle.appendingPathComponent(Listings.path("glenview", .google))
            let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "\"MONDAY\"", with: "\"MON\"")
            try Data(text.utf8).write(to: path)
            environment["CLINIC_GOOGLE_LOCATIONS"] = "glenview=locations/222"
            let wrong = try runHook(environment)
            #expect(wrong.status == 1 && wrong.output.contains("'MON' is not one of"), "\(wrong.output)")
            #expect(try requests(log).count == 2)
        }
    }

    @Test func unconfiguredItSkipsAndHalfConfiguredItFails() throws {
        let skipped = try runHook(["CLINICCTL_BUNDLE_DIR": "/nonexistent"])
        #expect(skipped.status == Publisher.skippedStatus)
        #expect(skipped.output == "skipped: CLINIC_GOOGLE_LOCATIONS is not set\n")
        let noToken = try runHook(["CLINIC_GOOGLE_LOCATIONS": "glenview=locations/1", "CLINICCTL_BUNDLE_DIR": "/nonexistent"])
        #expect(noToken.status == 1 && noToken.output.contains("CLINIC_GOOGLE_TOKEN_FILE is not set"))
        let badPair = try runHook([
            "CLINIC_GOOGLE_LOCATIONS": "glenview", "CLINIC_GOOGLE_TOKEN_FILE": "/nonexistent", "CLINICCTL_BUNDLE_DIR": "/nonexistent",
        ])
        #expect(badPair.status == 1 && badPair.output.contains("is not <location-id>=locations/<number>"), "\(badPair.output)")
    }
}

@Suite struct ShippedHooksWithoutPythonTests {
    /// The house rule: the product runs without Python (the tests may use it as a witness):
    /// no shipped hook is a Python script or runs one outside its comments.
    @Test func noShippedHookNeedsPython() throws {
        let hooks = packageRoot.appendingPathComponent("hooks")
        let files = try #require(FileManager.default.subpaths(atPath: hooks.path)).filter { $0 != "README.md" }
        var checked = 0
        for name in files {
            var isFolder: ObjCBool = false
            let path = hooks.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.first?.hasPrefix("#!/bin/sh") == true, "\(name): \(lines.first ?? "")")
            let code = lines.dropFirst().filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            #expect(!code.contains { $0.lowercased().contains("python") }, "\(name) runs Python")
            checked += 1
        }
        #expect(checked >= 8, "found only \(checked) hooks in hooks/")
    }
}
