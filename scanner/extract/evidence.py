"""Evidence that points a reader at an element: CSS selectors and cut outer HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING

from bs4 import Comment, NavigableString, Tag

from .tree import _SPACES

if TYPE_CHECKING:
    from .document import _Document

HTML_CUT = 300
"""Outer HTML kept as evidence, in characters."""
_SIMPLE_ID = re.compile(r"^[A-Za-z][\w-]*$")


def _cut(html: str, limit: int = HTML_CUT) -> str:
    html = _SPACES.sub(" ", html)
    return html if len(html) <= limit else html[: limit - 1] + "…"


def css_path(el: Tag, positions: dict[int, tuple[int, int]] | None = None) -> str:
    """A CSS selector for ``el``: its id when it has a usable one, else a tag path with
    ``:nth-of-type`` from the nearest ancestor that has an id. ``positions`` keeps, across
    calls, each element's place among its parent's children (see ``_nth_of_type``)."""
    positions = {} if positions is None else positions
    parts: list[str] = []
    node: Tag | None = el
    while isinstance(node, Tag) and node.name != "[document]":
        node_id = node.get("id")
        if node_id and _SIMPLE_ID.match(str(node_id)):
            parts.append(f"#{node_id}")
            break
        if node.name in ("html", "body"):
            parts.append(node.name)
            if node.name == "html":
                break
            node = node.parent
            continue
        parent = node.parent
        if id(node) not in positions:
            _nth_of_type(node, positions)
        position, count = positions[id(node)]
        parts.append(f"{node.name}:nth-of-type({position + 1})" if count > 1 else node.name)
        node = parent
    return " > ".join(reversed(parts))


def _nth_of_type(node: Tag, positions: dict[int, tuple[int, int]]) -> None:
    """Record (index among same-tag siblings, number of them) for every child of ``node``'s
    parent in one pass. Listing the siblings again for each element was quadratic: a page with
    4,000 sibling forms took seconds. Keyed by identity: Tag == compares content."""
    parent = node.parent
    if not isinstance(parent, Tag):
        positions[id(node)] = (0, 1)
        return
    same: dict[str, list[Tag]] = {}
    for c in parent.children:
        if isinstance(c, Tag):
            same.setdefault(c.name, []).append(c)
    for siblings in same.values():
        for i, c in enumerate(siblings):
            positions[id(c)] = (i, len(siblings))


def _selector(doc: _Document, el: Tag, form_root: Tag) -> str:
    el_id = el.get("id")
    if el_id and _SIMPLE_ID.match(str(el_id)) and doc.by_id.get(str(el_id)) is el:
        return f"#{el_id}"
    name = el.get("name")
    if name:
        root_selector = doc.selector(form_root)
        kind = el.name
        value = el.get("value")
        if el.name == "input" and str(el.get("type", "")).lower() in ("radio", "checkbox") and value is not None:
            return f'{root_selector} {kind}[name="{name}"][value="{value}"]'
        return f'{root_selector} {kind}[name="{name}"]'
    return doc.selector(el)


_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _outer_html(el: Tag, limit: int = HTML_CUT) -> str:
    """Evidence markup: the element's outer HTML, attributes in source order, cut at ``limit``
    characters. Written by hand to stop at the cut (bs4's serialiser formats the whole subtree
    first, which cost more than the rest of extraction)."""
    out: list[str] = []
    size = 0
    stack: list[Iterator | str] = [iter([el])]
    while stack and size <= limit:
        top = stack[-1]
        if isinstance(top, str):  # a pending end tag
            stack.pop()
            out.append(top)
            size += len(top)
            continue
        node = next(top, None)
        if node is None:
            stack.pop()
            continue
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            text = escape(_SPACES.sub(" ", str(node)), quote=False)
            out.append(text)
            size += len(text)
        elif isinstance(node, Tag):
            attrs = "".join(f' {k}="{escape(" ".join(v) if isinstance(v, list) else str(v))}"' if v != "" else f" {k}"
                            for k, v in node.attrs.items())
            start = f"<{node.name}{attrs}>"
            out.append(start)
            size += len(start)
            if node.name not in _VOID:
                stack.append(f"</{node.name}>")
                stack.append(iter(node.children))
    return _cut("".join(out), limit)
