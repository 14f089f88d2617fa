"""Refusals and safety: form tokens, honeypot, fill time, rate limit, sizes, headers, logs.

Every refusal is checked twice: the answer (status, message, the typed data kept) and the
ledger (nothing recorded).
"""

from __future__ import annotations

import logging
import re
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from formkit.server import create_app
from formkit.server.logs import redact_path, scrub
from formkit.server.tokens import FormTicket, issue_form_token
from tests.server_support import (
    FORM, SECRET, SMS_TOKEN, Visitor, hidden_fields, ledger_of, make_config, person,
)


def recorded(app) -> int:
    ledger = ledger_of(app)
    try:
        return ledger.verify().events_checked
    finally:
        ledger.close()


def form_page(client, path: str = f"/f/{FORM}") -> dict[str, str]:
    return hidden_fields(client.get(path).get_data(as_text=True))


def test_post_without_token_is_refused_and_keeps_what_was_typed(app, client):
    response = client.post(f"/f/{FORM}", data=person(1))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "expiré ou n&#39;a pas pu être vérifié" in html
    assert 'value="person1@example.org"' in html  # nothing the person typed is lost
    assert 'name="_token"' in html  # and a fresh token lets them send it again
    assert recorded(app) == 0


@pytest.mark.parametrize("tamper", ["altered", "other-form", "other-key", "stale-version"])
def test_forged_tokens_are_refused(app, client, tamper):
    good = form_page(client)["_token"]
    ticket = FormTicket(FORM, 1, "fr", "page", "hosted", time.time() - 60)
    token = {
        "altered": good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB"),
        "other-form": issue_form_token(SECRET, FormTicket("another-form", 1, "fr", "page", "hosted", time.time() - 60)),
        "other-key": issue_form_token("not-the-secret", ticket),
        "stale-version": issue_form_token(SECRET, FormTicket(FORM, 0, "fr", "page", "hosted", time.time() - 60)),
    }[tamper]
    response = client.post(f"/f/{FORM}", data={"_token": token, "website": "", **person(2)},
                           headers={"Accept": "application/json"})
    assert response.status_code == 400
    expected = {"altered": "token-invalid", "other-form": "wrong-form", "other-key": "token-invalid",
                "stale-version": "stale-version"}[tamper]
    assert response.get_json()["error"] == expected
    assert recorded(app) == 0


def test_expired_token_is_refused(tmp_path):
    app = create_app(make_config(tmp_path, UNBUNDLE_TOKEN_MAX_AGE=1))
    client = app.test_client()
    fields = form_page(client)
    snippet = hidden_fields(client.get(f"/f/{FORM}/snippet").get_data(as_text=True))
    time.sleep(2.1)
    response = client.post(f"/f/{FORM}", data={**fields, **person(3)}, headers={"Accept": "application/json"})
    assert response.status_code == 400 and response.get_json()["error"] == "token-expired"
    assert recorded(app) == 0
    # A snippet pasted long ago (and cached) still works: its token has no clock.
    assert client.post(f"/f/{FORM}", data={**snippet, **person(3)}).status_code == 200


def test_honeypot_is_refused(app, client):
    page = client.get(f"/f/{FORM}").get_data(as_text=True)
    # A text field (bots fill those in; they skip type=hidden) that people never see.
    assert re.search(r'<div hidden><label for="[^"]+">[^<]+</label>\s*<input type="text" id="[^"]+" name="website"', page)
    fields = form_page(client)
    response = client.post(f"/f/{FORM}", data={**fields, **person(4), "website": "http://spam.example"})
    assert response.status_code == 400
    assert "seuls les robots" in response.get_data(as_text=True)
    assert recorded(app) == 0


def test_minimum_fill_time(tmp_path):
    app = create_app(make_config(tmp_path, UNBUNDLE_MIN_FILL_SECONDS=1.5))
    client = app.test_client()
    fields = form_page(client)
    fast = client.post(f"/f/{FORM}", data={**fields, **person(5)})
    assert fast.status_code == 400 and "très vite" in fast.get_data(as_text=True)
    assert recorded(app) == 0
    # The re-shown form carries a fresh token: a person who waits a moment gets through.
    again = hidden_fields(fast.get_data(as_text=True))
    time.sleep(1.6)
    slow = client.post(f"/f/{FORM}", data={**again, **person(5)})
    assert slow.status_code == 200, slow.get_data(as_text=True)[:500]
    assert recorded(app) > 0


def test_snippet_token_needs_no_fill_time_but_is_bound_to_the_form(tmp_path):
    app = create_app(make_config(tmp_path, UNBUNDLE_MIN_FILL_SECONDS=30))
    client = app.test_client()
    fields = hidden_fields(client.get(f"/f/{FORM}/snippet").get_data(as_text=True))
    assert client.post(f"/f/{FORM}", data={**fields, **person(6)}).status_code == 200
    assert client.post("/f/lettre-camille-2027", data={**fields, **person(6)}).status_code == 400


def test_invalid_fields_are_shown_again_with_errors(app, client):
    fields = form_page(client)
    response = client.post(f"/f/{FORM}", data={**fields, **person(7, email="not-an-address")})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in html and 'value="Prénom7"' in html
    assert recorded(app) == 0


def test_withdrawal_links_are_never_rate_limited(tmp_path):
    """One-click unsubscribes arrive from a mail provider's few servers: none may be refused."""
    app = create_app(make_config(tmp_path, UNBUNDLE_RATE_LIMIT="2/minute"))
    client = app.test_client()
    links = []
    for n in range(2):
        body = client.post(f"/f/{FORM}", data={**form_page(client), **person(30 + n, purpose_newsletter="y")},
                           headers={"Accept": "application/json"}).get_json()
        links.append(urlsplit(body["withdraw"]["newsletter"]).path)
    for link in links * 3:  # six posts from one address: over the limit even if the window turns
        assert client.post(link, data={"List-Unsubscribe": "One-Click"}).status_code == 200


def test_rate_limit_per_client_address(tmp_path):
    app = create_app(make_config(tmp_path, UNBUNDLE_RATE_LIMIT="3/minute"))
    client = app.test_client()
    statuses = []
    for n in range(5):
        fields = form_page(client)  # reading pages is not limited
        statuses.append(client.post(f"/f/{FORM}", data={**fields, **person(10 + n)}).status_code)
    # The window may turn over during the loop; at least two posts over the limit are refused.
    assert statuses.count(429) >= 1 and statuses[:3] == [200, 200, 200]
    refused = client.post(f"/f/{FORM}", data=person(20))
    if refused.status_code == 429:
        assert int(refused.headers["Retry-After"]) >= 1
        assert "Trop d" in refused.get_data(as_text=True)
    # Another address has its own counter.
    other = client.post(f"/f/{FORM}", data={**form_page(client), **person(21)},
                        environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_request_and_field_size_limits(app, client):
    fields = form_page(client)
    huge = client.post(f"/f/{FORM}", data={**fields, **person(8), "first_name": "x" * 70_000})
    assert huge.status_code == 413
    long_name = client.post(f"/f/{FORM}", data={**fields, **person(8), "first_name": "x" * 300})
    assert long_name.status_code == 422
    many = client.post(f"/f/{FORM}", data={**fields, **person(8), **{f"f{i}": "1" for i in range(200)}},
                       content_type="multipart/form-data")  # MAX_FORM_PARTS bounds multipart bodies
    assert many.status_code == 413
    assert recorded(app) == 0


class _Resources(HTMLParser):
    """Every URL a browser would *load* from a page (not links it might follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "srcset", "poster", "data"):
            if values.get(name):
                self.urls.append(values[name] or "")
        if tag == "link" and values.get("href"):
            self.urls.append(values["href"] or "")
        if tag == "form" and values.get("action"):
            self.urls.append(values["action"] or "")


def _third_party(html: str, base: str) -> list[str]:
    parser = _Resources()
    parser.feed(html)
    origin = urlsplit(base).netloc
    return [u for u in parser.urls if urlsplit(urljoin(base + "/", u)).netloc != origin]


def test_headers_and_no_third_party_origin(app, live):
    visitor = Visitor(live)
    receipt = visitor.submit(FORM, person(9, purpose_newsletter="y"))
    withdraw = re.search(r'href="(http://[^"]+/u/[^"]+)"', receipt.text).group(1)
    pages = {
        "hosted": httpx.get(f"{live}/f/{FORM}"),
        "embed": httpx.get(f"{live}/f/{FORM}/embed"),
        "receipt": receipt,
        "withdraw": httpx.get(withdraw),
        "workbench": httpx.get(f"{live}/"),
        "workbench-form": httpx.get(f"{live}/forms/{FORM}"),
        "not-found": httpx.get(f"{live}/f/nope"),
    }
    for name, response in pages.items():
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp, name
        assert "form-action 'self'" in csp, name
        assert response.headers["X-Content-Type-Options"] == "nosniff", name
        assert response.headers["Referrer-Policy"] == "no-referrer", name
        assert ("frame-ancestors *" in csp) == (name == "embed"), name
        assert _third_party(response.text, live) == [], name
        nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
        for tag in re.findall(r"<(?:style|script)\b[^>]*>", response.text):
            assert f'nonce="{nonce}"' in tag, (name, tag)
    assert pages["receipt"].headers["Cache-Control"] == "no-store"
    visitor.close()


def test_logs_hold_no_personal_data(app, live, caplog):
    visitor = Visitor(live)
    with caplog.at_level(logging.DEBUG):
        receipt = visitor.submit(FORM, person(11, phone="0612345678", purpose_newsletter="y", purpose_sms="y"))
        link = re.search(r'href="(http://[^"]+/u/[^"]+)"', receipt.text).group(1)
        httpx.post(link)
        httpx.post(f"{live}/sms/inbound", data={"from": "0612345678", "text": "STOP"},
                   headers={"Authorization": f"Bearer {SMS_TOKEN}"})
        visitor.http.post(f"/f/{FORM}", data=person(12))  # a refusal, logged
    # Everything the server side logged (the test's own HTTP client logs its URLs: not ours).
    server_records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    text = "\n".join(r.getMessage() for r in server_records)
    assert "formkit.server.access" in {r.name for r in server_records}  # requests are logged…
    assert "person11" not in text and "example.org" not in text  # …but no address,
    assert "612345678" not in text and "Prénom" not in text  # no number, no name,
    token = urlsplit(link).path.split("/")[-1]
    assert token not in text and "/u/…" in text  # and no token.
    visitor.close()


def test_redaction_helpers():
    assert redact_path("/u/eyJhbGciOi.abc-def") == "/u/…"
    assert redact_path("/c/abc") == "/c/…"
    assert redact_path("/r/3f2a9c.json") == "/r/….json"
    assert redact_path("/f/parrainage-camille-2027/embed") == "/f/parrainage-camille-2027/embed"
    assert scrub("mail ana.b+x@example.org and 06 12 34 56 78") == "mail [e-mail] and [phone]"


def test_behind_a_reverse_proxy(tmp_path):
    """UNBUNDLE_TRUSTED_PROXIES=1: the client address (rate limit) and scheme (links) come from
    the proxy's headers; without it, they are ignored (anyone could send them)."""
    for trusted in (0, 1):
        app = create_app(make_config(tmp_path / str(trusted), UNBUNDLE_RATE_LIMIT="1/hour",
                                     UNBUNDLE_TRUSTED_PROXIES=trusted))
        client = app.test_client()
        statuses, links = [], []
        for n, address in enumerate(["203.0.113.1", "203.0.113.2"]):
            headers = {"X-Forwarded-For": address, "X-Forwarded-Proto": "https", "Accept": "application/json"}
            fields = hidden_fields(client.get(f"/f/{FORM}", headers=headers).get_data(as_text=True))
            response = client.post(f"/f/{FORM}", data={**fields, **person(30 + n, purpose_newsletter="y")},
                                   headers=headers)
            statuses.append(response.status_code)
            if response.status_code == 201:
                links.append(response.get_json()["withdraw"]["*"])
        if trusted:
            assert statuses == [201, 201] and all(link.startswith("https://") for link in links)
        else:
            assert statuses == [201, 429] and links[0].startswith("http://")
