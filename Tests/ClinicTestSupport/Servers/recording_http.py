#!/usr/bin/env python3
"""An HTTP server on a loopback address that writes down every request it gets, for the
tests that check where credentials go.

Usage: recording_http.py ADDRESS PORT LOG redirect LOCATION [ASK_FIRST]
       recording_http.py ADDRESS PORT LOG ask

Every request is appended to LOG as one JSON line: method, path and Authorization header
(null when none), written before answering, so the log is complete when the client is done.

redirect: answers 302 to LOCATION followed by the request's path and query (a moved
          repository's server, or a hostile one). With ASK_FIRST (any word), a request
          without an Authorization header first gets 401, as a server asking for the token
          before it redirects.
ask:      answers 401 asking for Basic credentials; a request carrying them gets 401 again
          (what a server harvesting tokens would receive either way).
"""
import http.server
import json
import sys

ADDRESS, PORT, LOG, MODE = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
LOCATION = sys.argv[5] if MODE == "redirect" else None
ASK_FIRST = MODE == "redirect" and len(sys.argv) > 6


class Recorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.answer()

    def do_POST(self):
        self.answer()

    def answer(self):
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

    def log_message(self, *arguments):
        pass


http.server.ThreadingHTTPServer((ADDRESS, PORT), Recorder).serve_forever()
