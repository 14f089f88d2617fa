"""The terminal report: grouped by page, colours by severity on a terminal only, one-line summary."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import click

from .common import form_label, ordered, page_readable, summarize

if TYPE_CHECKING:
    from ..scan import ScanResult

COLOURS = {"error": "red", "warning": "yellow"}


# C0/C1 control characters, escape included: a hostile page must not drive the reader's terminal.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clip(text: str, limit: int = 160) -> str:
    text = _CONTROLS.sub(" ", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render(result: ScanResult, *, color: bool = False) -> str:
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for page in result.pages:
        status = str(page.status)
        lines.append(style(_clip(page.url, 500), bold=True) + ("" if status == "ok" else f"  [{status}]"))
        if not page_readable(page):
            lines.append(f"  could not be read: {_clip(page.error, 500)}")
            lines.append("")
            continue
        if page.error:
            lines.append(f"  note: {_clip(page.error, 500)}")
        for note in page.notes:
            if note != page.error:
                lines.append(f"  note: {_clip(note, 500)}")
        findings = ordered(result.findings_for(page))
        if not findings:
            lines.append("  no findings")
        for finding in findings:
            sev = style(f"{finding.severity:<7}", fg=COLOURS.get(finding.severity), bold=True)
            lines.append(f"  {sev} {finding.rule}  {_clip(form_label(page, finding.form), 300)}")
            lines.append(f"          {_clip(finding.message, 300)}")
            ev = finding.evidence
            if ev.text:
                lines.append(f"          evidence: \"{_clip(ev.text)}\"")
            elif ev.html:
                lines.append(f"          evidence: {_clip(ev.html)}")
            if ev.frame:
                lines.append(f"          in: {_clip(ev.frame, 300)}")
        if page.trackers:
            names = sorted({t.get("name", "") for t in page.trackers})
            lines.append(f"  trackers: {_clip(', '.join(names), 300)}")
        lines.append("")
    lines.append(summarize(result).line())
    return "\n".join(lines) + "\n"
