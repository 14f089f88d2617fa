"""Reports: a fixed result set rendered through every format, compared with snapshots, plus the
properties each format promises (JSON contract, escaped self-contained HTML, valid SARIF).

Regenerate the snapshots after an intended change with ``UPDATE_SNAPSHOTS=1 pytest
tests/test_reports.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from scanner.model import Control, Evidence, Finding, FormModel, Link, Notice, PageModel, PageStatus
from scanner.report import FORMATS, render
from scanner.report.sarif import LEVELS
from scanner.rules import RULES
from scanner.scan import ScanResult

DATA = Path(__file__).parent / "data"
SNAPSHOTS = DATA / "snapshots"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def fixed_result() -> ScanResult:
    form = FormModel(
        index=0, selector="form#soutien", action="https://claire.example/api/soutien", method="post",
        core_action="sponsorship",
        controls=[
            Control(kind="email", name="email", label="E-mail", required=True, selector="#email"),
            Control(kind="checkbox", name="news", label="Je veux recevoir la lettre " + HOSTILE,
                    required=True, required_by="attribute", selector="#news",
                    html='<input type="checkbox" id="news" name="news" required>'),
        ],
        links=[Link(url="https://claire.example/confidentialite", text="Confidentialité", kind="privacy")],
    )
    framed = FormModel(index=1, selector="form", action="https://claire.example/embed/sign", method="post",
                       core_action="petition", frame="https://claire.example/embed/petition.html")
    ok = PageModel(
        url="https://claire.example/je-soutiens", final_url="https://claire.example/je-soutiens",
        http_status=200, forms=[form, framed],
        notices=[Notice(url="https://claire.example/confidentialite", text="…", linked=True)],
        trackers=[{"url": "https://connect.facebook.net/en_US/fbevents.js", "name": "Meta pixel",
                   "list": "unbundle"}],
        frames=["https://claire.example/embed/petition.html"],
    )
    clean = PageModel(url="pages/clean page.html", final_url="file:///tmp/pages/clean%20page.html")
    broken = PageModel(url="https://claire.example/old", status=PageStatus.HTTP_ERROR, http_status=404,
                       error="https://claire.example/old answered HTTP 404 Not Found.")
    findings = [
        Finding(rule="bundled-consent", severity="error", page=ok.url, form=0,
                message="The newsletter box must be ticked to send the form " + HOSTILE,
                basis=RULES["bundled-consent"].basis,
                evidence=Evidence(selector="#news", html=form.controls[1].html,
                                  text="Je veux recevoir la lettre " + HOSTILE)),
        Finding(rule="third-party-tracking", severity="warning", page=ok.url, form=None,
                message="The page loads the Meta pixel.", basis=RULES["third-party-tracking"].basis,
                evidence=Evidence(text="https://connect.facebook.net/en_US/fbevents.js")),
        Finding(rule="missing-controller", severity="warning", page=ok.url, form=1,
                message="The notice never names who collects the data.",
                basis=RULES["missing-controller"].basis,
                evidence=Evidence(selector="form", frame="https://claire.example/embed/petition.html")),
    ]
    return ScanResult(pages=[ok, clean, broken], findings=findings,
                      scanned_at="2026-11-22T08:00:00+00:00", version="0.0.0-test")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_snapshot(fmt):
    got = render(fixed_result(), fmt)
    path = SNAPSHOTS / f"report.{ 'txt' if fmt == 'text' else fmt}"
    if os.environ.get("UPDATE_SNAPSHOTS") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8"), f"{fmt} report changed; see the module doc"


def test_text_groups_by_page_and_ends_with_a_summary():
    out = render(fixed_result(), "text")
    lines = out.strip().splitlines()
    assert lines[-1] == "3 pages scanned, 1 could not be read, 1 error, 2 warnings."
    assert out.index("https://claire.example/je-soutiens") < out.index("bundled-consent") < out.index("pages/clean page.html")
    assert "\x1b[" not in out  # no colour unless asked (the CLI asks on a terminal only)
    assert "\x1b[" in render(fixed_result(), "text", color=True)
    assert "could not be read: https://claire.example/old answered HTTP 404" in out


def test_text_strips_terminal_escapes_from_page_content():
    result = fixed_result()
    result.findings[0].evidence.text = "Je veux \x1b]0;pwned\x07\x1b[2J la lettre"
    out = render(result, "text")
    assert "\x1b" not in out and "\x07" not in out and "Je veux ]0;pwned [2J la lettre" in out


def test_json_is_the_documented_contract():
    data = json.loads(render(fixed_result(), "json"))
    assert set(data) >= {"schema_version", "tool", "scanned_at", "pages", "findings"}
    assert data["tool"] == {"name": "unbundle", "version": "0.0.0-test"}
    page = data["pages"][0]
    assert set(page) >= {"url", "status", "forms"}
    assert set(page["forms"][0]) >= {"index", "selector", "action", "method", "core_action", "controls"}
    assert data["pages"][2]["status"] == "http-error"
    finding = data["findings"][0]
    assert set(finding) == {"rule", "severity", "page", "form", "message", "basis", "evidence"}
    assert set(finding["evidence"]) == {"selector", "html", "text", "frame"}
    assert data["findings"][2]["evidence"]["frame"] == "https://claire.example/embed/petition.html"


def test_json_validates_against_its_published_schema():
    schema_path = Path(__file__).parents[1] / "scanner" / "report" / "report.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    data = json.loads(render(fixed_result(), "json"))
    validator.validate(data)
    data["findings"][0]["severity"] = "fatal"  # the schema can fail
    assert not validator.is_valid(data)


def test_html_is_escaped_and_self_contained():
    out = render(fixed_result(), "html")
    assert HOSTILE not in out and "&lt;script&gt;alert(" in out
    assert "<script" not in out.lower()
    # No external asset: no src/href to another document other than links for the reader.
    assert not re.search(r"<(?:link|img|script|iframe)\b", out, re.I)
    assert not re.search(r"url\(", out)
    for rule_id in ("bundled-consent", "third-party-tracking", "missing-controller"):
        assert RULES[rule_id].title in out  # explanation title
    assert "Legal basis" in out and "Summary" in out
    assert "answered HTTP 404" in out


@pytest.fixture(scope="module")
def sarif_schema():
    return json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema(sarif_schema):
    log = json.loads(render(fixed_result(), "sarif"))
    jsonschema.Draft7Validator(sarif_schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(r["helpUri"].endswith(f"docs/rules/{r['id']}.md") for r in rules)
    first = run["results"][0]
    assert first["ruleId"] == "bundled-consent" and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "https://claire.example/je-soutiens"
    assert first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "#news"
    assert run["results"][1]["level"] == "warning"
    assert rules[first["ruleIndex"]]["id"] == "bundled-consent"


def test_sarif_rejects_a_broken_log(sarif_schema):
    """The schema test can fail: a level outside SARIF's enumeration is refused."""
    log = json.loads(render(fixed_result(), "sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(sarif_schema).validate(log)


def test_severity_levels_live_in_one_place():
    assert set(LEVELS) == {str(r.severity) for r in RULES.values()}
