"""Fixtures per rule (tests/rules/<rule-id>/*.html): positive cases and look-alike negatives.

Each fixture starts with ``<!-- expect: rule-a, rule-b -- why -->`` (``none`` for a clean
page) and may give its address with ``<!-- url: … -->`` (default: an https page on a made-up
campaign site). Files whose name starts with ``_`` are helpers: privacy pages a fixture links to.
Every fixture goes through the scan pipeline (``scanner.scan`` with a fake fetcher that serves
the folder) and must produce exactly the expected rule ids: an unexpected finding fails as
surely as a missing one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scanner.fetch import FakeFetcher, Settings
from scanner.rules import RULES
from scanner.scan import scan

FIXTURES = Path(__file__).parent / "rules"
_EXPECT = re.compile(r"^<!--\s*expect:\s*(?P<ids>.*?)\s+--\s+(?P<why>.+?)\s*-->")
_URL = re.compile(r"<!--\s*url:\s*(\S+)\s*-->")
BASE = "https://campagne-test.example"


def _expectation(path: Path) -> tuple[set[str], str]:
    text = path.read_text(encoding="utf-8")
    match = _EXPECT.match(text)
    assert match, f"{path}: the first line must be <!-- expect: ids -- why -->"
    ids = {i.strip() for i in match["ids"].split(",") if i.strip() and i.strip() != "none"}
    return ids, match["why"]


def _fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/*.html") if not p.name.startswith("_"))


def _scan(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    url_match = _URL.search(text[:500])
    url = url_match.group(1) if url_match else f"{BASE}/{path.parent.name}/{path.name}"
    folder = url.rsplit("/", 1)[0]
    pages: dict[str, str] = {url: text}
    for helper in path.parent.glob("_*.html"):
        pages[f"{folder}/{helper.name}"] = helper.read_text(encoding="utf-8")
    result = scan([url], Settings(depth=0, delay=0), fetcher=FakeFetcher(pages))
    return {finding.rule for finding in result.findings}


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(path: Path) -> None:
    expected, why = _expectation(path)
    for rule in expected:
        assert rule in RULES, f"{path.name}: unknown rule id {rule!r}"
    assert _scan(path) == expected, why


@pytest.mark.parametrize("rule", list(RULES))
def test_every_rule_has_positive_and_negative_fixtures(rule: str) -> None:
    folder = FIXTURES / rule
    assert folder.is_dir(), f"no fixture folder for {rule}"
    expectations = [_expectation(p)[0] for p in folder.glob("*.html") if not p.name.startswith("_")]
    assert any(rule in e for e in expectations), f"{rule}: no positive fixture"
    assert any(rule not in e for e in expectations), f"{rule}: no look-alike negative fixture"


def test_fixtures_cover_several_languages() -> None:
    langs = {re.search(r'<html lang="(\w\w)', p.read_text(encoding="utf-8")).group(1) for p in _fixtures()}
    assert {"fr", "en", "de", "nl", "es", "it"} <= langs


def test_precedence_pass_enforces_rules_md() -> None:
    """hidden beats prechecked on one control, bundled beats implied on one control, and no
    notice at all subsumes missing-controller and missing-rights-info (rules.md)."""
    from scanner.judge import apply_precedence
    from scanner.model import Evidence, Finding

    def f(rule: str, form: int = 0, selector: str = "#x") -> Finding:
        return Finding(rule, "error", "p", form, "m", "b", Evidence(selector=selector))

    kept = apply_precedence([f("hidden-consent"), f("prechecked-consent"), f("prechecked-consent", selector="#y"),
                             f("bundled-consent", selector="#z"), f("implied-consent", selector="#z"),
                             f("missing-privacy-notice", form=1), f("missing-controller", form=1),
                             f("missing-rights-info", form=1), f("missing-controller", form=2)])
    assert [(k.rule, k.form, k.evidence.selector) for k in kept] == [
        ("hidden-consent", 0, "#x"), ("prechecked-consent", 0, "#y"), ("bundled-consent", 0, "#z"),
        ("missing-privacy-notice", 1, "#x"), ("missing-controller", 2, "#x")]


def test_findings_carry_catalog_severity_basis_and_evidence() -> None:
    path = FIXTURES / "prechecked-consent" / "fr-checked-newsletter.html"
    url = f"{BASE}/x.html"
    result = scan([url], Settings(depth=0, delay=0), fetcher=FakeFetcher({url: path.read_text(encoding="utf-8")}))
    [finding] = result.findings
    rule = RULES["prechecked-consent"]
    assert (finding.severity, finding.basis, finding.page, finding.form) == (rule.severity, rule.basis, url, 0)
    assert finding.evidence.selector and "checked" in finding.evidence.html and "actualités" in finding.evidence.text
    assert "ticked by default" in finding.message
