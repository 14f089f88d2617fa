"""The text around a form: small print above and below it, its heading, and the words its
markup uses about itself."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from urllib.parse import urlsplit

from bs4 import Comment, NavigableString, Tag

from .document import _Document
from .tree import _FIELD_SET, _FIELD_TAGS, _HEADING_SET, _HEADINGS, _classes, _clean, _has_tag, _tags_in

SMALL_PRINT_CUT = 3000
"""Text read around a form, in characters: enough for a notice, not the whole page."""
_SECTIONING = frozenset(("body", "main", "article", "section", "aside", "footer", "header", "nav", "html"))
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«\"(0-9])")


def _following_text(doc: _Document, root: Tag) -> tuple[list[str], list[Tag]]:
    """Blocks of text right after the form (its small print often sits just below it, in the
    same box): following siblings of the form and of up to three wrappers, stopping at a
    heading, another form or a sectioning element's end."""
    blocks: list[str] = []
    anchors: list[Tag] = []
    node: Tag = root
    size = 0
    for _level in range(4):
        for sib in node.next_siblings:
            if not isinstance(sib, Tag):
                if isinstance(sib, NavigableString) and not isinstance(sib, Comment) and sib.strip():
                    blocks.append(_clean(str(sib)))
                continue
            if sib.name in _HEADINGS or sib.name in ("form", "nav", "script", "style") or _has_tag(sib, {"form", *_HEADINGS}):
                return blocks, anchors
            if _has_tag(sib, _FIELD_SET):
                return blocks, anchors
            if doc.hidden_by(sib):
                continue
            new = doc.blocks(sib)
            blocks.extend(new)
            anchors.extend(a for a in _tags_in(sib, {"a"}) if a.get("href"))
            if sib.name == "a" and sib.get("href"):
                anchors.append(sib)
            size += sum(len(b) for b in new)
            if size > SMALL_PRINT_CUT:
                return blocks, anchors
        parent = node.parent
        if not isinstance(parent, Tag) or parent.name in _SECTIONING or parent.name == "[document]":
            break  # never read past the end of the section that holds the form
        node = parent
    return blocks, anchors


def _preceding_text(doc: _Document, root: Tag) -> list[str]:
    """The one or two short blocks right above the form in the same box, up to the heading
    ("En signant, vous acceptez …" is sometimes written above the fields)."""
    blocks: list[str] = []
    if not isinstance(root.parent, Tag) or root.parent.name in _SECTIONING:
        return blocks  # above a form that sits directly in the page flow is the page's introduction
    for sib in root.previous_siblings:
        if len(blocks) >= 2:
            break
        if not isinstance(sib, Tag):
            continue
        if sib.name in _HEADINGS or sib.name in ("form", "nav", "header", "script", "style") or _has_tag(sib, {"form", *_HEADINGS, *_FIELD_TAGS}):
            break
        if doc.hidden_by(sib):
            continue
        text = " ".join(doc.blocks(sib))
        if text and len(text) <= 400:
            blocks.insert(0, text)
        elif text:
            break
    return blocks


def _heading(doc: _Document, root: Tag) -> str:
    """Headings inside the form, then the nearest heading before it (or, in 1990s layouts, the
    nearest element whose class says title)."""
    inside = [doc.text(h) for h in _tags_in(root, _HEADING_SET)]
    start = doc.order.get(id(root), 0)
    positions = [doc.order[id(t)] for t in doc.titles]
    index = bisect_left(positions, start) - 1
    before = None
    fallback = None
    while index >= 0:
        title = doc.titles[index]
        if title.name in _HEADINGS:
            before = title
            break
        if fallback is None:
            fallback = title
        index -= 1
    parts = inside + ([doc.text(before)] if before is not None else [])
    if not parts and fallback is not None:
        parts.append(doc.text(fallback))
    return " | ".join(p for p in parts if p)


def _sentences(blocks: Iterable[str]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        out.extend(s.strip() for s in _SENTENCE_END.split(block) if s.strip())
    return out


def _hints(root: Tag, action: str) -> str:
    words = [str(root.get("id", "")), " ".join(_classes(root)), str(root.get("name", "")), str(root.get("role", "")),
             urlsplit(action).path if action else ""]
    return _clean(" ".join(w for w in words if w))
