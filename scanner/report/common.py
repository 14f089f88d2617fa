"""What every report format shares: counts, ordering, rule metadata lookups, document links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Finding, PageModel, PageStatus
from ..rules import RULES, Rule

if TYPE_CHECKING:
    from ..scan import ScanResult

DOCS_BASE = "https://github.com/unbundle/unbundle/blob/main/"
"""Where the rule reference pages (docs/rules/<id>.md) are published."""

SEVERITY_ORDER = {"error": 0, "warning": 1}


def rule_of(finding: Finding) -> Rule | None:
    return RULES.get(finding.rule)


def help_uri(rule_id: str) -> str:
    return f"{DOCS_BASE}docs/rules/{rule_id}.md"


def ordered(findings: list[Finding]) -> list[Finding]:
    """Errors first, then by form, then by rule id (stable, so reports are reproducible)."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9),
                                           -1 if f.form is None else f.form, f.rule))


def page_readable(page: PageModel) -> bool:
    return page.status in (PageStatus.OK, PageStatus.TRUNCATED)


@dataclass(frozen=True)
class Summary:
    pages: int
    readable: int
    errors: int
    warnings: int

    def line(self) -> str:
        unread = self.pages - self.readable
        parts = [f"{self.pages} page{'s' if self.pages != 1 else ''} scanned"]
        if unread:
            parts.append(f"{unread} could not be read")
        parts.append(f"{self.errors} error{'s' if self.errors != 1 else ''}")
        parts.append(f"{self.warnings} warning{'s' if self.warnings != 1 else ''}")
        return ", ".join(parts) + "."


def summarize(result: ScanResult) -> Summary:
    return Summary(
        pages=len(result.pages),
        readable=sum(1 for p in result.pages if page_readable(p)),
        errors=sum(1 for f in result.findings if f.severity == "error"),
        warnings=sum(1 for f in result.findings if f.severity == "warning"),
    )


def form_label(page: PageModel, index: int | None) -> str:
    if index is None:
        return "page"
    form = next((f for f in page.forms if f.index == index), None)
    if form is None:
        return f"form #{index}"
    action = f" ({form.core_action})" if form.core_action else ""
    where = f" in iframe {form.frame}" if form.frame else ""
    return f"form #{index}{action} {form.selector}{where}".rstrip()
