"""One parsed document with its lookups built once: indexes, visibility, visible text, boxes
ticked by script, and the base URL that links resolve against."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .evidence import css_path
from .tree import _BLOCKS, _HEADINGS, _classes, _clean

_SKIP_TEXT = frozenset(("script", "style", "template", "noscript", "select", "option", "textarea", "svg", "button"))
_HIDDEN_CLASSES = frozenset(("d-none", "hidden", "hide", "is-hidden", "u-hidden", "display-none"))
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_CLASS = re.compile(r"titre|title|heading", re.I)


# A box ticked by a script as the page loads is pre-checked (rules.md); one ticked in answer to
# the person's click ("tout cocher") is not. These find load-time assignments in inline scripts.
_SCRIPT_TICK = re.compile(
    r"""(?:getElementById\(\s*['"](?P<id>[^'"]+)['"]\s*\)|querySelector\(\s*['"](?:#(?P<qid>[\w-]+)|[^'"]*?name\s*=\s*["']?(?P<qname>[\w\[\]-]+)["']?\s*\])['"]\s*\)"""
    r"""|\$\(\s*['"](?:#(?P<jid>[\w-]+)|[^'"]*?name\s*=\s*["']?(?P<jname>[\w\[\]-]+)["']?\s*\])['"]\s*\))"""
    r"""\s*(?:\.checked\s*=\s*(?:true|!0|1)\b|\.prop\(\s*['"]checked['"]\s*,\s*true\s*\)|\.attr\(\s*['"]checked['"]|\.setAttribute\(\s*['"]checked['"])""")
_USER_EVENT = re.compile(r"""(?:addEventListener\(\s*['"](?:click|change|input)['"]|\.on(?:click|change)\s*=|\.(?:click|change|on)\(\s*(?:['"](?:click|change)['"]|function))""")


@lru_cache(maxsize=4096)
def _absolute(base: str, href: str | None) -> str:
    href = (href or "").strip()
    if not href or href.lower().startswith(("javascript:", "data:", "about:", "blob:")):
        return ""
    try:
        return urljoin(base, href)
    except ValueError:
        return ""


class _Document:
    """One parsed document with the lookups that extraction needs, built once."""

    def __init__(self, html: str, url: str):
        self.soup = BeautifulSoup(html, "lxml")
        self.url = url
        self.base = url
        # One pass over the tree builds every index extraction needs (bs4's find_all with
        # filters costs more than parsing on form-heavy pages).
        self.by_id: dict[str, Tag] = {}
        self.labels_for: dict[str, list[Tag]] = {}
        self.by_name: dict[str, list[Tag]] = {}
        self.order: dict[int, int] = {}
        self.handlers: list[Tag] = []
        self.titles: list[Tag] = []
        """Headings, and elements whose class says title (1990s layouts), in document order."""
        for position, el in enumerate(self.soup.descendants):
            if not isinstance(el, Tag):
                continue
            self.order[id(el)] = position
            self.by_name.setdefault(el.name, []).append(el)
            attrs = el.attrs
            if "id" in attrs:
                self.by_id.setdefault(str(attrs["id"]), el)
            if el.name == "label" and "for" in attrs:
                self.labels_for.setdefault(str(attrs["for"]), []).append(el)
            if "onsubmit" in attrs or "onclick" in attrs:
                self.handlers.append(el)
            if el.name in _HEADINGS or ("class" in attrs and _TITLE_CLASS.search(" ".join(_classes(el)))):
                self.titles.append(el)
        self._hidden: dict[int, str] = {}
        self._selectors: dict[int, str] = {}
        self._positions: dict[int, tuple[int, int]] = {}
        self.used_strings: set[int] = set()
        self.ticked_ids, self.ticked_names = self._ticked_by_script()
        base = next((b for b in self.tags("base") if b.get("href")), None)
        if base is not None:
            self.base = _absolute(url, str(base["href"])) or url

    def _ticked_by_script(self) -> tuple[set[str], set[str]]:
        """Ids and names of boxes that inline scripts tick as the page loads; an assignment that
        follows a click or change listener in the script answers the person, so it is left out."""
        ids: set[str] = set()
        names: set[str] = set()
        for script in self.by_name.get("script", []):
            if script.get("src"):
                continue
            text = script.get_text()
            if "checked" not in text:
                continue
            for match in _SCRIPT_TICK.finditer(text):
                if _USER_EVENT.search(text, max(0, match.start() - 600), match.start()):
                    continue
                if match["id"] or match["qid"] or match["jid"]:
                    ids.add(match["id"] or match["qid"] or match["jid"])
                if match["qname"] or match["jname"]:
                    names.add(match["qname"] or match["jname"])
        return ids, names

    def selector(self, el: Tag) -> str:
        """``css_path(el)``, computed once per element (every named control asks for its form's)."""
        key = id(el)
        if key not in self._selectors:
            self._selectors[key] = css_path(el, self._positions)
        return self._selectors[key]

    def tags(self, *names: str) -> list[Tag]:
        """Elements with these tag names, in document order."""
        if len(names) == 1:
            return self.by_name.get(names[0], [])
        found = [el for name in names for el in self.by_name.get(name, [])]
        found.sort(key=lambda el: self.order[id(el)])
        return found

    # -- visibility --------------------------------------------------------------------------
    def hidden_by(self, el: Tag) -> str:
        """Why ``el`` is not displayed ("" when it is): its own attributes or an ancestor's.
        Iterative, cached: hostile pages nest thousands of elements."""
        chain: list[Tag] = []
        node: Tag | None = el
        inherited = ""
        while isinstance(node, Tag) and node.name != "[document]":
            cached = self._hidden.get(id(node))
            if cached is not None:
                inherited = cached
                break
            chain.append(node)
            node = node.parent
        for node in reversed(chain):
            own = self._own_hiding(node)
            # type=hidden hides the input itself, not what an input could contain.
            reason = own or (inherited if inherited != "type=hidden" else "")
            self._hidden[id(node)] = reason
            inherited = reason
        return self._hidden[id(el)]

    @staticmethod
    def _own_hiding(el: Tag) -> str:
        if el.name == "input" and str(el.get("type", "")).lower() == "hidden":
            return "type=hidden"
        if el.has_attr("hidden"):
            return "hidden"
        style = str(el.get("style", ""))
        if style and _STYLE_HIDDEN.search(style):
            return "display:none" if "display" in style.lower() else "visibility:hidden"
        if _HIDDEN_CLASSES.intersection(_classes(el)):
            return "class"
        if el.name == "template":
            return "template"
        return ""

    # -- text --------------------------------------------------------------------------------
    def text(self, el: Tag, skip_labels: bool = False) -> str:
        """Visible text of ``el``: no script, option or hidden element text."""
        return _clean(" ".join(self._strings(el, skip_labels)))

    def _strings(self, el: Tag, skip_labels: bool) -> Iterator[str]:
        stack: list[Iterator] = [iter(el.children)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                yield str(child)
            elif isinstance(child, Tag):
                if child.name in _SKIP_TEXT or (skip_labels and child.name in ("label", "legend")):
                    continue
                hidden = self.hidden_by(child)
                if hidden and hidden != "type=hidden":
                    continue
                if child.name == "input":
                    continue
                stack.append(iter(child.children))

    def blocks(self, el: Tag) -> list[str]:
        """Text of ``el`` cut at block boundaries, leaving out labels, legends and the strings
        already used as a control's name (they are the controls' own wording)."""
        out: list[str] = []
        current: list[str] = []

        def flush() -> None:
            text = _clean(" ".join(current))
            if text:
                out.append(text)
            current.clear()

        # An explicit stack rather than recursion (hostile nesting); None marks a block's end.
        stack: list[Iterator] = [iter(el.children)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            if child == "\x00block-end":
                flush()
                continue
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if id(child) not in self.used_strings:
                    current.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIP_TEXT or child.name in ("label", "legend"):
                continue
            if child.name == "input" or self.hidden_by(child):
                continue
            if child.name in _BLOCKS:
                flush()
                stack.append(iter(["\x00block-end"]))
            stack.append(iter(child.children))
        flush()
        return out
