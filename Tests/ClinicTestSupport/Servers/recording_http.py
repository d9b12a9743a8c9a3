#!/usr/bin/env python3
"""An HTTP server on a loopback address that writes down every request it gets, for the
tests that check where credentials go.

Usage: recording_http.py ADDRESS PORT LOG redirect LOCATION [ASK_FIRST]
       recording_http.py ADDRESS PORT LOG ask
       recording_http.py ADDRESS PORT LOG webhook SECRET

Every request is appended to LOG as one JSON line: method, path and Authorization header
(null when none), written before answering, so the log is complete when the client is done.

redirect: answers 302 to LOCATION followed by the request's path and query (a moved
          repository's server, or a hostile one). With ASK_FIRST (any word), a request
          without an Authorization header first gets 401, as a server asking for the token
          before it redirects.
ask:      answers 401 asking for Basic credentials; a request carrying them gets 401 again
          (what a server harvesting tokens would receive either way).
webhook:  a webhook receiver as the clinic's would be: it computes the HMAC-SHA256 of the raw
          body keyed with SECRET, compares it in constant time with X-Clinicctl-Signature-256,
          and answers 204 when they match, else 401 "bad signature". The log line adds the
          event header, the signature header, the body and whether it was verified.
"""
import hashlib
import hmac
import http.server
import json
import sys

ADDRESS, PORT, LOG, MODE = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
LOCATION = sys.argv[5] if MODE == "redirect" else None
SECRET = sys.argv[5].encode() if MODE == "webhook" else None
ASK_FIRST = MODE == "redirect" and len(sys.argv) > 6


class Recorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.answer()

    def do_POST(self):
        self.answer()

    def answer(self):
        if MODE == "webhook":
            return self.receive()
        authorization = self.headers.get("Authorization")
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({"method": self.command, "path": self.path, "authorization": authorization}) + "\n")
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if MODE == "redirect" and not (ASK_FIRST and authorization is None):
            self.send_response(302)
            self.send_header("Location", LOCATION + self.path)
        else:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="clinic"')
        # No body: libgit2 1.5.1, retrying with credentials after a 401, fails on one.
        self.send_header("Content-Length", "0")
        self.end_headers()

    def receive(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        signature = self.headers.get("X-Clinicctl-Signature-256")
        good = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        verified = signature is not None and hmac.compare_digest(signature, good)
        entry = {
            "method": self.command, "path": self.path, "authorization": self.headers.get("Authorization"),
            "event": self.headers.get("X-Clinicctl-Event"), "signature": signature,
            "body": body.decode("utf-8", "replace"), "verified": verified,
        }
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")
        answer = b"" if verified else b"bad signature"
        self.send_response(204 if verified else 401)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *arguments):
        pass


http.server.ThreadingHTTPServer((ADDRESS, PORT), Recorder).serve_forever()
