"""The rule catalog matches the shared contract, and its reference pages are up to date."""

from __future__ import annotations

import re

import pytest

from scanner.rules import RULES, Severity
from scanner.rules import docs as rule_docs


def contract_rules(shared) -> dict[str, str]:
    """(id -> severity) from the tables of ../shared/spec/rules.md."""
    text = (shared / "spec" / "rules.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", text, flags=re.M))


def test_catalog_has_exactly_the_contract_ids_and_severities(shared):
    assert {rid: str(rule.severity) for rid, rule in RULES.items()} == contract_rules(shared)


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_every_rule_is_documented(rule):
    assert rule.severity in Severity
    for text in (rule.title, rule.explanation, rule.basis, rule.fix):
        assert len(text) > 15, f"{rule.id}: a text is too short to help anyone"
    assert "GDPR" in rule.basis or "CJEU" in rule.basis or "CPCE" in rule.basis


def test_rule_reference_pages_are_generated_from_the_registry(root):
    assert rule_docs.main([str(root / "docs" / "rules"), "--check"]) == 0
