"""The browser engine: Debian's Chromium renders script-built pages, records the requests they
make, and feeds the same extract/judge path. Requests to non-loopback hosts are blocked (and
still recorded), so the test never touches the internet."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from scanner.browser import chromium_path
from scanner.fetch import DEFAULT_SETTINGS
from scanner.model import PageStatus
from scanner.scan import Scanner, scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed (make system-deps)"),
]

SETTINGS = replace(DEFAULT_SETTINGS, engine="browser", block_remote=True, browser_wait=1.0,
                   timeout=5.0, deadline=15.0, delay=0.0)

# A page whose form and tracker only exist once its script has run.
SCRIPT_BUILT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pledge</title>
<script>
document.addEventListener('DOMContentLoaded', function () {
  var form = document.createElement('form');
  form.id = 'pledge'; form.action = 'https://stop.example/pledge'; form.method = 'post';
  form.innerHTML = '<label for="em">Email</label><input id="em" type="email" name="email" required>'
    + '<label><input type="checkbox" name="newsletter" value="1" checked> Send me the campaign newsletter</label>'
    + '<button type="submit">Sign the pledge</button>'
    + '<p>We use your data to count your signature. <a href="privacy.html">Privacy notice</a></p>';
  document.getElementById('app').appendChild(form);
  var s = document.createElement('script');
  s.src = 'https://connect.facebook.net/en_US/fbevents.js';
  document.head.appendChild(s);
});
</script></head><body><h1>Stop the incinerator</h1><div id="app"></div></body></html>"""

PRIVACY = """<html><body><h1>Privacy</h1><p>Your data is processed by Stop the Incinerator CIC,
1 High Street, Leeds, the data controller. You may access, rectify or erase your data and object
to its use by writing to privacy@stop.example. You can withdraw your consent and unsubscribe at
any time.</p></body></html>"""

STATIC = """<html><body><h1>Contact</h1><form action="send" method="post"><label for="e">Email</label>
<input id="e" type="email" name="email"><button>Send</button></form><script>var x = 1;</script></body></html>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.plugins.static_server import serve_directory

    root = tmp_path_factory.mktemp("browser-site")
    (root / "pledge.html").write_text(SCRIPT_BUILT, encoding="utf-8")
    (root / "privacy.html").write_text(PRIVACY, encoding="utf-8")
    (root / "static.html").write_text(STATIC, encoding="utf-8")
    with serve_directory(root) as base:
        yield base


def test_fetch_renders_scripts_and_records_blocked_requests(site):
    from scanner.browser import BrowserFetcher

    fetcher = BrowserFetcher(SETTINGS)
    try:
        start = time.monotonic()
        got = fetcher.fetch(f"{site}/pledge.html")
        assert time.monotonic() - start < 15
        assert got.status == PageStatus.OK and 'id="pledge"' in got.html
        assert "https://connect.facebook.net/en_US/fbevents.js" in got.requests
        missing = fetcher.fetch(f"{site}/nope.html")
        assert missing.status == PageStatus.HTTP_ERROR and missing.http_status == 404
    finally:
        fetcher.close()


def test_browser_scan_judges_the_rendered_dom(site):
    pytest.importorskip("scanner.judge")
    static = scan([f"{site}/pledge.html"], replace(SETTINGS, engine="static"))
    assert not static.pages[0].forms  # the static engine cannot see it
    result = scan([f"{site}/pledge.html"], SETTINGS)
    page = result.pages[0]
    assert page.forms and page.forms[0].selector
    assert any(t.get("url") == "https://connect.facebook.net/en_US/fbevents.js" for t in page.trackers)
    rules = {f.rule for f in result.findings}
    assert {"prechecked-consent", "third-party-tracking"} <= rules


def test_auto_uses_the_browser_only_for_script_built_pages(site):
    pytest.importorskip("scanner.judge")
    scanner = Scanner(replace(SETTINGS, engine="auto"))
    try:
        static_page, _, _ = scanner.scan_page("static.html", f"{site}/static.html")
        assert static_page.forms and scanner._browser is None
        built, findings, _ = scanner.scan_page("pledge.html", f"{site}/pledge.html")
        assert built.forms and scanner._browser is not None
        assert "prechecked-consent" in {f.rule for f in findings}
    finally:
        scanner.close()
