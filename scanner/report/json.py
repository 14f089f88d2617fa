"""The JSON report: a versioned contract that tests and other tools read.

Bump ``SCHEMA_VERSION``'s major number when a field is removed or changes meaning; adding a
field is a minor change.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from ..model import Control, FormModel, PageModel
from .common import summarize

if TYPE_CHECKING:
    from ..scan import ScanResult

SCHEMA_VERSION = "1.0"


# The control fields of the contract, listed so that a field added to the model for judging
# does not silently change the report (add it here, and bump the minor version, to publish it).
CONTROL_FIELDS = ("kind", "name", "value", "label", "required", "required_by", "checked",
                  "visible", "hidden_by", "selector", "html")


def _control(control: Control) -> dict[str, Any]:
    out = {name: getattr(control, name) for name in CONTROL_FIELDS}
    out["options"] = [asdict(o) for o in control.options]
    return out


def _form(form: FormModel) -> dict[str, Any]:
    return {
        "index": form.index,
        "selector": form.selector,
        "action": form.action,
        "method": form.method,
        "core_action": form.core_action,
        "in_scope": form.in_scope,
        "frame": form.frame,
        "blocked_submit": list(form.blocked_submit),
        "controls": [_control(c) for c in form.controls],
    }


def _page(page: PageModel) -> dict[str, Any]:
    return {
        "url": page.url,
        "status": str(page.status),
        "final_url": page.final_url,
        "http_status": page.http_status,
        "error": page.error,
        "notes": list(page.notes),
        "forms": [_form(f) for f in page.forms],
        "notices": [{"url": n.url, "linked": n.linked} for n in page.notices],
        "frames": list(page.frames),
        "trackers": [dict(t) for t in page.trackers],
    }


def as_dict(result: ScanResult) -> dict[str, Any]:
    summary = summarize(result)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": result.tool, "version": result.version},
        "scanned_at": result.scanned_at,
        "engine": result.engine,
        "pages": [_page(p) for p in result.pages],
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "page": f.page,
                "form": f.form,
                "message": f.message,
                "basis": f.basis,
                "evidence": {
                    "selector": f.evidence.selector,
                    "html": f.evidence.html,
                    "text": f.evidence.text,
                    "frame": f.evidence.frame,
                },
            }
            for f in result.findings
        ],
        "summary": {
            "pages": summary.pages,
            "readable": summary.readable,
            "errors": summary.errors,
            "warnings": summary.warnings,
        },
    }


def render(result: ScanResult, *, color: bool = False) -> str:  # noqa: ARG001 - one signature
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2) + "\n"
