"""Extraction: forms and script-driven groups, accessible names, required and default states,
visibility, small print, links, tracker-relevant URLs, evidence selectors and notice text."""

from __future__ import annotations

from bs4 import BeautifulSoup

from scanner.extract import HTML_CUT, extract_page, notice_text
from scanner.model import Control, PageModel

URL = "https://campagne.example/agir/soutien.html"


def _page(body: str, head: str = "", lang: str = "fr") -> PageModel:
    return extract_page(f'<!DOCTYPE html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>', URL)


def _control(page: PageModel, name: str) -> Control:
    return next(c for f in page.forms for c in f.controls if c.name == name)


def test_accessible_names_in_accname_order() -> None:
    page = _page("""<form>
      <span id="q">Votre ville</span><input name="a" aria-labelledby="q" aria-label="ignored">
      <input name="b" aria-label="Code postal">
      <label for="c-id">Prénom</label><input id="c-id" name="c">
      <label>Nom <input name="d"></label>
      <input name="e" title="Téléphone">
      <input type="checkbox" name="f" value="1"> Je souhaite recevoir la lettre<br>
      <table><tr><td>Adresse :</td><td><input name="g"></td></tr></table>
      <input name="h" placeholder="Votre e-mail">
      <button>Envoyer</button></form>""")
    names = {c.name: c.label for c in page.forms[0].controls}
    assert names["a"] == "Votre ville"
    assert names["b"] == "Code postal"
    assert names["c"] == "Prénom"
    assert names["d"] == "Nom"
    assert names["e"] == "Téléphone"
    assert names["f"] == "Je souhaite recevoir la lettre"
    assert names["g"] == "Adresse :"
    assert names["h"] == "Votre e-mail"
    assert page.forms[0].submit_text == "Envoyer"


def test_label_text_leaves_out_nested_select_options() -> None:
    page = _page("""<form><label>Tu es… <select name="statut"><option value="">—</option><option>Étudiant·e</option></select></label></form>""")
    assert _control(page, "statut").label == "Tu es…"


def test_required_state_from_attribute_aria_and_plugin_markers() -> None:
    page = _page("""<form>
      <input type="checkbox" name="attr" required>
      <input type="checkbox" name="aria" aria-required="true">
      <input class="wpcf7-form-control wpcf7-validates-as-required" name="cf7">
      <span class="wpcf7-form-control wpcf7-acceptance"><label><input type="checkbox" name="cf7acc"> ok</label></span>
      <span class="wpcf7-form-control wpcf7-acceptance optional"><label><input type="checkbox" name="cf7opt"> ok</label></span>
      <li class="gfield gfield_contains_required"><div><input type="checkbox" name="gf"></div></li>
      <input type="checkbox" name="free"></form>""")
    assert [_control(page, n).required_by for n in ("attr", "aria", "cf7", "cf7acc", "gf")] == \
        ["attribute", "aria", "plugin-class", "plugin-class", "plugin-class"]
    assert not _control(page, "cf7opt").required and not _control(page, "free").required


def test_default_state_of_boxes_radios_and_selects() -> None:
    page = _page("""<form>
      <input type="checkbox" name="nl" checked>
      <input type="radio" name="sms" value="oui" checked> Oui <input type="radio" name="sms" value="non"> Non
      <select name="placeholder"><option value="" selected disabled>— choisir —</option><option>E-mail</option></select>
      <select name="implicit"><option value="yes">Yes</option><option value="no">No</option></select>
      <select name="empty"><option value="">—</option><option>A</option></select></form>""")
    assert _control(page, "nl").checked
    radio = _control(page, "sms")
    assert radio.kind == "radio" and radio.checked and [o.label for o in radio.options if o.selected] == ["Oui"]
    assert not _control(page, "placeholder").checked, "a disabled placeholder is not a choice"
    assert _control(page, "implicit").checked, "a single select shows its first option (HTML selectedness)"
    assert not _control(page, "empty").checked


def test_visibility_from_type_attribute_style_and_ancestors() -> None:
    page = _page("""<form>
      <input type="hidden" name="t" value="1">
      <input type="checkbox" name="h" hidden>
      <div style="display: none"><input type="checkbox" name="d"></div>
      <p style="visibility:hidden"><input type="checkbox" name="v"></p>
      <div class="d-none"><input type="checkbox" name="c"></div>
      <label class="custom"><input class="sr-only" type="checkbox" name="styled"><span class="tick"></span> Lettre</label></form>""")
    assert {n: _control(page, n).hidden_by for n in "thdvc"} == {
        "t": "type=hidden", "h": "hidden", "d": "display:none", "v": "visibility:hidden", "c": "class"}
    assert _control(page, "styled").visible, "a visually-hidden input with a visible replica is on screen"


def test_script_driven_group_outside_any_form() -> None:
    page = _page("""<div id="sign"><input name="nom" aria-label="Nom"><input type="email" name="email" aria-label="E-mail">
      <button type="button" onclick="send()">Je signe</button></div><form action="/x"><input name="q"></form>""")
    assert len(page.forms) == 2
    group = page.forms[0]
    assert group.selector == "#sign" and group.action == "" and {c.name for c in group.controls} >= {"nom", "email"}


def test_action_method_and_evidence_cut() -> None:
    page = _page("""<div id="box"><form method="POST" action="../api/soutiens"><label>Nom <input name="nom"></label>
      <label><input type="checkbox" name="nl" value="1"> """ + "Je souhaite recevoir la lettre d'information. " * 20 + """</label></form></div>""")
    form = page.forms[0]
    assert form.action == "https://campagne.example/api/soutiens" and form.method == "post"
    box = _control(page, "nl")
    assert box.html.startswith("<label>") and len(box.html) <= HTML_CUT, "a box's evidence is its label, cut"


def test_selectors_find_their_elements() -> None:
    html = """<!DOCTYPE html><html><body><main><form><p><input name="a"></p><p><input type="checkbox" name="b" value="1"></p>
      </form><form id="f2"><input id="c" name="c"></form></main></body></html>"""
    page = extract_page(html, URL)
    soup = BeautifulSoup(html, "lxml")
    for form in page.forms:
        assert len(soup.select(form.selector)) == 1, form.selector
        for control in form.controls:
            assert len(soup.select(control.selector)) == 1, control.selector


def test_small_print_headings_and_links_near_the_form() -> None:
    page = _page("""<h1>Rejoignez-nous</h1><section><div class="w"><form><input type="email" name="email">
      <input type="submit" value="Je m'abonne"><p>Je recevrai la lettre. Vos données sont traitées par X.</p></form></div>
      <p class="legal">Désinscription à tout moment. <a href="/confidentialite">Politique de confidentialité</a></p>
      <h2>Autre chose</h2><p>Texte sans rapport.</p></section>
      <footer><a href="/mentions-legales">Mentions légales</a><a href="https://facebook.com/x">Facebook</a></footer>""")
    form = page.forms[0]
    assert form.heading == "Rejoignez-nous"
    assert form.small_print == ["Je recevrai la lettre.", "Vos données sont traitées par X.", "Désinscription à tout moment.",
                                "Politique de confidentialité"]
    assert [(l.url, l.kind) for l in form.links] == [("https://campagne.example/confidentialite", "privacy")]
    assert {(l.url, l.kind) for l in page.links} == {("https://campagne.example/confidentialite", "privacy"),
                                                     ("https://campagne.example/mentions-legales", "legal")}


def test_tracker_relevant_urls_inline_scripts_and_frames() -> None:
    page = _page("""<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
      <img src="https://www.facebook.com/tr?id=1" width="1" height="1"><img src="/logo.png">
      <iframe src="/embed/petition.html"></iframe><link rel="preconnect" href="https://connect.facebook.net">
      <script>fbq('init', '1');</script><script type="application/ld+json">{"a": 1}</script>
      <form onsubmit="gtag('event','signup')"><input name="nom"></form>""")
    assert page.script_urls == ["https://www.googletagmanager.com/gtag/js?id=G-1", "https://www.facebook.com/tr?id=1",
                                "https://campagne.example/embed/petition.html", "https://connect.facebook.net"]
    assert page.frames == ["https://campagne.example/embed/petition.html"]
    assert page.inline_scripts == ["fbq('init', '1');", "gtag('event','signup')"]


def test_blocked_submit_from_inline_validation() -> None:
    page = _page("""<form onsubmit="return check(this)"><input type="checkbox" name="nl"><input type="checkbox" name="cgu"></form>
      <script>function check(f){ if (!f.nl.checked) { return false; } return true; }</script>""")
    assert page.forms[0].blocked_submit == ["nl"]


def test_malformed_html_does_not_break_extraction() -> None:
    page = extract_page("<form><label>Nom <input name=nom><p><input type=checkbox name=nl checked>lettre<table><td>", URL)
    assert {c.name for c in page.forms[0].controls} == {"nom", "nl"}
    assert extract_page("", URL).forms == []
    assert extract_page("\x00\x01 binary-ish <<<>>>", URL).forms == []


def test_notice_text_reads_the_main_content_only() -> None:
    html = """<html><body><header><a class="logo">Parti Exemple</a><nav>Menu</nav></header>
      <main><h1>Confidentialité</h1><p>Vos droits : accès, rectification.</p><script>var x=1;</script></main>
      <footer>© Parti Exemple</footer></body></html>"""
    text = notice_text(html, URL)
    assert "Vos droits : accès, rectification." in text and "Parti Exemple" not in text and "var x" not in text


def test_hostile_nesting_and_many_forms_stay_fast() -> None:
    """Thousands of nested elements and hundreds of forms: no recursion error, no quadratic walk."""
    import time

    deep = "<div>" * 5000 + "<form><input type=email name=e><button>Go</button></form>" + "</div>" * 5000
    many = "".join(f"<form><input type=email name=e{i}><button>Go</button></form>" for i in range(400))
    start = time.perf_counter()
    assert len(_page(deep).forms) == 1
    assert len(_page(many).forms) == 400
    assert time.perf_counter() - start < 5


def test_a_box_text_is_not_reused_as_the_next_field_name() -> None:
    page = _page("<form><input type=checkbox name=nl> Newsletter <input name=nom><button>Go</button></form>")
    assert _control(page, "nl").label == "Newsletter" and _control(page, "nom").label == ""
