"""A loopback HTTP server that misbehaves on purpose, one path per kind of hostile page.

Used by tests/test_hostile.py and tests/test_fetch.py. Every handler is bounded in time and
size, and the server runs on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import socket
import threading
import time
from collections.abc import Iterator

BIG_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 5.0

UTF8_PAGE = "<!DOCTYPE html><html><head><title>ok</title></head><body><p>Données personnelles</p></body></html>"
CP1252_TEXT = "Pétition « Sauvons l’hôpital » – signez-la"  # ’ « » – are cp1252-specific bytes
MALFORMED = (
    "<html><head><title>broken<body><form action=/x><input type=checkbox name=news checked"
    "<label>Je veux la lettre</lable><p><div></span></form></form><table><tr><td>"
    "<script>document.write('<form>')</scr" "ipt><!-- unclosed comment <iframe src='"
)


class HostileHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass  # the scanner hung up on purpose (size cap, deadline)

    def _route(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/ok.html":
            self._send(200, UTF8_PAGE.encode())
        elif path == "/malformed.html":
            self._send(200, MALFORMED.encode())
        elif path == "/cp1252.html":
            body = f"<html><body><h1>{CP1252_TEXT}</h1></body></html>".encode("cp1252")
            self._send(200, body, "text/html; charset=windows-1252")
        elif path == "/latin1-meta.html":
            body = ('<html><head><meta charset="iso-8859-1"><title>Adhésion</title></head>'
                    "<body><p>Données à caractère personnel</p></body></html>").encode("latin-1")
            self._send(200, body, "text/html")
        elif path == "/undeclared-latin1.html":
            self._send(200, "<p>Données privées – écrivez-nous</p>".encode("cp1252"), "text/html")
        elif path == "/bom.html":
            self._send(200, "\ufeff<p>Vie privée</p>".encode("utf-8"), "text/html; charset=iso-8859-1")
        elif path == "/big.html":
            self._big()
        elif path == "/loop-a":
            self._send(302, b"", headers={"Location": "/loop-b"})
        elif path == "/loop-b":
            self._send(302, b"", headers={"Location": "/loop-a"})
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(302, b"", headers={"Location": f"/chain/{n + 1}"})
        elif path == "/redirect-ok":
            self._send(301, b"", headers={"Location": "/ok.html"})
        elif path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            self._send(200, UTF8_PAGE.encode())
        elif path == "/trickle.html":
            self._trickle()
        elif path == "/404.html":
            self._send(404, b"<h1>Not found</h1>")
        elif path == "/500.html":
            self._send(500, b"<h1>Server error</h1>")
        elif path == "/binary.html":
            self._send(200, b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4 binary", "application/pdf")
        else:
            self._send(404, b"no such path")

    def _big(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(BIG_BYTES))
        self.end_headers()
        chunk = (b"<p>" + b"x" * 1017 + b"</p>\n") * 64  # 64 KiB
        sent = 0
        while sent < BIG_BYTES:
            self.wfile.write(chunk)
            sent += len(chunk)

    def _trickle(self) -> None:
        # Never silent long enough for a read timeout, never done before the page deadline.
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        for _ in range(200):
            self.wfile.write(b"<p>.</p>")
            self.wfile.flush()
            time.sleep(0.1)


@contextlib.contextmanager
def hostile_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def refused_url() -> str:
    """A loopback URL on which nothing listens (the port was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
