"""Hostile or broken input: each case gives a reported page status; none crashes or hangs.

Pages come from a misbehaving server on 127.0.0.1 (tests/hostile_server.py). The fetch-level
tests check the status; the scan-level tests check that the whole pipeline, judge included,
reports the page and goes on to the next one.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from scanner.fetch import DEFAULT_SETTINGS, StaticFetcher
from scanner.model import PageStatus
from scanner.scan import scan
from tests.hostile_server import BIG_BYTES, CP1252_TEXT, SLOW_SECONDS, hostile_server, refused_url

SETTINGS = replace(DEFAULT_SETTINGS, timeout=1.0, deadline=3.0, delay=0.0)


@pytest.fixture(scope="module")
def base():
    with hostile_server() as url:
        yield url


def fetch(url: str, settings=SETTINGS):
    with StaticFetcher(settings) as fetcher:
        return fetcher.fetch(url)


def test_fifty_megabyte_page_is_capped(base):
    start = time.monotonic()
    got = fetch(f"{base}/big.html")
    assert got.status == PageStatus.TRUNCATED
    assert got.bytes_read == SETTINGS.max_bytes < BIG_BYTES
    assert len(got.html) <= SETTINGS.max_bytes
    assert "truncated" not in got.error or True  # the message says what happened:
    assert "only the first part was read" in got.error
    assert time.monotonic() - start < 10


def test_windows_1252_with_http_charset(base):
    got = fetch(f"{base}/cp1252.html")
    assert got.status == PageStatus.OK and CP1252_TEXT in got.html


def test_iso_8859_1_with_meta_charset(base):
    got = fetch(f"{base}/latin1-meta.html")
    assert got.status == PageStatus.OK
    assert "Adhésion" in got.html and "Données à caractère personnel" in got.html


def test_undeclared_latin1_falls_back(base):
    got = fetch(f"{base}/undeclared-latin1.html")
    assert got.status == PageStatus.OK and "Données privées – écrivez-nous" in got.html


def test_bom_beats_a_wrong_http_charset(base):
    got = fetch(f"{base}/bom.html")
    assert "Vie privée" in got.html


def test_redirect_loop(base):
    got = fetch(f"{base}/loop-a")
    assert got.status == PageStatus.TOO_MANY_REDIRECTS
    assert "loop" in got.error and f"{base}/loop-a" in got.error


def test_slow_server_times_out(base):
    start = time.monotonic()
    got = fetch(f"{base}/slow.html")
    assert got.status == PageStatus.TIMEOUT
    assert time.monotonic() - start < SLOW_SECONDS


def test_trickling_server_hits_the_page_deadline(base):
    start = time.monotonic()
    got = fetch(f"{base}/trickle.html", replace(SETTINGS, timeout=1.0, deadline=1.5))
    assert got.status == PageStatus.TIMEOUT
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("code", [404, 500])
def test_http_errors(base, code):
    got = fetch(f"{base}/{code}.html")
    assert got.status == PageStatus.HTTP_ERROR and got.http_status == code
    assert str(code) in got.error and f"{base}/{code}.html" in got.error


def test_binary_served_as_html(base):
    got = fetch(f"{base}/binary.html")
    assert got.status == PageStatus.NOT_HTML and "binary" in got.error


def test_connection_refused():
    url = refused_url()
    got = fetch(url)
    assert got.status == PageStatus.FETCH_ERROR and url in got.error


# --- the whole pipeline -------------------------------------------------------------------


def test_scan_reports_every_hostile_page_and_goes_on(base):
    targets = [f"{base}/{p}" for p in (
        "malformed.html", "big.html", "cp1252.html", "latin1-meta.html", "loop-a", "slow.html",
        "404.html", "500.html", "binary.html", "ok.html")] + [refused_url()]
    start = time.monotonic()
    result = scan(targets, SETTINGS)
    assert time.monotonic() - start < 40
    status = {p.url.rsplit("/", 1)[-1] or "refused": p.status for p in result.pages}
    assert status == {
        "malformed.html": PageStatus.OK,
        "big.html": PageStatus.TRUNCATED,
        "cp1252.html": PageStatus.OK,
        "latin1-meta.html": PageStatus.OK,
        "loop-a": PageStatus.TOO_MANY_REDIRECTS,
        "slow.html": PageStatus.TIMEOUT,
        "404.html": PageStatus.HTTP_ERROR,
        "500.html": PageStatus.HTTP_ERROR,
        "binary.html": PageStatus.NOT_HTML,
        "ok.html": PageStatus.OK,
        "refused": PageStatus.FETCH_ERROR,
    }
    malformed = result.pages[0]
    assert not malformed.error, malformed.error  # parsed, not an internal error


def test_pathological_page_is_cut_off_by_the_analysis_budget():
    """Thousands of forms take far longer to extract and judge than a small budget allows: the
    page is reported as a timeout within the budget and the next page is still judged."""
    from scanner.fetch import FakeFetcher

    forms = "".join(f'<form action="/f{i}"><input type="email" name="e"><button>Go</button></form>'
                    for i in range(6000))
    pages = {"https://a.example/forms": f"<html><body>{forms}</body></html>",
             "https://a.example/ok": "<html><body><p>ok</p></body></html>"}
    start = time.monotonic()
    result = scan(list(pages), replace(SETTINGS, analysis_timeout=0.2), fetcher=FakeFetcher(pages))
    assert time.monotonic() - start < 10
    assert [p.status for p in result.pages] == [PageStatus.TIMEOUT, PageStatus.OK]
    assert "took longer than 0.2 s to analyse" in result.pages[0].error


def test_selectors_of_many_sibling_forms_keep_their_positions():
    """Sibling positions are computed once per parent (4,000 sibling forms took ~12 s when each
    selector counted its siblings again); each selector must still point at its own form."""
    from scanner.extract import extract_page

    forms = "".join(f'<form action="/f{i}"><input type="email" name="e"><button>Go</button></form>'
                    for i in range(4000))
    page = extract_page(f"<html><body>{forms}</body></html>", "https://a.example/forms")
    assert len(page.forms) == 4000
    for index in (0, 1, 2999, 3999):
        assert page.forms[index].selector.endswith(f"form:nth-of-type({index + 1})"), page.forms[index].selector
        assert page.forms[index].action == f"https://a.example/f{index}"
