#!/usr/bin/env python3
"""Smart HTTP for the team tests: `git http-backend` behind Basic auth, on loopback only.

Usage: serve.py PORT PROJECT_ROOT TOKEN [HTTP_BACKEND]

Every request must carry Basic auth whose password is TOKEN (any user name, as hosting
services accept a token); anything else gets 401, as a real server answers a wrong token.
The repositories under PROJECT_ROOT are served with their hooks, so a push runs pre-receive.
"""
import base64
import http.server
import os
import subprocess
import sys

PORT, ROOT, TOKEN = int(sys.argv[1]), sys.argv[2], sys.argv[3]
BACKEND = sys.argv[4] if len(sys.argv) > 4 else "/usr/lib/git-core/git-http-backend"


class GitOverHTTP(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.serve()

    def do_POST(self):
        self.serve()

    def user(self):
        """The user name when the password is the token, else None."""
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return None
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return None
        return user or "token" if password == TOKEN else None

    def body(self):
        # libgit2 sends a push's pack chunked; the CGI wants it whole, with its length.
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def serve(self):
        body = self.body()
        user = self.user()
        if user is None:
            # No body: libgit2 1.5.1, retrying with credentials after a 401, fails on one
            # ("http parser error: invalid constant string").
            self.answer(401, [("WWW-Authenticate", 'Basic realm="clinic"')], b"")
            return
        path, _, query = self.path.partition("?")
        environment = dict(os.environ)
        environment.update({
            "GIT_PROJECT_ROOT": ROOT, "GIT_HTTP_EXPORT_ALL": "1", "REQUEST_METHOD": self.command,
            "PATH_INFO": path, "QUERY_STRING": query, "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)), "REMOTE_USER": user, "REMOTE_ADDR": "127.0.0.1",
            "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
        })
        if self.headers.get("Content-Encoding"):
            environment["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
        output = subprocess.run([BACKEND], input=body, env=environment, capture_output=True).stdout
        head, _, content = output.partition(b"\r\n\r\n")
        if not content and b"\n\n" in output:
            head, _, content = output.partition(b"\n\n")
        status, headers = 200, []
        for line in head.decode("latin-1").splitlines():
            name, _, value = line.partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value.strip()))
        self.answer(status, headers, content)

    def answer(self, status, headers, content):
        self.send_response(status)
        for name, value in headers:
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *arguments):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), GitOverHTTP).serve_forever()
