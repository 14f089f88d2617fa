"""The server driven from outside, as a campaign and its supporters would, over real HTTP.

Two people submit the form with different choices; each purpose's export holds exactly those
who ticked it; a withdrawal link and an SMS STOP each take the person out of the right export at
once; the webhook refuses a request without the token; the chain verifies.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from formkit.cli import cli
from formkit.server.wsgi import running_server

from tests.ledger_support import IDENTITY
from tests.server_support import DOI_FORM, FORM, SMS_TOKEN, Visitor, ledger_of, person


def emails(rows: list[dict]) -> set[str]:
    return {row["email"] for row in rows}


def cli_export(app, form_id: str, purpose: str) -> set[str]:
    """`unbundle ledger export … --format json`, as the campaign would run it."""
    result = CliRunner().invoke(cli, ["ledger", "export", "--db", app.config["UNBUNDLE_DB"],
                                      "--form", form_id, "--purpose", purpose, "--format", "json",
                                      "--fields", "email,phone"])
    assert result.exit_code == 0, result.output
    return emails(json.loads(result.stdout))


def withdraw_links(html: str) -> list[str]:
    return re.findall(r'href="(http://[^"]+/u/[^"]+)"', html)


@pytest.fixture
def backend_app(tmp_path, ledger_url):
    """The app on each ledger backend: SQLite, and PostgreSQL (a real server on loopback)."""
    from formkit.server import create_app
    from tests.server_support import make_config

    app = create_app(make_config(tmp_path, UNBUNDLE_DB=ledger_url))
    yield app
    app.extensions["unbundle.ledger"].ledger.close()


def test_two_people_withdrawal_link_sms_stop_and_verify(backend_app):
    app = backend_app
    with running_server(app) as live:
        _scenario(app, live)


def _scenario(app, live: str) -> None:
    visitor = Visitor(live)
    # Ana wants the newsletter and SMS; Bob wants the newsletter only.
    ana = visitor.submit(FORM, person(1, phone="06 12 34 56 78", purpose_newsletter="y", purpose_sms="y"))
    bob = visitor.submit(FORM, person(2, phone="+33 6 98 76 54 32", purpose_newsletter="y"))
    assert ana.status_code == 200 and bob.status_code == 200
    assert "Merci" in ana.text and "Association de financement" in ana.text
    # The last day each consent counts is labelled, not a bare date.
    assert re.search(r"\(valable jusqu(?:'|&#39;)au <time datetime=\"\d{4}-\d\d-\d\d\">\d\d/\d\d/\d{4}</time>\)", ana.text)

    assert cli_export(app, FORM, "newsletter") == {"person1@example.org", "person2@example.org"}
    assert cli_export(app, FORM, "sms") == {"person1@example.org"}

    # Bob follows the link for the newsletter on his receipt: one GET (a question), one POST.
    links = withdraw_links(bob.text)
    assert len(links) == 2  # the newsletter, and "withdraw everything"
    confirm_page = httpx.get(links[0])
    assert confirm_page.status_code == 200 and "Confirmer le retrait" in confirm_page.text
    assert cli_export(app, FORM, "newsletter") == {"person1@example.org", "person2@example.org"}
    done = httpx.post(links[0])
    assert done.status_code == 200 and "retiré" in done.text
    assert "Votre consentement est retiré" in done.text  # one purpose: singular
    assert cli_export(app, FORM, "newsletter") == {"person1@example.org"}
    assert cli_export(app, FORM, "sms") == {"person1@example.org"}

    # Bob's "withdraw everything" link says it withdrew every consent given with the form.
    everything = httpx.post(links[1])
    assert everything.status_code == 200 and "Vos consentements donnés avec ce formulaire sont retirés" in everything.text

    # Ana texts "Stop sms" from her phone, written the way her phone's provider reports it.
    headers = {"Authorization": f"Bearer {SMS_TOKEN}"}
    refused = httpx.post(f"{live}/sms/inbound", data={"from": "+33612345678", "text": "STOP"})
    assert refused.status_code == 401
    wrong = httpx.post(f"{live}/sms/inbound", data={"from": "+33612345678", "text": "STOP"},
                       headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert cli_export(app, FORM, "sms") == {"person1@example.org"}
    stop = httpx.post(f"{live}/sms/inbound", data={"from": "0612345678", "text": " Stop  SMS "}, headers=headers)
    assert stop.status_code == 200 and stop.json() == {"action": "withdrawn", "count": 1}
    assert cli_export(app, FORM, "sms") == set()
    assert cli_export(app, FORM, "newsletter") == {"person1@example.org"}

    verify = CliRunner().invoke(cli, ["ledger", "verify", "--db", app.config["UNBUNDLE_DB"],
                                      "--secret", app.config["SECRET_KEY"]])
    assert verify.exit_code == 0, verify.output
    visitor.close()


def test_withdraw_everything_link(app, live):
    visitor = Visitor(live)
    response = visitor.submit(FORM, person(3, phone="0611111111", purpose_newsletter="y", purpose_sms="y"), lang="en")
    assert "You agreed to" in response.text
    all_link = withdraw_links(response.text)[-1]
    assert "withdraw every consent" in httpx.get(all_link).text
    assert httpx.post(all_link).status_code == 200
    ledger = ledger_of(app)
    assert ledger.export(FORM, "newsletter") == [] and ledger.export(FORM, "sms", fields=IDENTITY) == []
    ledger.close()
    visitor.close()


def test_json_submission_and_consent_receipt(live):
    visitor = Visitor(live)
    response = visitor.submit(FORM, person(4, purpose_sms="y", phone="0622222222"), json=True)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["granted"] == ["sms"] and body["refused"] == ["newsletter"]
    assert set(body["withdraw"]) == {"sms", "*"}
    receipt = httpx.get(body["receipt_url"])
    assert receipt.status_code == 200 and receipt.headers["content-type"].startswith("application/json")
    document = receipt.json()
    assert json.dumps(document)  # a JSON consent receipt the person can keep
    assert httpx.get(f"{live}/r/nope.json").status_code == 404
    visitor.close()


def test_language_from_query_and_accept_language(client):
    assert 'lang="en"' in client.get(f"/f/{FORM}?lang=en").get_data(as_text=True)
    assert 'lang="en"' in client.get(f"/f/{FORM}", headers={"Accept-Language": "en-GB,en;q=0.8"}).get_data(as_text=True)
    assert 'lang="fr"' in client.get(f"/f/{FORM}", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert client.get("/f/no-such-form").status_code == 404


def test_embed_snippet_and_loader(client):
    embed = client.get(f"/f/{FORM}/embed")
    assert embed.status_code == 200
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    page = client.get(f"/f/{FORM}")
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    snippet = client.get(f"/f/{FORM}/snippet?lang=en")
    assert snippet.mimetype == "text/plain"
    text = snippet.get_data(as_text=True)
    assert 'action="http://localhost/f/parrainage-camille-2027"' in text and 'name="_token"' in text
    loader = client.get("/embed.js")
    assert loader.mimetype == "text/javascript" and "/f/{form}/embed?lang={lang}" in loader.get_data(as_text=True)


def test_snippet_posted_from_elsewhere_is_recorded(app, live):
    """The static snippet, pasted on another site, posts cross-site with no cookie at all."""
    snippet = httpx.get(f"{live}/f/{FORM}/snippet").text
    from tests.server_support import hidden_fields

    fields = hidden_fields(snippet)
    response = httpx.post(f"{live}/f/{FORM}", data={**fields, **person(5, purpose_newsletter="y")},
                          headers={"Origin": "https://camille2027.example"})
    assert response.status_code == 200 and "Merci" in response.text
    ledger = ledger_of(app)
    rows = ledger.export(FORM, "newsletter")
    assert emails(rows) == {"person5@example.org"}
    assert rows[0]["source"] == "snippet" and rows[0]["page_url"].startswith("https://camille2027.example")
    ledger.close()


def test_double_opt_in_counts_only_after_confirmation(app, live):
    visitor = Visitor(live)
    response = visitor.submit(DOI_FORM, person(6, purpose_newsletter="y"))
    assert response.status_code == 200 and "En attente" in response.text
    ledger = ledger_of(app)
    assert ledger.export(DOI_FORM, "newsletter") == []
    outbox = sorted((Path(app.instance_path) / "outbox").glob("*.eml"))
    assert len(outbox) == 1
    message = email.message_from_bytes(outbox[0].read_bytes(), policy=email.policy.default)
    assert message["To"] == "person6@example.org"
    mail = message.get_content()
    link = re.search(r"(http://\S+/c/\S+)", mail).group(1)
    # Whoever opens the .eml in a text editor can copy the link whole (no quoted-printable cuts).
    assert link.encode() in outbox[0].read_bytes()
    page = httpx.get(link)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and ledger.export(DOI_FORM, "newsletter") == []
    assert httpx.post(link).status_code == 200
    assert emails(ledger.export(DOI_FORM, "newsletter")) == {"person6@example.org"}
    assert httpx.get(f"{live}/c/not-a-token").status_code == 404
    ledger.close()
    visitor.close()


def test_sms_webhook_oui_and_edge_cases(app, live):
    headers = {"Authorization": f"Bearer {SMS_TOKEN}"}
    for text in ("stop", "ARRÊT", "arret", "Stop prospection", "unsubscribe", "STOP!"):
        response = httpx.post(f"{live}/sms/inbound", json={"from": "+33699999999", "text": text}, headers=headers)
        assert response.json()["action"] == "withdrawn", text
    assert httpx.post(f"{live}/sms/inbound", data={"from": "+33699999999", "text": "oui"},
                      headers=headers).json()["action"] == "granted"
    assert httpx.post(f"{live}/sms/inbound", data={"from": "+33699999999", "text": "bonjour"},
                      headers=headers).json()["action"] == "ignored"
    assert httpx.post(f"{live}/sms/inbound", data={"from": "not a number", "text": "STOP"},
                      headers=headers).status_code == 400
    assert httpx.post(f"{live}/sms/inbound", data={"text": "STOP"}, headers=headers).status_code == 400
    # Twilio-style field names and HTTP Basic with the token as password.
    response = httpx.post(f"{live}/sms/inbound", data={"From": "+33699999999", "Body": "Stop"},
                          auth=("twilio", SMS_TOKEN))
    assert response.json()["action"] == "withdrawn"


def test_sms_webhook_is_absent_without_a_token(tmp_path):
    from formkit.server import create_app
    from tests.server_support import make_config

    app = create_app(make_config(tmp_path, UNBUNDLE_SMS_TOKEN=None))
    response = app.test_client().post("/sms/inbound", data={"from": "+33612345678", "text": "STOP"},
                                      headers={"Authorization": "Bearer anything"})
    assert response.status_code == 404


def test_workbench_lists_previews_and_tests_without_touching_the_real_ledger(app, client, live):
    index = client.get("/").get_data(as_text=True)
    assert FORM in index and DOI_FORM in index
    page = client.get(f"/forms/{FORM}").get_data(as_text=True)
    assert "&lt;iframe" in page and "&lt;script" in page and "&lt;form" in page
    visitor = Visitor(live)
    # The test page posts to /f/<id>, with a token that sends the submission to the test ledger.
    hidden = visitor.open(f"/forms/{FORM}/test")
    posted = visitor.http.post(f"/f/{FORM}", data={**hidden, **person(7, purpose_newsletter="y")})
    assert posted.status_code == 200 and "test" in posted.text.lower()
    assert "workbench-test.db" in posted.text  # says where it went: a separate ledger, no mark
    ledger = ledger_of(app)
    assert ledger.export(FORM, "newsletter") == []  # not in the campaign's export
    test_ledger = app.extensions["unbundle.ledger"].test_ledger()
    assert emails(test_ledger.export(FORM, "newsletter")) == {"person7@example.org"}
    ledger.close()
    visitor.close()


def test_refused_spec_is_not_served(tmp_path, caplog):
    from formkit.server import create_app
    from tests.server_support import make_config

    config = make_config(tmp_path)
    bad = (tmp_path / "specs" / "parrainage-presidentielle.yaml").read_text(encoding="utf-8")
    bad = bad.replace("id: parrainage-camille-2027", "id: precheck").replace(
        "    retention: until-withdrawn\n", "    retention: until-withdrawn\n    checked: true\n", 1)
    (tmp_path / "specs" / "prechecked.yaml").write_text(bad, encoding="utf-8")
    with caplog.at_level("ERROR"):
        app = create_app(config)
    assert "precheck" not in app.extensions["unbundle.forms"].specs
    assert app.test_client().get("/f/precheck").status_code == 404
    assert any("prechecked.yaml" in r.getMessage() and "prechecked-consent" in r.getMessage()
               for r in caplog.records)


def test_json_body_submission(app, client):
    from tests.server_support import hidden_fields

    fields = hidden_fields(client.get(f"/f/{FORM}").get_data(as_text=True))
    body = {**fields, **person(8), "attest_eligibility": True, "purpose_newsletter": True, "purpose_sms": False}
    response = client.post(f"/f/{FORM}", json=body, headers={"Accept": "application/json"})
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["granted"] == ["newsletter"]
    bad = client.post(f"/f/{FORM}", json=["not", "an", "object"], headers={"Accept": "application/json"})
    assert bad.status_code == 400 and bad.get_json()["error"] == "token-missing"


def test_sms_sender_without_plus_sign(app, live):
    visitor = Visitor(live)
    visitor.submit(FORM, person(9, phone="+33 6 55 44 33 22", purpose_sms="y"))
    response = httpx.post(f"{live}/sms/inbound", data={"msisdn": "33655443322", "text": "stop"},
                          headers={"Authorization": f"Bearer {SMS_TOKEN}"})
    assert response.json() == {"action": "withdrawn", "count": 1}
    visitor.close()


def test_workbench_scan_reports_on_a_page(client, serve_dir, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="fr"><body><form method="post" action="/s">'
        '<label>E-mail <input type="email" name="email" required></label>'
        '<label><input type="checkbox" name="news" checked> Je veux recevoir la newsletter</label>'
        '<button>Signer la pétition</button></form></body></html>', encoding="utf-8")
    with serve_dir(site) as base:
        response = client.post("/scan", data={"url": f"{base}/index.html"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "prechecked-consent" in html
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    assert f'<style nonce="{nonce}">' in html
    refused = client.post("/scan", data={"url": "/etc/passwd"})
    assert refused.status_code == 400 and "http://" in refused.get_data(as_text=True)


def test_workbench_is_off_when_configured(tmp_path):
    from formkit.server import create_app
    from tests.server_support import make_config

    app = create_app(make_config(tmp_path, UNBUNDLE_WORKBENCH=False))
    assert app.test_client().get("/").status_code == 404
    assert app.test_client().get(f"/f/{FORM}").status_code == 200


def test_forms_command_lists_served_forms(runner):
    result = runner.invoke(args=["forms"])
    assert result.exit_code == 0, result.output
    assert f"served   {FORM} v1 (fr, en)" in result.output


def test_every_route_is_documented(app, root):
    """docs/server.md lists every endpoint the app serves."""
    docs = (root / "docs" / "server.md").read_text(encoding="utf-8")
    for rule in app.url_map.iter_rules():
        assert f"{rule.rule.replace('<path:', '<').replace('<form_id>', '<id>')}" in docs, rule.rule


def test_receipt_inside_the_iframe_keeps_the_frame_height_right(app, client):
    """The receipt replaces the form inside the campaign's iframe: it posts its own height, or
    the frame keeps the form's height (blank space, or a receipt cut short)."""
    from tests.server_support import hidden_fields

    fields = hidden_fields(client.get(f"/f/{FORM}/embed").get_data(as_text=True))
    response = client.post(f"/f/{FORM}/embed", data={**fields, **person(10, purpose_newsletter="y")})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Merci" in html
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    assert f'<script nonce="{nonce}">' in html and '{unbundle: "height", form: id' in html
    hosted = client.post(f"/f/{FORM}", data={**hidden_fields(client.get(f"/f/{FORM}").get_data(as_text=True)),
                                               **person(11)})
    assert hosted.status_code == 200 and "postMessage" not in hosted.get_data(as_text=True)


def test_newsletter_only_form_subscription_is_a_consent_with_double_opt_in(tmp_path):
    """On a newsletter-only form the subscription is the consent: confirmed through the e-mail
    link (double opt-in), then exported under `newsletter`, and withdrawn by its own link."""
    import shutil

    from formkit.server import create_app
    from tests.server_support import ROOT, make_config

    specs = tmp_path / "newsletter-specs"
    specs.mkdir()
    shutil.copy(ROOT / "examples" / "lettre-information.yaml", specs)
    app = create_app(make_config(tmp_path, UNBUNDLE_SPECS=str(specs)))
    form = "lettre-camille-2027"
    with running_server(app) as base:
        visitor = Visitor(base)
        response = visitor.submit(form, {"email": "abonnee@example.org"})
        assert response.status_code == 200 and "En attente" in response.text
        ledger = ledger_of(app)
        assert ledger.export(form, "newsletter") == []  # not before the address is confirmed
        [mail] = sorted((Path(app.instance_path) / "outbox").glob("*.eml"))
        message = email.message_from_bytes(mail.read_bytes(), policy=email.policy.default)
        assert message["To"] == "abonnee@example.org"
        confirm = re.search(r"(http://\S+/c/\S+)", message.get_content()).group(1)
        assert httpx.post(confirm).status_code == 200
        [row] = ledger.export(form, "newsletter")
        assert row["email"] == "abonnee@example.org"
        assert "Recevez la lettre d'information" in row["wording"]
        assert ledger.export(form, "sms", fields=IDENTITY) == []  # the unticked box stays a refusal
        links = withdraw_links(response.text)
        assert links, "the receipt offers a way to unsubscribe"
        assert httpx.post(links[0]).status_code == 200
        assert ledger.export(form, "newsletter") == []
        ledger.close()
        visitor.close()


def test_a_built_form_with_the_server_key_is_accepted_on_its_first_post(tmp_path):
    """`form build --secret KEY` signs each static form with a version-bound token, so a person
    filling in a copied page is recorded at once; without the key, the server asks again."""
    from formkit.build import build
    from formkit.server import create_app
    from formkit.spec import load_spec
    from tests.server_support import EXAMPLE, SECRET, hidden_fields, make_config

    app = create_app(make_config(tmp_path))
    spec = load_spec(EXAMPLE)
    signed, unsigned = tmp_path / "signed", tmp_path / "unsigned"
    with running_server(app) as base:
        build(spec, signed, base_url=base, secret=SECRET)
        build(spec, unsigned, base_url=base)
        for folder, expected in ((signed, 200), (unsigned, 400)):
            page = (folder / "page.fr.html").read_text(encoding="utf-8")
            action = re.search(r'<form[^>]+action="([^"]+)"', page).group(1)
            response = httpx.post(action, data={**hidden_fields(page), **person(9, purpose_sms="y")})
            assert response.status_code == expected, folder.name
    ledger = ledger_of(app)
    [row] = ledger.export(FORM, "sms", fields=["email"])
    assert row["email"] == "person9@example.org" and row["source"] == "hosted"
    ledger.close()
