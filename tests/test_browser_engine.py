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
    static = scan([f"{site}/pledge.html"], replace(SETTINGS, engine="static"))
    assert not static.pages[0].forms  # the static engine cannot see it
    result = scan([f"{site}/pledge.html"], SETTINGS)
    page = result.pages[0]
    assert page.forms and page.forms[0].selector
    assert any(t.get("url") == "https://connect.facebook.net/en_US/fbevents.js" for t in page.trackers)
    rules = {f.rule for f in result.findings}
    assert {"prechecked-consent", "third-party-tracking"} <= rules


def test_auto_uses_the_browser_only_for_script_built_pages(site):
    scanner = Scanner(replace(SETTINGS, engine="auto"))
    try:
        static_page, _, _ = scanner.scan_page("static.html", f"{site}/static.html")
        assert static_page.forms and scanner._browser is None
        built, findings, _ = scanner.scan_page("pledge.html", f"{site}/pledge.html")
        assert built.forms and scanner._browser is not None
        assert "prechecked-consent" in {f.rule for f in findings}
    finally:
        scanner.close()


# --- forms whose script refuses to submit -------------------------------------------------

PROBED = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Adhésion</title></head><body>
<h1>Adhérer</h1>
<form id="adh" action="/adherer" method="post" onsubmit="return verifier(this)">
  <label for="n">Nom</label><input id="n" name="nom">
  <label for="m">E-mail</label><input id="m" type="email" name="email">
  <label><input type="checkbox" name="lettre_info" value="1"> Je reçois la lettre d'information</label>
  <label><input type="checkbox" name="sms" value="1"> Je reçois les SMS</label>
  <button type="submit">Adhérer</button>
</form>
<form id="contact" action="/contact" method="post">
  <label for="e">E-mail</label><input id="e" type="email" name="courriel">
  <label><input type="checkbox" name="copie" value="1"> Recevoir une copie</label>
  <button type="submit">Envoyer</button>
</form>
<form id="ajax" action="/ajax" method="post">
  <label for="a">E-mail</label><input id="a" type="email" name="mail">
  <label><input type="checkbox" name="infos" value="1"> Infos</label>
  <button type="submit">OK</button>
</form>
<script>
function verifier(f) {
  if (!f.email.value) { return false; }
  if (!f.lettre_info.checked) { alert('Vous devez accepter la lettre.'); return false; }
  return true;
}
// A form sent by script: always cancels the native submit, then posts on its own.
document.getElementById('ajax').addEventListener('submit', function (e) {
  e.preventDefault();
  fetch('/beacon', {method: 'POST', body: 'x'});
});
document.getElementById('contact').addEventListener('submit', function () {
  fetch('/beacon', {method: 'POST', body: 'y'});
});
</script></body></html>"""


@pytest.fixture(scope="module")
def counting_site():
    """Serves PROBED and counts every request that reaches the server."""
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _answer(self) -> None:
            hits.append(f"{self.command} {self.path}")
            body = PROBED.encode() if self.path == "/adhesion.html" else b"ok"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def test_probe_finds_the_box_a_script_insists_on_and_sends_nothing(counting_site):
    from scanner.browser import BrowserFetcher

    base, hits = counting_site
    fetcher = BrowserFetcher(SETTINGS)
    try:
        got = fetcher.fetch(f"{base}/adhesion.html")
    finally:
        fetcher.close()
    probes = {tuple(sorted(p["names"])): p["blocked"] for p in got.submit_probes}
    assert probes[("email", "lettre_info", "nom", "sms")] == ["lettre_info"]  # not sms, not email
    assert probes[("copie", "courriel")] == []  # submits whatever the box
    assert probes[("infos", "mail")] == []  # always cancels: cannot tell, so no claim
    assert hits == ["GET /adhesion.html"]  # the probe's submit handlers reached no server


def test_probed_box_becomes_bundled_consent(counting_site):
    base, _ = counting_site
    result = scan([f"{base}/adhesion.html"], SETTINGS)
    form = next(f for f in result.pages[0].forms if f.selector and "adh" in f.selector)
    assert form.blocked_submit == ["lettre_info"]
    assert "bundled-consent" in {f.rule for f in result.findings if f.form == form.index}


# --- hostile scripts ------------------------------------------------------------------------


@pytest.mark.parametrize("script", [
    "<script>setTimeout(function () { while (true) {} }, 200);</script>",  # after the load event
    '<form onsubmit="while (true) {}"><input type="checkbox" name="a"><button>x</button></form>',  # in the probe
])
def test_a_script_that_never_ends_is_a_timeout_and_the_scan_goes_on(tmp_path, script):
    from scanner.browser import BrowserFetcher

    (tmp_path / "loop.html").write_text(f"<html><body><p>x</p>{script}</body></html>", encoding="utf-8")
    (tmp_path / "ok.html").write_text(STATIC, encoding="utf-8")
    settings = replace(SETTINGS, deadline=3.0, browser_wait=0.5)
    fetcher = BrowserFetcher(settings)
    try:
        start = time.monotonic()
        looped = fetcher.fetch((tmp_path / "loop.html").as_uri())
        assert looped.status == PageStatus.TIMEOUT and "loop.html" in looped.error
        assert time.monotonic() - start < 20
        after = fetcher.fetch((tmp_path / "ok.html").as_uri())  # a fresh Chromium took over
        assert after.status == PageStatus.OK and "<form" in after.html
    finally:
        fetcher.close()
