"""The terminal report: grouped by page, colours by severity on a terminal only, one-line summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .common import form_label, ordered, page_readable, summarize

if TYPE_CHECKING:
    from ..scan import ScanResult

COLOURS = {"error": "red", "warning": "yellow"}


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render(result: ScanResult, *, color: bool = False) -> str:
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for page in result.pages:
        status = str(page.status)
        lines.append(style(page.url, bold=True) + ("" if status == "ok" else f"  [{status}]"))
        if not page_readable(page):
            lines.append(f"  could not be read: {page.error}")
            lines.append("")
            continue
        if page.error:
            lines.append(f"  note: {page.error}")
        for note in page.notes:
            if note != page.error:
                lines.append(f"  note: {note}")
        findings = ordered(result.findings_for(page))
        if not findings:
            lines.append("  no findings")
        for finding in findings:
            sev = style(f"{finding.severity:<7}", fg=COLOURS.get(finding.severity), bold=True)
            lines.append(f"  {sev} {finding.rule}  {form_label(page, finding.form)}")
            lines.append(f"          {_clip(finding.message, 300)}")
            ev = finding.evidence
            if ev.text:
                lines.append(f"          evidence: \"{_clip(ev.text)}\"")
            elif ev.html:
                lines.append(f"          evidence: {_clip(ev.html)}")
            if ev.frame:
                lines.append(f"          in: {ev.frame}")
        if page.trackers:
            names = sorted({t.get("name", "") for t in page.trackers})
            lines.append(f"  trackers: {', '.join(names)}")
        lines.append("")
    lines.append(summarize(result).line())
    return "\n".join(lines) + "\n"
