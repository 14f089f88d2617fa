"""The fetcher: decoding, local files, settings, and the fake used by pipeline tests."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from scanner.fetch import (
    DEFAULT_SETTINGS, FakeFetcher, Fetched, StaticFetcher, decode, looks_binary, target_url,
)
from scanner.model import PageStatus
from tests.hostile_server import CP1252_TEXT, hostile_server

FAST = replace(DEFAULT_SETTINGS, timeout=1.0, deadline=3.0, delay=0.0)


@pytest.fixture(scope="module")
def base():
    with hostile_server() as url:
        yield url


@pytest.fixture
def fetcher():
    with StaticFetcher(FAST) as f:
        yield f


def test_defaults_are_documented_bounds():
    s = DEFAULT_SETTINGS
    assert s.max_bytes == 5 * 1024 * 1024
    assert s.timeout > 0 and s.deadline >= s.timeout and s.max_redirects >= 1
    assert "unbundle" in s.user_agent


def test_decode_prefers_bom_then_http_then_meta():
    assert decode("\ufeffé".encode("utf-8"), "text/html; charset=iso-8859-1")[0] == "é"
    assert decode("é".encode("cp1252"), "text/html; charset=windows-1252")[0] == "é"
    meta = '<meta charset="iso-8859-1"><p>é’</p>'.encode("cp1252")
    text, codec = decode(meta, "text/html")
    assert "é’" in text and codec == "cp1252"  # WHATWG: iso-8859-1 means windows-1252


def test_decode_falls_back_without_crashing():
    assert decode("Données".encode("cp1252"))[0] == "Données"
    assert decode(b'<meta charset="no-such-charset"><p>\xff</p>')[0]  # unknown label: fallback
    cut = "é".encode("utf-8")[:1]
    assert decode(b"abc" + cut)[1] == "utf-8"  # cut mid-character at the size cap


def test_looks_binary():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert not looks_binary("<p>Données – ok</p>\n\t".encode())


def test_local_file_by_path_and_url(tmp_path):
    page = tmp_path / "soutien page.html"
    page.write_text("<p>Vie privée</p>", encoding="utf-8")
    with StaticFetcher(FAST) as f:
        by_path = f.fetch(target_url(str(page)))
        by_url = f.fetch(page.as_uri())
    assert by_path.status == by_url.status == PageStatus.OK
    assert "Vie privée" in by_path.html


def test_local_file_missing_is_a_fetch_error(tmp_path):
    with StaticFetcher(FAST) as f:
        got = f.fetch((tmp_path / "absent.html").as_uri())
    assert got.status == PageStatus.FETCH_ERROR
    assert "absent.html" in got.error


def test_local_file_over_the_cap_is_truncated(tmp_path):
    page = tmp_path / "big.html"
    page.write_bytes(b"<p>x</p>" * 1000)
    with StaticFetcher(replace(FAST, max_bytes=100)) as f:
        got = f.fetch(page.as_uri())
    assert got.status == PageStatus.TRUNCATED and got.bytes_read == 100


def test_unsupported_scheme(fetcher):
    got = fetcher.fetch("ftp://127.0.0.1/x")
    assert got.status == PageStatus.FETCH_ERROR and "ftp://127.0.0.1/x" in got.error


def test_redirect_is_followed_and_final_url_kept(fetcher, base):
    got = fetcher.fetch(f"{base}/redirect-ok")
    assert got.status == PageStatus.OK
    assert got.final_url == f"{base}/ok.html" and got.url == f"{base}/redirect-ok"


def test_redirect_chain_longer_than_the_limit(base):
    with StaticFetcher(replace(FAST, max_redirects=3)) as f:
        got = f.fetch(f"{base}/chain/0")
    assert got.status == PageStatus.TOO_MANY_REDIRECTS


def test_plain_text_is_not_html_but_its_text_is_kept(tmp_path):
    import http.server
    import threading

    class Robots(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = b"User-agent: *\nDisallow: /x\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Robots)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with StaticFetcher(FAST) as f:
            got = f.fetch(f"http://127.0.0.1:{server.server_address[1]}/robots.txt")
    finally:
        server.shutdown()
        server.server_close()
    assert got.status == PageStatus.NOT_HTML and got.html == ""
    assert got.text == "User-agent: *\nDisallow: /x\n"


def test_non_html_content_type(fetcher, base):
    got = fetcher.fetch(f"{base}/pdf")
    assert got.status == PageStatus.NOT_HTML and "application/pdf" in got.error


def test_http_charset_decodes_windows_1252(fetcher, base):
    got = fetcher.fetch(f"{base}/cp1252.html")
    assert got.status == PageStatus.OK and CP1252_TEXT in got.html


def test_politeness_delay_is_skipped_on_loopback(base):
    with StaticFetcher(replace(FAST, delay=2.0)) as f:
        start = time.monotonic()
        f.fetch(f"{base}/ok.html")
        f.fetch(f"{base}/ok.html")
    assert time.monotonic() - start < 1.5


def test_fake_fetcher_serves_and_records():
    fake = FakeFetcher({"https://a.example/": "<p>hi</p>",
                        "https://a.example/gone": Fetched("https://a.example/gone", PageStatus.HTTP_ERROR,
                                                          http_status=410, error="gone")})
    assert fake.fetch("https://a.example/").html == "<p>hi</p>"
    assert fake.fetch("https://a.example/gone").status == PageStatus.HTTP_ERROR
    assert fake.fetch("https://b.example/").status == PageStatus.FETCH_ERROR
    assert fake.requested == ["https://a.example/", "https://a.example/gone", "https://b.example/"]
