"""Inline validation that refuses to submit a form until a box is ticked."""

from __future__ import annotations

import re

from bs4 import Tag

from ..model import Control
from .document import _Document
from .tree import _tags_in

# Inline validation that refuses to submit until a box is ticked:
#   if (!f.lettre_info.checked) { …; return false; }   /   if (!document.getElementById("nl").checked) e.preventDefault()
_UNCHECKED_TEST = re.compile(
    r"""!\s*(?:[\w$]+\.)*(?:elements\s*\[\s*['"](?P<a>[^'"]+)['"]\s*\]|getElementById\(\s*['"](?P<c>[^'"]+)['"]\s*\)"""
    r"""|querySelector\(\s*['"][^'"]*?name\s*=\s*["']?(?P<d>[\w\[\]-]+)["']?\s*\]\s*['"]\s*\)|(?P<b>[A-Za-z_$][\w$]*))\.checked\b""")
_REFUSE = re.compile(r"return\s+false|preventDefault\s*\(|stopPropagation\s*\(")


def _guarded(script: str, start: int, reach: int = 400) -> str:
    """The code that runs only when the test ending at ``start`` holds: the block of its ``if``
    ("{ alert(…); return false; }") or, with no brace, its one statement ("&& e.preventDefault();").
    An AJAX handler that prevents the native submit after the test, whatever the box says, does
    not refuse the form because of that box."""
    tail = script[start:start + reach]
    brace, semi = tail.find("{"), tail.find(";")
    if brace != -1 and (semi == -1 or brace < semi):
        end = tail.find("}", brace)
        return tail[brace:end if end != -1 else len(tail)]
    return tail[:semi + 1] if semi != -1 else tail


def _blocked_submit(doc: _Document, root: Tag, controls: list[Control], fields: list[Tag]) -> list[str]:
    """Names of boxes that an inline script tied to submitting refuses to submit without (the
    static share of what the browser engine observes; rules.md, bundled-consent)."""
    handler = str(root.get("onsubmit", ""))
    scripts = [handler] + [str(b.get("onclick", "")) for b in _tags_in(root, {"button", "input"}) if b.get("onclick")]
    if handler or any(scripts[1:]) or root.name == "form":
        scripts += [el.get_text() for el in doc.tags("script") if not el.get("src")]
    by_id = {str(el.get("id")): str(el.get("name", "")) for el in fields if el.get("id")}
    boxes = {c.name for c in controls if c.kind == "checkbox" and c.name}
    blocked: list[str] = []
    for script in scripts:
        if "submit" not in script and script is not handler and not handler:
            continue
        for match in _UNCHECKED_TEST.finditer(script):
            if not _REFUSE.search(_guarded(script, match.end())):
                continue
            name = match["a"] or match["d"] or by_id.get(match["c"] or "", "") or match["b"] or ""
            if name in boxes and name not in blocked:
                blocked.append(name)
    return blocked
