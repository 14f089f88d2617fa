"""Built pages in a real headless Chromium: axe-core finds no WCAG 2.1 A/AA violation, optional
purposes are neither checked nor required in the live DOM, nothing is requested from another
origin, and the embed loader inserts and resizes its iframe.

Everything is served on 127.0.0.1 (tests/plugins/static_server.py); axe-core is injected from
the file shipped by the axe-playwright-python package, never fetched.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.plugins.browser import run_axe

from formkit.build import build
from formkit.render import render_snippet
from formkit.spec import load_spec

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPECS = [load_spec(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
CASES = [(spec, lang, kind) for spec in SPECS for lang in spec.languages
         for kind in ("page", "embed", "snippet")]
IDS = [f"{spec.id}-{kind}.{lang}" for spec, lang, kind in CASES]

# Values that satisfy the browser's own constraints (required, type=email, date…).
SAMPLE = {
    "first_name": "Camille", "last_name": "Martin", "email": "camille@exemple.fr",
    "phone": "06 12 34 56 78", "postal_code": "69001", "city": "Lyon",
    "address": "12 rue de la République", "birth_date": "1990-04-01",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Every example built with relative URLs, one folder per spec, plus a full page around
    each snippet (a snippet is a fragment; axe judges documents)."""
    root = tmp_path_factory.mktemp("built")
    for spec in SPECS:
        folder = root / spec.id
        build(spec, folder)
        for lang in spec.languages:
            (folder / f"snippet-host.{lang}.html").write_text(
                f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>{spec.id}</title></head><body><main>"
                f"{render_snippet(spec, lang, action='/f/' + spec.id)}</main></body></html>",
                encoding="utf-8")
    return root


def file_for(kind: str, lang: str) -> str:
    return f"snippet-host.{lang}.html" if kind == "snippet" else f"{kind}.{lang}.html"


def open_recording(page, url: str) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="load")
    return requests


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize(("spec", "lang", "kind"), CASES, ids=IDS)
def test_axe_finds_no_violation(spec, lang, kind, page, built, serve_dir, axe_source):
    with serve_dir(built / spec.id) as base:
        page.goto(f"{base}/{file_for(kind, lang)}", wait_until="load")
        violations, results = run_axe(page, axe_source)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    assert len(results["passes"]) + len(results["incomplete"]) > 0 or results["inapplicable"]


@pytest.mark.parametrize(("spec", "lang", "kind"), CASES, ids=IDS)
def test_nothing_from_another_origin(spec, lang, kind, page, built, serve_dir):
    with serve_dir(built / spec.id) as base:
        requests = open_recording(page, f"{base}/{file_for(kind, lang)}")
        page.wait_for_load_state("networkidle")
    assert requests and requests[0].startswith(base)
    foreign = [url for url in requests if origin(url) != base]
    assert foreign == []


@pytest.mark.parametrize(("spec", "lang", "kind"), CASES, ids=IDS)
def test_optional_purposes_off_and_optional_in_the_dom(spec, lang, kind, page, built, serve_dir):
    with serve_dir(built / spec.id) as base:
        page.goto(f"{base}/{file_for(kind, lang)}", wait_until="load")
        boxes = page.eval_on_selector_all(
            "form input[name^='purpose_']",
            "els => els.map(e => ({type: e.type, checked: e.checked, required: e.required,"
            " hidden: e.type === 'hidden' || e.offsetParent === null}))")
        assert boxes == [{"type": "checkbox", "checked": False, "required": False, "hidden": False}
                         for _ in spec.purposes]
        # With every required field filled and every attestation ticked, the browser lets the
        # form go without any purpose: nothing optional blocks submission.
        for field in spec.fields:
            if field.required:
                selector = f"[name='{field.name}']"
                if field.name == "country":
                    page.select_option(selector, "FR")
                else:
                    page.fill(selector, SAMPLE.get(field.name, "x"))
        page.eval_on_selector_all("input[name^='attest_']", "els => els.forEach(e => e.checked = true)")
        assert page.eval_on_selector("form", "f => f.checkValidity()") is True
        # And an attestation left unticked does block it (the check above can fail).
        if spec.attestations:
            page.eval_on_selector("input[name^='attest_']", "e => e.checked = false")
            assert page.eval_on_selector("form", "f => f.checkValidity()") is False


def test_embed_loader_inserts_and_resizes_the_iframe(page, built, serve_dir, tmp_path):
    spec = next(s for s in SPECS if s.id == "parrainage-camille-2027")
    host_dir = tmp_path / "host"
    host_dir.mkdir()
    with serve_dir(built / spec.id) as forms_base, serve_dir(host_dir) as host_base:
        # The campaign's own site, on another origin, pastes the script tag.
        (host_dir / "index.html").write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>'
            '<body><main><h1>Support Camille</h1>'
            f'<script src="{forms_base}/embed.js" data-form="{spec.id}" async></script>'
            "<p>After the form.</p></main></body></html>", encoding="utf-8")
        page.set_viewport_size({"width": 1000, "height": 800})
        requests = open_recording(page, f"{host_base}/index.html")
        page.wait_for_selector("iframe")
        frame_src = page.eval_on_selector("iframe", "f => f.src")
        assert frame_src == f"{forms_base}/embed.en.html"
        assert page.eval_on_selector("iframe", "f => f.title")
        # Inserted right after its script tag, before the following paragraph.
        assert page.eval_on_selector("iframe", "f => f.previousElementSibling.tagName") == "SCRIPT"

        def heights():
            outer = page.eval_on_selector("iframe", "f => f.getBoundingClientRect().height")
            frame = next(f for f in page.frames if f.url == frame_src)
            inner = frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
            return outer, inner

        page.wait_for_function(
            "() => { const f = document.querySelector('iframe'); return f && f.contentDocument === null"
            " && parseFloat(f.style.height) > 700 }")
        page.wait_for_timeout(300)
        outer, inner = heights()
        assert abs(outer - inner) <= 2, (outer, inner)
        # A narrower window makes the form taller: the frame follows.
        page.set_viewport_size({"width": 360, "height": 800})
        page.wait_for_function(f"() => parseFloat(document.querySelector('iframe').style.height) > {outer + 50}")
        page.wait_for_timeout(300)
        outer2, inner2 = heights()
        assert outer2 > outer and abs(outer2 - inner2) <= 2, (outer2, inner2)
        # A message that does not come from the frame is ignored (origin and source checks).
        page.evaluate("id => window.postMessage({unbundle: 'height', form: id, height: 5}, '*')", spec.id)
        page.wait_for_timeout(300)
        assert page.eval_on_selector("iframe", "f => f.getBoundingClientRect().height") == outer2
        page.wait_for_load_state("networkidle")
    allowed = {origin(forms_base), origin(host_base)}
    assert {origin(url) for url in requests} <= allowed, requests
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in requests)


def test_embed_loader_follows_data_lang(page, built, serve_dir, tmp_path):
    spec = SPECS[0]
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="de"><head><title>Host</title></head><body>'
        '<script src="FORMS/embed.js" data-form="ID" data-lang="fr" async></script>'
        '<script src="FORMS/embed.js" data-form="ID" async></script></body></html>', encoding="utf-8")
    with serve_dir(built / spec.id) as forms_base, serve_dir(tmp_path) as host_base:
        html = (tmp_path / "index.html").read_text(encoding="utf-8")
        (tmp_path / "index.html").write_text(html.replace("FORMS", forms_base).replace("ID", spec.id),
                                             encoding="utf-8")
        page.goto(f"{host_base}/index.html", wait_until="load")
        page.wait_for_function("() => document.querySelectorAll('iframe').length === 2")
        sources = page.eval_on_selector_all("iframe", "fs => fs.map(f => f.src)")
    # data-lang wins; a host language the form lacks (de) falls back to the spec's first one.
    assert sources == [f"{forms_base}/embed.fr.html", f"{forms_base}/embed.{spec.languages[0]}.html"]


STRICT_CSP = ("default-src 'none'; style-src 'nonce-{n}'; script-src 'nonce-{n}'; img-src 'self'; "
              "form-action 'self'; base-uri 'none'")


@pytest.mark.parametrize("kind", ["page", "embed"])
def test_pages_hold_under_a_strict_csp(kind, page):
    """The server sends a CSP without 'unsafe-inline': the nonce must cover every style and
    script, and nothing may need an inline attribute."""
    from formkit.render import render_embed, render_page

    spec = next(s for s in SPECS if s.id == "parrainage-camille-2027")
    nonce = "dGVzdC1ub25jZQ"
    html = (render_page if kind == "page" else render_embed)(spec, "fr", nonce=nonce, action="/f/x")
    url = "http://127.0.0.1:9/csp.html"  # fulfilled below, never fetched
    page.route(url, lambda route: route.fulfill(
        status=200, body=html, content_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": STRICT_CSP.format(n=nonce)}))
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page.goto(url, wait_until="load")
    assert page.evaluate("window.__violations") == []
    # The stylesheet really applied (the submit button is styled), so the check above is live.
    background = page.eval_on_selector(".ub-submit", "b => getComputedStyle(b).backgroundColor")
    assert background == "rgb(29, 78, 137)"
    # And the same page without the nonce is refused: the test can fail.
    page.unroute(url)
    bare = html.replace(f' nonce="{nonce}"', "")
    page.route(url, lambda route: route.fulfill(
        status=200, body=bare, content_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": STRICT_CSP.format(n=nonce)}))
    page.goto(url, wait_until="load")
    assert page.evaluate("window.__violations") != []
