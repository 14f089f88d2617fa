"""The scan pipeline and the `unbundle scan` command, end to end with the real extractor and
judge: privacy notices followed one hop on the same site, iframes that hold forms, trackers of
the outer page, findings reported on the page as given, the crawl, exit codes and outputs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from formkit.cli import cli
from scanner.fetch import DEFAULT_SETTINGS, FakeFetcher, Fetched
from scanner.model import PageStatus
from scanner.scan import iframe_urls, page_links, same_site, scan


SETTINGS = replace(DEFAULT_SETTINGS, timeout=2.0, deadline=5.0, delay=0.0)
SITE = "https://www.claire.example"

NOTICE = """<html><body><h1>Politique de confidentialité</h1>
<p>Vos données sont traitées par l'Association de financement de la campagne de Claire Morin,
12 rue des Lilas, 75011 Paris, responsable du traitement. Vous disposez d'un droit d'accès, de
rectification, d'effacement et d'opposition : écrivez à dpo@claire.example. Vous pouvez retirer
votre consentement à tout moment par le lien de désinscription de chaque message.</p></body></html>"""


def support_page(privacy_href: str = "/confidentialite", extra_head: str = "", checked: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Je soutiens Claire</title>
{extra_head}</head><body>
<h1>Je soutiens Claire Morin</h1>
<form id="soutien" action="{SITE}/api/soutien" method="post">
  <label for="prenom">Prénom</label><input id="prenom" name="prenom" required>
  <label for="email">E-mail</label><input id="email" name="email" type="email" required>
  <label><input type="checkbox" name="newsletter" value="1" {checked}> Je souhaite recevoir la lettre d'information de la campagne.</label>
  <button type="submit">Je soutiens</button>
  <p>Vos données sont utilisées pour enregistrer votre soutien.
  <a href="{privacy_href}">Politique de confidentialité</a></p>
</form></body></html>"""


GA = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-X1"></script>'


def rules_on(result, page_url: str) -> set[str]:
    return {f.rule for f in result.findings if f.page == page_url}


# --- the pipeline, on a fake site ---------------------------------------------------------


def test_privacy_link_is_followed_once_on_the_same_site():
    fake = FakeFetcher({f"{SITE}/soutien": support_page(), f"{SITE}/autre": support_page(),
                        f"{SITE}/confidentialite": NOTICE})
    result = scan([f"{SITE}/soutien", f"{SITE}/autre"], SETTINGS, fetcher=fake)
    assert fake.requested.count(f"{SITE}/confidentialite") == 1  # cached for the whole scan
    page = result.pages[0]
    assert [(n.url, n.linked) for n in page.notices] == [(f"{SITE}/confidentialite", True)]
    assert "Association de financement" in page.notices[0].text
    assert not rules_on(result, f"{SITE}/soutien") & {"missing-privacy-notice", "missing-controller",
                                                       "missing-rights-info", "missing-withdrawal-info"}


def test_privacy_link_to_another_site_is_not_followed():
    fake = FakeFetcher({f"{SITE}/soutien": support_page("https://tracker.example/privacy"),
                        "https://tracker.example/privacy": NOTICE})
    result = scan([f"{SITE}/soutien"], SETTINGS, fetcher=fake)
    assert "https://tracker.example/privacy" not in fake.requested
    assert result.pages[0].notices == []


def test_unreadable_notice_is_a_note_not_a_crash():
    fake = FakeFetcher({f"{SITE}/soutien": support_page(),
                        f"{SITE}/confidentialite": Fetched(f"{SITE}/confidentialite", PageStatus.HTTP_ERROR,
                                                           http_status=500, error="boom")})
    result = scan([f"{SITE}/soutien"], SETTINGS, fetcher=fake)
    page = result.pages[0]
    assert page.status == PageStatus.OK
    assert any("could not be read" in note and "/confidentialite" in note for note in page.notes)


def test_a_static_scan_of_a_script_built_page_says_what_it_could_not_see():
    page = ('<html lang="fr"><body><h1>Soutenez-nous</h1>'
            '<script src="https://forms.example/embed.js" data-form="soutien" async></script></body></html>')
    fake = FakeFetcher({f"{SITE}/soutien": page, f"{SITE}/contact": "<html><body><p>Écrivez-nous.</p></body></html>"})
    result = scan([f"{SITE}/soutien", f"{SITE}/contact"], SETTINGS, fetcher=fake)
    script_built, plain = result.pages
    assert script_built.forms == [] and result.findings == []
    assert any("--engine auto" in note for note in script_built.notes)
    assert plain.notes == []  # a page with no script and no form: nothing to say


def test_form_in_an_iframe_is_judged_on_the_outer_page_with_outer_trackers():
    outer = f"""<html><head><title>Pétition</title>{GA}</head><body><h1>Signez</h1>
    <iframe src="/embed/petition.html" title="Pétition"></iframe>
    <iframe src="https://www.youtube-nocookie.com/embed/xyz"></iframe>
    <iframe src="https://www.google.com/maps/embed?pb=1"></iframe>
    <iframe src="https://docs.google.com/forms/d/e/abc/viewform?embedded=true"></iframe></body></html>"""
    fake = FakeFetcher({
        f"{SITE}/petition": outer,
        f"{SITE}/embed/petition.html": support_page("/embed/confidentialite", checked="checked"),
        f"{SITE}/embed/confidentialite": NOTICE,
    })
    result = scan([f"{SITE}/petition"], SETTINGS, fetcher=fake)
    page = result.pages[0]
    assert "https://www.youtube-nocookie.com/embed/xyz" not in fake.requested  # media, not loaded
    assert "https://www.google.com/maps/embed?pb=1" not in fake.requested
    assert "https://docs.google.com/forms/d/e/abc/viewform?embedded=true" in fake.requested  # a form service
    assert page.frames == [f"{SITE}/embed/petition.html"]
    framed = [f for f in page.forms if f.frame == f"{SITE}/embed/petition.html"]
    assert framed and framed[0].index == page.forms.index(framed[0])
    assert [n.url for n in page.notices] == [f"{SITE}/embed/confidentialite"]
    assert any(t["name"] == "Google Tag Manager / gtag" for t in page.trackers)
    rules = rules_on(result, f"{SITE}/petition")
    assert {"prechecked-consent", "third-party-tracking"} <= rules
    assert all(f.page == f"{SITE}/petition" for f in result.findings)


def test_findings_are_reported_on_the_page_as_given(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "soutien.html").write_text(support_page("confidentialite.html", checked="checked"), encoding="utf-8")
    (site / "confidentialite.html").write_text(NOTICE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = scan(["site/soutien.html"], SETTINGS)
    assert [p.url for p in result.pages] == ["site/soutien.html"]
    assert result.pages[0].final_url.startswith("file://")
    assert result.findings and {f.page for f in result.findings} == {"site/soutien.html"}
    assert "prechecked-consent" in rules_on(result, "site/soutien.html")


def test_depth_crawls_same_site_links_within_the_page_budget():
    home = """<html><body><a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a>
    <a href="https://elsewhere.example/x">X</a> <a href="/tract.pdf">PDF</a></body></html>"""
    fake = FakeFetcher({f"{SITE}/": home, f"{SITE}/a": "<p>a</p>", f"{SITE}/b": "<p>b</p>",
                        f"{SITE}/c": "<p>c</p>"})
    result = scan([f"{SITE}/"], replace(SETTINGS, depth=1, max_pages=3), fetcher=fake)
    assert [p.url for p in result.pages] == [f"{SITE}/", f"{SITE}/a", f"{SITE}/b"]
    assert "https://elsewhere.example/x" not in fake.requested
    only = scan([f"{SITE}/"], SETTINGS, fetcher=FakeFetcher({f"{SITE}/": home}))
    assert [p.url for p in only.pages] == [f"{SITE}/"]  # depth 0: exactly the targets


def test_crawl_obeys_robots_txt_but_always_reads_the_targets():
    home = '<html><body><a href="/a">A</a> <a href="/private/b">B</a></body></html>'
    robots = Fetched(f"{SITE}/robots.txt", PageStatus.NOT_HTML, content_type="text/plain",
                     text="User-agent: unbundle\nDisallow: /private/\n")
    pages = {f"{SITE}/": home, f"{SITE}/a": "<p>a</p>", f"{SITE}/private/b": "<p>b</p>",
             f"{SITE}/robots.txt": robots}
    result = scan([f"{SITE}/", f"{SITE}/private/b"], replace(SETTINGS, depth=1), fetcher=FakeFetcher(pages))
    assert [p.url for p in result.pages] == [f"{SITE}/", f"{SITE}/private/b", f"{SITE}/a"]
    free = scan([f"{SITE}/"], replace(SETTINGS, depth=1, robots=False), fetcher=FakeFetcher(pages))
    assert f"{SITE}/private/b" in [p.url for p in free.pages]


def test_link_helpers():
    html = '<base href="https://www.claire.example/fr/"><iframe src="embed.html"></iframe><a href="x#top">x</a>'
    assert iframe_urls(html, f"{SITE}/p") == ["https://www.claire.example/fr/embed.html"]
    assert page_links(html, f"{SITE}/p") == ["https://www.claire.example/fr/x"]
    assert same_site("https://cdn.claire.example/a", "https://www.claire.example/b")
    assert not same_site("https://claire.example/a", "https://claire.example.evil.example/")


# --- the command ---------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path):
    (tmp_path / "bad.html").write_text(support_page("confidentialite.html", checked="checked"), encoding="utf-8")
    (tmp_path / "good.html").write_text(support_page("confidentialite.html"), encoding="utf-8")
    (tmp_path / "tracked.html").write_text(support_page("confidentialite.html", extra_head=GA), encoding="utf-8")
    (tmp_path / "confidentialite.html").write_text(NOTICE, encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["scan", *args])


def test_exit_0_when_nothing_is_found(site):
    result = run(str(site / "good.html"))
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "1 page scanned, 0 errors, 0 warnings."


def test_exit_1_on_an_error_finding_and_fail_on_levels(site):
    bad = str(site / "bad.html")
    assert run(bad).exit_code == 1
    assert run(bad, "--fail-on", "never").exit_code == 0
    tracked = str(site / "tracked.html")
    assert run(tracked).exit_code == 0  # a warning only
    assert run(tracked, "--fail-on", "warning").exit_code == 1


def test_exit_3_when_nothing_could_be_read(site):
    result = run(str(site / "missing.html"), "http://127.0.0.1:9/")
    assert result.exit_code == 3, result.output
    assert "could not be read" in result.output and "Traceback" not in result.output


def test_a_url_without_scheme_gets_a_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("parti-exemple.fr/soutien")
    assert result.exit_code == 3
    assert "Did you mean https://parti-exemple.fr/soutien?" in result.output


def test_a_host_and_port_without_scheme_gets_an_http_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("127.0.0.1:8765/renouveau-nord/adhesion.html", "parti.fr/soutien.html")
    assert result.exit_code == 3
    assert "Did you mean http://127.0.0.1:8765/renouveau-nord/adhesion.html?" in result.output
    assert "Did you mean https://parti.fr/soutien.html?" in result.output
    assert "could not be read: could not be read" not in result.output
    missing = run("nosuch.html")
    assert "Did you mean" not in missing.output and missing.output.count("could not be read") == 2


def test_other_schemes_are_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("ftp://127.0.0.1/page.html")
    assert result.exit_code == 2 and "only http://, https:// addresses and local files" in result.output


def test_one_unreadable_page_does_not_stop_the_others(site):
    result = run(str(site / "missing.html"), str(site / "bad.html"))
    assert result.exit_code == 1
    assert "fetch-error" in result.output and "prechecked-consent" in result.output


@pytest.mark.parametrize("args", [[], ["--format", "pdf", "x.html"], ["--depth", "-1", "x.html"]])
def test_exit_2_on_usage_errors(args):
    assert run(*args).exit_code == 2


def test_json_output_to_a_file(site, tmp_path):
    out = tmp_path / "report.json"
    result = run(str(site / "bad.html"), "--format", "json", "--output", str(out))
    assert result.exit_code == 1
    assert "Report written to" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    import jsonschema

    schema = json.loads((Path(__file__).parents[1] / "scanner" / "report" / "report.schema.json").read_text())
    jsonschema.Draft7Validator(schema).validate(data)  # a real scan keeps the published contract
    assert data["schema_version"] == "1.0"
    assert data["pages"][0]["url"] == str(site / "bad.html")
    assert any(f["rule"] == "prechecked-consent" for f in data["findings"])


@pytest.mark.parametrize("fmt", ["html", "sarif", "text"])
def test_every_format_renders_a_real_scan(site, fmt):
    result = run(str(site / "bad.html"), "--format", fmt)
    assert result.exit_code == 1 and "prechecked-consent" in result.output


def test_unwritable_output_is_a_clean_error(site, tmp_path):
    result = run(str(site / "good.html"), "-o", str(tmp_path / "no" / "such" / "dir" / "r.json"))
    assert result.exit_code == 1
    assert "could not be written" in result.output and "Traceback" not in result.output


def test_corpus_iframe_page_over_http(corpus_url):
    """The corpus page whose only form sits in an iframe, served on loopback."""
    target = f"{corpus_url}/collectif-eau/petition.html"
    result = scan([target], SETTINGS)
    page = result.pages[0]
    assert page.status == PageStatus.OK
    assert page.frames == [f"{corpus_url}/embed/petitionnez-eau.html"]
    assert any(f.frame for f in page.forms)
    assert "insecure-transport" not in rules_on(result, target)  # loopback is exempt


def test_browser_engine_without_chromium_is_a_clean_error(site):
    result = CliRunner().invoke(cli, ["scan", str(site / "good.html"), "--engine", "browser"],
                                env={"UNBUNDLE_CHROMIUM": str(site / "no-such-chromium")})
    assert result.exit_code == 1, result.output
    assert "Chromium" in result.output and "could not be started" in result.output
    assert "Traceback" not in result.output
