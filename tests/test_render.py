"""Rendered HTML: the notice elements in each language, accessible markup, no outside resource,
optional purposes never checked nor required, and a small embed loader."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict

from formkit.forms import build_form
from formkit.i18n import CNIL_COMPLAINT_URL, MESSAGES, date_in_words, duration_in_words
from formkit.render import (
    build_notice,
    embed_code,
    render_embed,
    render_embed_js,
    render_page,
    render_snippet,
)
from formkit.spec import load_spec
from scanner.vocabulary import CoreAction

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPECS = [load_spec(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
SPONSOR = load_spec(EXAMPLES / "parrainage-presidentielle.yaml")
CASES = [(spec, lang) for spec in SPECS for lang in spec.languages]
IDS = [f"{spec.id}-{lang}" for spec, lang in CASES]
RENDERERS = {"page": render_page, "embed": render_embed, "snippet": render_snippet}

RIGHTS_WORDS = {
    "fr": ["accès", "rectification", "effacement", "portabilité", "opposer", "réclamation à la CNIL"],
    "en": ["access", "rectify", "erase", "port", "object", "complaint with the CNIL"],
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", soup(html).get_text(" ")).replace("\u00a0", " ")


@pytest.mark.parametrize(("spec", "lang"), CASES, ids=IDS)
@pytest.mark.parametrize("kind", list(RENDERERS))
def test_notice_elements(spec, lang, kind):
    html = RENDERERS[kind](spec, lang)
    doc = soup(html)
    text = text_of(html)
    c = spec.controller
    assert c.name in text
    if c.address:
        assert c.address in text
    for contact in (c.email, c.dpo):
        if contact:
            assert contact in text
    for word in RIGHTS_WORDS[lang]:
        assert word in text, word
    assert doc.find("a", href=CNIL_COMPLAINT_URL)
    if spec.privacy_url:
        assert doc.find("a", href=spec.privacy_url)
    # Legal bases: the core action's and consent for every optional purpose.
    assert re.search(r"6\(1\)\((a|b|c)\)", text)
    assert text.count("6(1)(a)") >= len(spec.purposes)
    for purpose in spec.purposes:
        assert purpose.text[lang].replace("\u00a0", " ") in text
        if purpose.channel and purpose.channel.value == "sms":
            assert "STOP" in text
        if purpose.channel and purpose.channel.value == "email":
            assert {"fr": "lien de désinscription", "en": "unsubscribe link"}[lang] in text
    for recipient in spec.recipients:
        assert recipient.name in text
    if spec.retention.election_end:
        assert date_in_words(spec.retention.election_end, lang).replace("\u00a0", " ") in text
    if spec.retention.core_action:
        d = spec.retention.core_action
        assert duration_in_words(d.years, d.months, d.weeks, d.days, lang).replace("\u00a0", " ") in text


@pytest.mark.parametrize(("spec", "lang"), CASES, ids=IDS)
@pytest.mark.parametrize("kind", list(RENDERERS))
def test_markup(spec, lang, kind):
    html = RENDERERS[kind](spec, lang, action="https://forms.example.org/f/x")
    doc = soup(html)
    lang_holder = doc.find("html") if kind != "snippet" else doc.find("div", class_="unbundle-form")
    assert lang_holder["lang"] == lang
    form = doc.find("form")
    assert form["method"] == "post" and form["action"] == "https://forms.example.org/f/x"
    # Every visible control has its own bound label.
    for control in form.find_all(["input", "select", "textarea"]):
        if control.get("type") == "hidden":
            continue
        assert doc.find("label", attrs={"for": control["id"]}), control
    # Optional purposes: in a fieldset with a legend, unchecked, never required.
    boxes = form.find_all("input", attrs={"name": re.compile(r"^purpose_")})
    assert len(boxes) == len(spec.purposes)
    for box in boxes:
        assert box["type"] == "checkbox"
        assert not box.has_attr("checked") and not box.has_attr("required")
        fieldset = box.find_parent("fieldset")
        assert fieldset is not None and fieldset.find("legend").get_text(strip=True)
    # Attestations are required.
    for box in form.find_all("input", attrs={"name": re.compile(r"^attest_")}):
        assert box.has_attr("required") and not box.has_attr("checked")
    # No outside resource: nothing with a src or a stylesheet link, and no inline handler or
    # style attribute (a strict CSP forbids them).
    assert not doc.find(attrs={"src": True})
    assert not doc.find("link")
    for tag in doc.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag
        assert "style" not in tag.attrs, tag
    if kind == "snippet":
        assert not doc.find("script") and not doc.find("style")


def test_nonce_on_style_and_script():
    page = soup(render_page(SPONSOR, "fr", nonce="n0nce"))
    assert page.find("style")["nonce"] == "n0nce"
    embed = soup(render_embed(SPONSOR, "fr", nonce="n0nce"))
    assert embed.find("style")["nonce"] == "n0nce"
    assert embed.find("script")["nonce"] == "n0nce"
    assert "postMessage" in embed.find("script").string
    assert not soup(render_page(SPONSOR, "fr")).find("style").has_attr("nonce")


def test_hidden_inputs_are_rendered_and_escaped():
    html = render_page(SPONSOR, "fr", hidden={"csrf_token": 'abc"<x>', "started": "1700000000"})
    doc = soup(html)
    token = doc.find("input", attrs={"name": "csrf_token"})
    assert token["type"] == "hidden" and token["value"] == 'abc"<x>'
    assert '"<x>' not in html
    assert doc.find("input", attrs={"name": "started"})["value"] == "1700000000"


def test_rerender_after_a_failed_post_ties_errors_to_fields():
    form = build_form(SPONSOR, "fr", MultiDict({"email": "camille@", "purpose_sms": "y",
                                                "first_name": "Camille"}))
    assert not form.validate()
    doc = soup(render_page(SPONSOR, "fr", form=form))
    email = doc.find("input", attrs={"name": "email"})
    assert email["aria-invalid"] == "true"
    error = doc.find(id=f"{email['id']}-error")
    assert error and MESSAGES["fr"]["err_email"] in error.get_text()
    assert f"{email['id']}-error" in email["aria-describedby"].split()
    assert email["value"] == "camille@"
    assert doc.find("input", attrs={"name": "first_name"})["value"] == "Camille"
    summary = doc.find(attrs={"role": "alert"})
    assert summary.find("a", href=f"#{email['id']}")
    # The person's own tick survives the re-render; the other box stays off.
    assert doc.find("input", attrs={"name": "purpose_sms"}).has_attr("checked")
    assert not doc.find("input", attrs={"name": "purpose_newsletter"}).has_attr("checked")


def test_banner_is_an_escaped_alert_at_the_top_of_the_form():
    for render in RENDERERS.values():
        doc = soup(render(SPONSOR, "en", banner="Try again <later>"))
        alert = doc.find("form").find(attrs={"role": "alert"})
        assert alert.get_text(strip=True) == "Try again <later>"
    assert not soup(render_page(SPONSOR, "en")).find(attrs={"role": "alert"})


def test_form_in_the_wrong_language_is_refused():
    with pytest.raises(ValueError):
        render_page(SPONSOR, "en", form=build_form(SPONSOR, "fr"))


def test_embed_loader_is_small_and_checks_origins():
    script = render_embed_js("https://forms.example.org")
    size = len(gzip.compress(script.encode("utf-8")))
    assert size < 2048, f"embed.js is {size} bytes gzipped"
    assert "https://forms.example.org" in script
    assert "e.origin !== origin" in script and "e.source !== f.contentWindow" in script
    assert not re.search(r"https?://(?!forms\.example\.org)", script)


def test_embed_code_variants():
    code = embed_code(SPONSOR, "https://forms.example.org/", "fr")
    iframe, script = soup(code["iframe"]).find("iframe"), soup(code["script"]).find("script")
    assert iframe["src"] == "https://forms.example.org/embed.fr.html" and iframe["title"]
    assert script["src"] == "https://forms.example.org/embed.js"
    assert script["data-form"] == SPONSOR.id and script.has_attr("async")


def test_interface_strings_exist_in_every_language():
    from formkit import i18n

    for table in (i18n.MESSAGES, i18n.FIELD_LABELS, i18n.FIELD_HINTS, i18n.COUNTRIES,
                  i18n.CORE_ACTIONS, i18n.PURPOSE_NOUNS, i18n.MONTHS):
        assert set(table) == set(i18n.UI_LANGUAGES)
        keys = [set(table[lang]) if isinstance(table[lang], dict) else len(table[lang])
                for lang in i18n.UI_LANGUAGES]
        assert all(k == keys[0] for k in keys)
    assert set(i18n.CORE_ACTIONS["fr"]) == {a.value for a in CoreAction}


def test_french_typography():
    # A no-break space before the high punctuation marks : ; ? ! (never a plain space).
    for key, text in MESSAGES["fr"].items():
        assert not re.search(r" [:;?!]", text), key


def test_notice_words():
    notice = build_notice(SPONSOR, "fr")
    assert notice.controller == SPONSOR.controller.name
    assert any("9\u00a0novembre 2027" in line for line in notice.retention)
    assert any("STOP" in line for line in notice.withdrawal)
    assert duration_in_words(1, 6, 0, 0, "fr") == "1\u00a0an et 6\u00a0mois"
    assert duration_in_words(0, 0, 2, 1, "en") == "2\u00a0weeks and 1\u00a0day"
