"""SARIF 2.1.0, so that a campaign can run the scan in its own CI (GitHub code scanning and
others read it). The catalog is ``tool.driver.rules``; each finding a result located at the page
URL (artifact) and the form's CSS selector (logical location)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..rules import RULES
from .common import help_uri, page_readable

if TYPE_CHECKING:
    from ..scan import ScanResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"

LEVELS = {"error": "error", "warning": "warning"}
"""Our severity -> SARIF level: the one place this mapping lives."""


def level(severity: str) -> str:
    return LEVELS.get(severity, "note")


def _uri(target: str) -> str:
    # A path or URL as the user gave it, made a valid URI reference (spaces, accents).
    return quote(target, safe=":/?#[]@!$&'()*+,;=%~")


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.id,
            "name": "".join(part.title() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.explanation},
            "help": {
                "text": f"{rule.fix}\n\nLegal basis: {rule.basis}",
                "markdown": f"{rule.fix}\n\n**Legal basis:** {rule.basis}\n\n[Reference]({help_uri(rule.id)})",
            },
            "helpUri": help_uri(rule.id),
            "defaultConfiguration": {"level": level(str(rule.severity))},
            "properties": {"family": str(rule.family), "tags": [str(rule.family)]},
        }
        for rule in RULES.values()
    ]


def as_dict(result: ScanResult) -> dict[str, Any]:
    index = {rule_id: i for i, rule_id in enumerate(RULES)}
    results = []
    for finding in result.findings:
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(finding.page)}}}
        selector = finding.evidence.selector
        if selector:
            location["logicalLocations"] = [{"fullyQualifiedName": selector, "kind": "element"}]
        entry: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": level(finding.severity),
            "message": {"text": finding.message},
            "locations": [location],
            "properties": {
                "form": finding.form,
                "basis": finding.basis,
                "evidence": {"html": finding.evidence.html, "text": finding.evidence.text,
                             "frame": finding.evidence.frame},
            },
        }
        if finding.rule in index:
            entry["ruleIndex"] = index[finding.rule]
        results.append(entry)
    notifications = [
        {"level": "warning", "message": {"text": page.error or f"{page.url} could not be read."},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(page.url)}}}],
         "properties": {"status": str(page.status)}}
        for page in result.pages if not page_readable(page)
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": result.tool,
                "version": result.version,
                "informationUri": DOCS_ROOT,
                "rules": _rules(),
            }},
            "invocations": [{
                "executionSuccessful": any(page_readable(p) for p in result.pages),
                "endTimeUtc": result.scanned_at.replace("+00:00", "Z"),
                "toolExecutionNotifications": notifications,
            }],
            # SARIF wants unique artifacts; two spellings of one path share one URI.
            "artifacts": [{"location": {"uri": uri}} for uri in dict.fromkeys(_uri(p.url) for p in result.pages)],
            "results": results,
        }],
    }


DOCS_ROOT = help_uri("index").rsplit("/docs/", 1)[0]


def render(result: ScanResult, *, color: bool = False) -> str:  # noqa: ARG001 - one signature
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
