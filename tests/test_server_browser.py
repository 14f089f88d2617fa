"""The embedded form in real Chromium with third-party cookies blocked (as Safari and Brave do).

The campaign's page is on http://localhost:PORT1 and embeds our iframe from
http://127.0.0.1:PORT2: two different sites. The browser profile blocks third-party cookies, and
the test first proves it (a cookie written inside the frame does not stick, while the same
write works in a profile that allows them). A person then fills in the form inside the frame and
submits it: the receipt shows in the frame and the ledger holds the submission. A CSRF scheme
that relied on a session cookie would fail exactly here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from formkit.ledger.service import Ledger
from formkit.server import create_app
from formkit.server.wsgi import running_server
from tests.plugins.browser import CHROMIUM_ARGS, chromium_path, run_axe
from tests.plugins.paths import missing
from tests.plugins.static_server import serve_directory
from tests.server_support import FORM, make_config

pytestmark = pytest.mark.browser

PROBE = "() => { document.cookie = 'probe=1; SameSite=None; Secure'; return document.cookie; }"


def _context(pw, profile: Path, *, block: bool):
    """A Chromium profile whose preferences block (or allow) third-party cookies."""
    (profile / "Default").mkdir(parents=True)
    prefs = {"profile": {"block_third_party_cookies": block, "cookie_controls_mode": 1 if block else 0}}
    (profile / "Default" / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")
    return pw.chromium.launch_persistent_context(str(profile), executable_path=chromium_path(),
                                                 headless=True, args=list(CHROMIUM_ARGS))


@pytest.fixture
def sites(tmp_path: Path) -> Iterator[tuple[object, str, str]]:
    if chromium_path() is None:
        missing("Chromium is not installed (make system-deps installs Debian's chromium)")
    app = create_app(make_config(tmp_path, UNBUNDLE_MIN_FILL_SECONDS=1.0))
    with running_server(app) as form_base:
        outer = tmp_path / "campaign-site"
        outer.mkdir()
        (outer / "index.html").write_text(
            '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Camille 2027</title></head>'
            f'<body><h1>Parrainez Camille</h1><script src="{form_base}/embed.js" data-form="{FORM}" async></script>'
            '</body></html>', encoding="utf-8")
        with serve_directory(outer) as outer_base:
            yield app, outer_base.replace("127.0.0.1", "localhost"), form_base
    app.extensions["unbundle.ledger"].ledger.close()


def _form_frame(page, form_base: str):
    page.wait_for_function(f"() => [...document.querySelectorAll('iframe')].some(f => f.src.startsWith({form_base!r}))")
    for _ in range(100):
        frames = [f for f in page.frames if f.url.startswith(form_base)]
        if frames and frames[0].query_selector("#ub-first_name"):
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError("the form frame did not load")


def test_probe_tells_blocked_from_allowed(sites, playwright, tmp_path: Path):
    """Guards the main test: the probe really detects third-party cookie blocking."""
    _, outer_base, form_base = sites
    for block, expected in ((False, "probe=1"), (True, "")):
        context = _context(playwright, tmp_path / f"profile-{block}", block=block)
        try:
            page = context.new_page()
            page.goto(f"{outer_base}/index.html")
            assert _form_frame(page, form_base).evaluate(PROBE) == expected
        finally:
            context.close()


def test_submit_inside_a_third_party_iframe_with_cookies_blocked(sites, playwright, tmp_path: Path):
    app, outer_base, form_base = sites
    context = _context(playwright, tmp_path / "profile", block=True)
    try:
        page = context.new_page()
        page.goto(f"{outer_base}/index.html")
        frame = _form_frame(page, form_base)
        assert frame.evaluate(PROBE) == ""  # third-party cookies are blocked in this frame
        frame.fill("#ub-first_name", "Camille")
        frame.fill("#ub-last_name", "Durand")
        frame.fill("#ub-email", "camille.durand@example.org")
        frame.fill("#ub-postal_code", "69001")
        frame.check("#ub-attest_eligibility")
        frame.check("#ub-purpose_newsletter")
        page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
        frame.click("button.ub-submit")
        frame.wait_for_selector("text=Merci", timeout=15000)
        assert "Vous avez accepté" in frame.content()
        assert context.cookies() == []  # and we never set one
    finally:
        context.close()
    ledger = Ledger(app.config["UNBUNDLE_DB"])
    try:
        rows = ledger.export(FORM, "newsletter")
        assert [r["email"] for r in rows] == ["camille.durand@example.org"]
        assert rows[0]["source"] == "embed"
        assert rows[0]["page_url"].startswith(outer_base)  # the campaign page the frame was on
    finally:
        ledger.close()




def _axe(page, axe_source: str) -> list[dict]:
    return run_axe(page, axe_source)[0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_server_pages_are_accessible_and_load_nothing_foreign(sites, page, axe_source, lang):
    """The pages a supporter meets after the form, and the workbench, in a real browser:
    axe-core finds no WCAG 2.1 A/AA violation and every request stays on our origin."""
    _, _, base = sites
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    seen: dict[str, list[dict]] = {}

    page.goto(f"{base}/f/{FORM}?lang={lang}")
    page.fill("#ub-first_name", "Camille")
    page.fill("#ub-last_name", "Durand")
    page.fill("#ub-email", "camille.durand@example.org")
    page.fill("#ub-postal_code", "69001")
    page.check("#ub-attest_eligibility")
    page.check("#ub-purpose_sms")
    page.fill("#ub-phone", "06 12 34 56 78")
    page.wait_for_timeout(1100)
    page.click("button.ub-submit")
    page.wait_for_load_state("load")
    seen["receipt"] = _axe(page, axe_source)
    withdraw = page.get_attribute("a[href*='/u/']", "href")
    page.goto(withdraw)
    seen["withdraw"] = _axe(page, axe_source)
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() in ("C'est fait", "Done")
    seen["withdrawn"] = _axe(page, axe_source)
    page.goto(f"{base}/f/no-such-form?lang={lang}")
    seen["not-found"] = _axe(page, axe_source)
    if lang == "fr":
        for path in ("/", f"/forms/{FORM}", "/scan"):
            page.goto(base + path)
            page.wait_for_load_state("load")
            seen[path] = _axe(page, axe_source)

    assert {name: v for name, v in seen.items() if v} == {}
    assert [url for url in requests if not url.startswith(base)] == []
