#!/usr/bin/env python3
"""Smart HTTP (or HTTPS) for the ClinicGit tests: `git http-backend` behind Basic auth, on
loopback only, writing down every request the way a server's access log would.

Usage: git_http.py PORT PROJECT_ROOT TOKEN LOG [--tls CERT KEY] [--close-401] [--backend PATH]

Every request must carry Basic auth whose password is TOKEN (any user name); anything else
gets 401 asking for Basic credentials. Each request is appended to LOG as one JSON line,
before it is answered: the connection's number (one per TCP connection), method, path, the
Authorization header (null when none) and the status answered. A request that carried
credentials and got 401 is what Apache logs as a failed login (AH01617), the lines fail2ban
counts.

--tls CERT KEY  serve HTTPS with that certificate chain (PEM) and key.
--close-401     answer 401 as some servers do: `Connection: close`, a body, no Content-Length
                (the body ends where the connection does).
"""
import base64
import http.server
import itertools
import json
import os
import ssl
import subprocess
import sys
import threading

PORT, ROOT, TOKEN, LOG = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
OPTIONS = sys.argv[5:]
CLOSE_401 = "--close-401" in OPTIONS
BACKEND = OPTIONS[OPTIONS.index("--backend") + 1] if "--backend" in OPTIONS else "/usr/lib/git-core/git-http-backend"
CONNECTIONS = itertools.count(1)
LOCK = threading.Lock()


class GitOverHTTP(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()
        super().setup()
        self.connection_number = next(CONNECTIONS)

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

    def record(self, status):
        entry = {
            "connection": self.connection_number, "method": self.command, "path": self.path,
            "authorization": self.headers.get("Authorization"), "status": status,
        }
        with LOCK, open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")

    def serve(self):
        body = self.body()
        user = self.user()
        if user is None:
            self.record(401)
            if CLOSE_401:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="clinic"')
                self.send_header("Content-Type", "text/plain")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(b"Unauthorized: this clinic's repository needs a password.\n")
                self.close_connection = True
            else:
                # No body: libgit2 1.5.1, retrying with credentials after a 401, fails on one.
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
        self.record(status)
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


server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), GitOverHTTP)
if "--tls" in OPTIONS:
    at = OPTIONS.index("--tls")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(OPTIONS[at + 1], OPTIONS[at + 2])
    # The handshake happens in each connection's thread: a client refusing the certificate
    # cannot hold up the others.
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
server.serve_forever()
