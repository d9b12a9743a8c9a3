import ClinicWebhook
import Foundation
import Testing
import WebhookCommandLine

/// clinicctl-webhook's Google sending, in-process, against a loopback server that logs what it got.
@Suite(.serialized) struct GoogleDeliveryTests {
    /// Logs each request (path, Authorization, body) as a JSON line to argv[1]; answers a path
    /// ending in /307 with a redirect to /v1/locations/2 on itself, anything else with 200.
    static let server = """
        import http.server, json, sys
        log = open(sys.argv[1], "a", buffering=1)
        class API(http.server.BaseHTTPRequestHandler):
            def do_PATCH(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                log.write(json.dumps({"path": self.path, "auth": self.headers.get("Authorization"), "body": body}) + "\\n")
                if self.path.split("?")[0].endswith("/307"):
                    self.send_response(307)
                    self.send_header("Location", f"http://127.0.0.1:{server.server_port}/v1/locations/2")
                else:
                    self.send_response(200)
                self.end_headers()
            def log_message(self, *args): pass
        server = http.server.HTTPServer(("127.0.0.1", 0), API)
        server.timeout = 30
        print(server.server_port, flush=True)
        for _ in range(int(sys.argv[2])): server.handle_request()
        """

    static let document = #"""
        {"updateMask": "openInfo.status,specialHours", "location": {"title": "a/b", "openInfo": {"status": "OPEN"},
         "specialHours": {"specialHourPeriods": [{"startDate": {"year": 2026, "month": 12, "day": 25}, "closed": true}]}}}
        """#

    func withServer(requests: Int, _ body: (_ api: String, _ log: URL, _ dir: URL) throws -> Void) throws {
        try withTemporaryDirectory { dir in
            let log = dir.appendingPathComponent("requests.jsonl")
            try withStandInAPI(Self.server, log: log, requests: requests) { port in
                try body("http://127.0.0.1:\(port)/v1/", log, dir)
            }
        }
    }

    func logged(_ log: URL) throws -> [[String: String]] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String])
        }
    }

    @Test func theBodyIsTheLocationAsWrittenAndTheDigestIsKeptOnlyAfterA2xx() throws {
        try withServer(requests: 1) { api, log, dir in
            let file = dir.appendingPathComponent("google.json")
            try Data(Self.document.utf8).write(to: file)
            let state = dir.appendingPathComponent("state")
            let delivery = GoogleBusinessProfileDelivery(api: api, token: "tok", state: state, timeout: 10)
            let pair = try #require(GoogleLocation("glenview=locations/7"))
            let outcome = try delivery.deliver(pair, file: file)
            #expect(outcome == .sent(mask: "openInfo.status,specialHours", periods: 0, special: 1, status: 200))
            let request = try #require(try logged(log).first)
            #expect(request["path"] == "/v1/locations/7?updateMask=openInfo.status%2CspecialHours")
            #expect(request["auth"] == "Bearer tok")
            let sent = try JSONSerialization.jsonObject(with: Data((request["body"] ?? "").utf8)) as? NSDictionary
            let written = try #require(try JSONSerialization.jsonObject(with: Data(Self.document.utf8)) as? [String: Any])
            #expect(sent == written["location"] as? NSDictionary, "\(request)")
            #expect(request["body"]?.contains(#""closed":true"#) == true, "a boolean stays a boolean: \(request)")
            let record = try String(contentsOf: state.appendingPathComponent("glenview.sha256"), encoding: .utf8)
            #expect(record.hasPrefix("locations/7 ") && record.count == "locations/7 ".count + 65)
            #expect(try delivery.deliver(pair, file: file) == .unchanged)
        }
    }

    @Test func aRedirectIsARefusalAndTheTokenGoesNowhereElse() throws {
        try withServer(requests: 2) { api, log, dir in
            let file = dir.appendingPathComponent("google.json")
            try Data(Self.document.utf8).write(to: file)
            let state = dir.appendingPathComponent("state")
            let delivery = GoogleBusinessProfileDelivery(api: api, token: "tok", state: state, timeout: 10)
            let refusal = #expect(throws: GoogleRefusal.self) {
                try delivery.deliver(try #require(GoogleLocation("glenview=locations/307")), file: file)
            }
            #expect(
                refusal?.message.contains("HTTP 307") == true && refusal?.message.contains("not followed") == true,
                "\(String(describing: refusal))")
            #expect(try logged(log).map { $0["path"] ?? "" } == ["/v1/locations/307?updateMask=openInfo.status%2CspecialHours"])
            #expect(!FileManager.default.fileExists(atPath: state.path), "nothing is recorded for a refusal")
        }
    }

    @Test func aFileThatIsNoPatchBodyIsRefusedBeforeAnythingIsSent() throws {
        try withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("google.json")
            try Data(#"{"location": {"title": "x"}}"#.utf8).write(to: file)
            // Nothing listens on port 9 (discard): were the body sent, this would say "cannot reach".
            let delivery = GoogleBusinessProfileDelivery(api: "http://127.0.0.1:9/v1", token: "t", state: dir.appendingPathComponent("s"))
            let error = #expect(throws: (any Error).self) {
                try delivery.deliver(try #require(GoogleLocation("a=locations/1")), file: file)
            }
            #expect(
                (error as? LocalizedError)?.errorDescription?.contains("not a locations.patch body") == true, "\(String(describing: error))"
            )
            try Data(Self.document.utf8).write(to: file)
            let unreachable = #expect(throws: GoogleRefusal.self) {
                try delivery.deliver(try #require(GoogleLocation("a=locations/1")), file: file)
            }
            #expect(unreachable?.message.hasPrefix("cannot reach http://127.0.0.1:9/v1") == true, "\(String(describing: unreachable))")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("s").path))
        }
    }

    @Test(arguments: ["glenview", "=locations/1", "a/b=locations/1", "..=locations/1", "a=locations/", "a=locations/1?x", "a=places/1"])
    func aPairThatIsNotLocationEqualsLocationsNumberIsRefused(_ item: String) {
        #expect(GoogleLocation(item) == nil)
        var options = GoogleBusinessProfileOptions(
            api: GoogleLocation.defaultAPI, tokenFile: "t", bundle: "b", state: "s", locations: [item])
        #expect(throws: (any Error).self) { try options.validate() }
        options.locations = ["glenview=locations/123"]
        #expect(throws: Never.self) { try options.validate() }
    }
}
