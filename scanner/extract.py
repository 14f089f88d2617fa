"""Extraction: turn an HTML document into plain form models (the only module that knows bs4).

``extract_page`` reads every ``<form>`` and every group of inputs that a button submits outside
any form (script-driven forms), each control with its accessible name, required state, default
state and visibility, the text around the form and the links near it; and, for the page, the
script, pixel and iframe URLs a tracker check needs. ``notice_text`` reads the main text of a
linked privacy or legal page. Rules judge the result and never see the DOM (STYLE.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from html import escape
from functools import lru_cache
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .classify import link_kind
from .model import Control, FormModel, Link, Option, PageModel

HTML_CUT = 300
"""Outer HTML kept as evidence, in characters."""
SCRIPT_CUT = 4000
"""Inline script text kept for snippet detection, in characters (tracker loaders come first)."""
SMALL_PRINT_CUT = 3000
"""Text read around a form, in characters: enough for a notice, not the whole page."""

_CONTROL_TAGS = ("input", "select", "textarea", "button")
_FIELD_TAGS = ("input", "select", "textarea")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset(
    "p div li ul ol br h1 h2 h3 h4 h5 h6 td th tr table form fieldset section article aside header "
    "footer main nav dl dt dd blockquote figure figcaption hr address center".split()
)
_SKIP_TEXT = frozenset(("script", "style", "template", "noscript", "select", "option", "textarea", "svg", "button"))
_SECTIONING = frozenset(("body", "main", "article", "section", "aside", "footer", "header", "nav", "html"))
_HIDDEN_CLASSES = frozenset(("d-none", "hidden", "hide", "is-hidden", "u-hidden", "display-none"))
_REQUIRED_CLASSES = frozenset(("wpcf7-validates-as-required", "required", "is-required", "wpforms-field-required",
                               "validate[required]", "frm_required", "hs-input-required"))
# Plugin wrappers that mark the field inside them as required: Gravity Forms, Elementor,
# Formidable, WPForms, Ninja Forms, HubSpot.
_REQUIRED_WRAPPERS = frozenset(("gfield_contains_required", "gfield--required", "elementor-field-required",
                                "frm_required_field", "wpforms-field-required", "nf-field-required", "hs-form-required"))
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PLACEHOLDER = re.compile(r"^[\s\-\u2013\u2014.…_*]*$|^[\s\-\u2013\u2014]*(choisi|choos|select|s[ée]lection|bitte|kies|maak een keuze|elige|seleccion|selezion|scegli|w[äa]hl|--)",
                          re.I)
_SIMPLE_ID = re.compile(r"^[A-Za-z][\w-]*$")
_TITLE_CLASS = re.compile(r"titre|title|heading", re.I)
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«\"(0-9])")
_REQUIRED_LEGEND = re.compile(r"obligatoire|required|pflicht|verplicht|obligatori|obbligatori|mandatory", re.I)
# Inline validation that refuses to submit until a box is ticked:
#   if (!f.lettre_info.checked) { …; return false; }   /   if (!document.getElementById("nl").checked) e.preventDefault()
_UNCHECKED_TEST = re.compile(
    r"""!\s*(?:[\w$]+\.)*(?:elements\s*\[\s*['"](?P<a>[^'"]+)['"]\s*\]|getElementById\(\s*['"](?P<c>[^'"]+)['"]\s*\)"""
    r"""|querySelector\(\s*['"][^'"]*?name\s*=\s*["']?(?P<d>[\w\[\]-]+)["']?\s*\]\s*['"]\s*\)|(?P<b>[A-Za-z_$][\w$]*))\.checked\b""")
# A box ticked by a script as the page loads is pre-checked (rules.md); one ticked in answer to
# the person's click ("tout cocher") is not. These find load-time assignments in inline scripts.
_SCRIPT_TICK = re.compile(
    r"""(?:getElementById\(\s*['"](?P<id>[^'"]+)['"]\s*\)|querySelector\(\s*['"](?:#(?P<qid>[\w-]+)|[^'"]*?name\s*=\s*["']?(?P<qname>[\w\[\]-]+)["']?\s*\])['"]\s*\)"""
    r"""|\$\(\s*['"](?:#(?P<jid>[\w-]+)|[^'"]*?name\s*=\s*["']?(?P<jname>[\w\[\]-]+)["']?\s*\])['"]\s*\))"""
    r"""\s*(?:\.checked\s*=\s*(?:true|!0|1)\b|\.prop\(\s*['"]checked['"]\s*,\s*true\s*\)|\.attr\(\s*['"]checked['"]|\.setAttribute\(\s*['"]checked['"])""")
_USER_EVENT = re.compile(r"""(?:addEventListener\(\s*['"](?:click|change|input)['"]|\.on(?:click|change)\s*=|\.(?:click|change|on)\(\s*(?:['"](?:click|change)['"]|function))""")
_REFUSE = re.compile(r"return\s+false|preventDefault\s*\(|stopPropagation\s*\(")
_PRELOAD_RELS = frozenset(("preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload"))


# bs4's find/find_all/find_parent build a filter on every call; over thousands of calls that costs
# more than parsing. These walk the tree directly.
_CONTROL_SET = frozenset(_CONTROL_TAGS)
_FIELD_SET = frozenset(_FIELD_TAGS)
_HEADING_SET = frozenset(_HEADINGS)


def _tags_in(el: Tag, names: frozenset[str] | set[str]) -> list[Tag]:
    """Descendants of ``el`` with one of these tag names, in document order."""
    return [d for d in el.descendants if isinstance(d, Tag) and d.name in names]


def _has_tag(el: Tag, names: frozenset[str] | set[str]) -> bool:
    return any(isinstance(d, Tag) and d.name in names for d in el.descendants)


def _ancestor(el: Tag, names: frozenset[str] | set[str]) -> Tag | None:
    """The nearest ancestor of ``el`` with one of these tag names."""
    for parent in el.parents:
        if parent.name in names:
            return parent
    return None


def _strings_in(el: Tag) -> list[NavigableString]:
    return [d for d in el.descendants if isinstance(d, NavigableString) and not isinstance(d, Comment)]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _classes(el: Tag) -> list[str]:
    value = el.get("class") or []
    return value if isinstance(value, list) else str(value).split()


def _cut(html: str, limit: int = HTML_CUT) -> str:
    html = _SPACES.sub(" ", html)
    return html if len(html) <= limit else html[: limit - 1] + "…"


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
            self._selectors[key] = css_path(el)
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


def css_path(el: Tag) -> str:
    """A CSS selector for ``el``: its id when it has a usable one, else a tag path with
    ``:nth-of-type`` from the nearest ancestor that has an id."""
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
        same = [c for c in parent.children if isinstance(c, Tag) and c.name == node.name] if isinstance(parent, Tag) else [node]
        position = next(i for i, c in enumerate(same) if c is node)  # identity: Tag == compares content
        parts.append(f"{node.name}:nth-of-type({position + 1})" if len(same) > 1 else node.name)
        node = parent
    return " > ".join(reversed(parts))


# -- accessible names ------------------------------------------------------------------------
def _accessible_name(doc: _Document, el: Tag) -> str:
    """The control's name, in the order of the HTML-AAM / accname computation: aria-labelledby,
    aria-label, label[for], wrapping label, title, placeholder; then the neighbouring text that
    old or hand-written pages rely on (the text after a box, the table cell before a field)."""
    labelledby = el.get("aria-labelledby")
    if labelledby:
        parts = [doc.text(doc.by_id[i]) for i in str(labelledby).split() if i in doc.by_id]
        if any(parts):
            return _clean(" ".join(parts))
    if el.get("aria-label"):
        return _clean(str(el["aria-label"]))
    el_id = el.get("id")
    if el_id and str(el_id) in doc.labels_for:
        text = _clean(" ".join(doc.text(label) for label in doc.labels_for[str(el_id)]))
        if text:
            return text
    wrapping = _ancestor(el, {"label"})
    if wrapping is not None:
        text = doc.text(wrapping)
        if text:
            return text
    if el.get("title"):
        return _clean(str(el["title"]))
    neighbour = _neighbour_text(doc, el)
    if neighbour:
        return neighbour
    if el.get("placeholder"):
        return _clean(str(el["placeholder"]))
    return ""


def _neighbour_text(doc: _Document, el: Tag) -> str:
    kind = str(el.get("type", "")).lower()
    if el.name == "input" and kind in ("checkbox", "radio"):
        collected: list[str] = []
        strings: list[NavigableString] = []
        for sib in el.next_siblings:
            if isinstance(sib, Tag):
                if sib.name in _CONTROL_TAGS or sib.name in ("br", "label") or sib.name in _BLOCKS or _has_tag(sib, _CONTROL_SET):
                    break
                collected.append(doc.text(sib))
                strings.extend(_strings_in(sib))
            elif isinstance(sib, NavigableString) and not isinstance(sib, Comment):
                collected.append(str(sib))
                strings.append(sib)
        text = _clean(" ".join(collected))
        if text:
            doc.used_strings.update(id(s) for s in strings)
            return text
    # Text just before the field, in the same parent ("Nom : <input>").
    collected = []
    strings = []
    for sib in el.previous_siblings:
        if isinstance(sib, Tag):
            if sib.name in _CONTROL_TAGS or sib.name in _BLOCKS or _has_tag(sib, _CONTROL_SET):
                break
            if any(id(s) in doc.used_strings for s in _strings_in(sib)):
                break  # the text of the box before this field ("[x] Newsletter <input>")
            collected.insert(0, doc.text(sib))
            strings.extend(_strings_in(sib))
        elif isinstance(sib, NavigableString) and not isinstance(sib, Comment):
            if id(sib) in doc.used_strings:
                break
            collected.insert(0, str(sib))
            strings.append(sib)
    text = _clean(" ".join(collected))
    if text:
        doc.used_strings.update(id(s) for s in strings)
        return text
    # A table layout: the label is the previous cell of the row.
    cell = _ancestor(el, {"td", "th"})
    if cell is not None and len(_tags_in(cell, _FIELD_SET)) == 1:
        if el.name == "input" and kind in ("checkbox", "radio"):
            # A box comes before its text: "<td>[x]</td><td>Je souhaite recevoir …</td>".
            following = cell.find_next_sibling(["td", "th"])
            if following is not None and not _has_tag(following, _CONTROL_SET) and doc.text(following):
                doc.used_strings.update(id(s) for s in _strings_in(following))
                return doc.text(following)
        previous = cell.find_previous_sibling(["td", "th"])
        if previous is not None and not _has_tag(previous, _CONTROL_SET):
            doc.used_strings.update(id(s) for s in _strings_in(previous))
            return doc.text(previous)
    return ""


def _group_label(doc: _Document, el: Tag, form_root: Tag) -> str:
    """The question a radio or box belongs to: its fieldset's legend, a radiogroup's name, or
    the table cell / text that precedes the group."""
    for ancestor in el.parents:
        if ancestor is form_root or not isinstance(ancestor, Tag):
            break
        if ancestor.name == "fieldset":
            legend = next(iter(_tags_in(ancestor, {"legend"})), None)
            if legend is not None:
                return doc.text(legend)
        if ancestor.get("role") in ("radiogroup", "group"):
            name = _aria_name(doc, ancestor)
            if name:
                return name
    cell = _ancestor(el, {"td", "th"})
    if cell is not None:
        previous = cell.find_previous_sibling(["td", "th"])
        if previous is not None and not _has_tag(previous, _CONTROL_SET):
            return doc.text(previous)
    if str(el.get("type", "")).lower() == "radio" and el.get("name"):
        return _question_before(doc, el, form_root)
    return ""


def _question_before(doc: _Document, el: Tag, form_root: Tag) -> str:
    """A radio group without fieldset or table: the question is the short text just before the
    element that holds all the radios of its name ("<p>Souhaitez-vous … ?</p> ○ Oui ○ Non")."""
    name = el.get("name")
    holder: Tag = el
    for ancestor in el.parents:
        if not isinstance(ancestor, Tag) or ancestor is form_root:
            break
        holder = ancestor
        if len([r for r in _tags_in(ancestor, {"input"}) if r.get("name") == name]) > 1:
            break
    strings: list[str] = []
    for sib in holder.previous_siblings:
        if isinstance(sib, Tag):
            if sib.name in _CONTROL_TAGS or _has_tag(sib, _CONTROL_SET):
                break
            text = doc.text(sib)
            if text:
                strings.insert(0, text)
                break
        elif isinstance(sib, NavigableString) and not isinstance(sib, Comment) and sib.strip():
            strings.insert(0, str(sib))
    question = _clean(" ".join(strings))
    return question if len(question) <= 200 else ""


def _aria_name(doc: _Document, el: Tag) -> str:
    labelledby = el.get("aria-labelledby")
    if labelledby:
        parts = [doc.text(doc.by_id[i]) for i in str(labelledby).split() if i in doc.by_id]
        if any(parts):
            return _clean(" ".join(parts))
    return _clean(str(el.get("aria-label", "")))


# -- states ------------------------------------------------------------------------------------
def _required(el: Tag, label: str, form_text_says_required: bool) -> str:
    if el.has_attr("required"):
        return "attribute"
    if str(el.get("aria-required", "")).lower() == "true":
        return "aria"
    if _REQUIRED_CLASSES.intersection(_classes(el)):
        return "plugin-class"
    for depth, ancestor in enumerate(el.parents):
        if depth > 4 or not isinstance(ancestor, Tag) or ancestor.name == "form":
            break
        classes = _classes(ancestor)
        if _REQUIRED_WRAPPERS.intersection(classes):
            return "plugin-class"
        # Contact Form 7 acceptance boxes block submission unless marked optional.
        if "wpcf7-acceptance" in classes and "optional" not in classes:
            return "plugin-class"
    if form_text_says_required and label.rstrip().endswith("*"):
        return "label"
    return ""


def _is_placeholder(option: Option) -> bool:
    return option.disabled or option.value == "" or bool(_PLACEHOLDER.match(option.label))


def _select_options(doc: _Document, el: Tag) -> list[Option]:
    options = []
    for opt in _tags_in(el, {"option"}):
        label = _clean(opt.get_text(" ")) or _clean(str(opt.get("label", "")))
        value = str(opt.get("value")) if opt.has_attr("value") else label
        options.append(Option(value=value, label=label, selected=opt.has_attr("selected"),
                              disabled=opt.has_attr("disabled") or (opt.parent is not None and opt.parent.name == "optgroup" and opt.parent.has_attr("disabled"))))
    if options and not el.has_attr("multiple"):
        chosen = [o for o in options if o.selected]
        if len(chosen) > 1:  # the last selected option wins in a single select
            for o in chosen[:-1]:
                o.selected = False
        if not chosen:
            # HTML "selectedness setting algorithm": a single select with nothing selected
            # shows (and submits) its first enabled option.
            first = next((o for o in options if not o.disabled), None)
            if first is not None:
                first.selected = first.defaulted = True
    return options


_KINDS = {"checkbox": "checkbox", "radio": "radio", "hidden": "hidden", "email": "email", "tel": "tel",
          "submit": "submit", "image": "submit", "button": "button", "reset": "button"}


def _control(doc: _Document, el: Tag, form_root: Tag, says_required: bool) -> Control:
    itype = str(el.get("type", "")).lower() if el.name == "input" else ""
    role = str(el.get("role", "")) if el.name not in _CONTROL_TAGS else ""
    if role in ("checkbox", "switch"):
        kind = "checkbox"
    elif el.name == "input":
        kind = _KINDS.get(itype or "text", "text")
        if kind == "text" and itype not in ("", "text", "search", "number", "date", "url", "password", "month", "week", "datetime-local"):
            kind = "other" if itype in ("file", "color", "range") else "text"
    elif el.name == "button":
        kind = "submit" if str(el.get("type", "submit")).lower() == "submit" else "button"
    else:
        kind = el.name  # select, textarea
    if kind in ("submit", "button"):
        label = _clean(str(el.get("value", ""))) if el.name == "input" else doc.text(el) or _clean(_text_all(el))
        label = label or _clean(str(el.get("aria-label", "")))
    elif kind == "hidden":
        label = ""
    elif role:
        label = _aria_name(doc, el) or doc.text(el)
    else:
        label = _accessible_name(doc, el)
    hidden = doc.hidden_by(el)
    control = Control(
        kind=kind,
        name=str(el.get("name", "")),
        value=str(el.get("value", "")) if el.name != "textarea" else _clean(el.get_text()),
        label=label,
        checked=(str(el.get("aria-checked", "")).lower() == "true" if role else el.has_attr("checked")
                 or str(el.get("id", "")) in doc.ticked_ids or str(el.get("name", "")) in doc.ticked_names)
        if kind in ("checkbox", "radio") else False,
        visible=not hidden,
        hidden_by=hidden,
        selector=_selector(doc, el, form_root),
        html=_outer_html(_ancestor(el, {"label"}) or el if kind in ("checkbox", "radio") and not role else el),
        input_type=itype,
        autocomplete=str(el.get("autocomplete", "")),
    )
    control.required_by = _required(el, label, says_required) if kind not in ("hidden", "submit", "button") else ""
    control.required = bool(control.required_by)
    if kind == "select":
        control.options = _select_options(doc, el)
        control.checked = any(o.selected and not _is_placeholder(o) for o in control.options)
        control.required = control.required or False
    if kind in ("checkbox", "radio"):
        control.group_label = _group_label(doc, el, form_root)
    if kind == "hidden":
        control.value_of = _widget_beside(doc, el, form_root)
    return control


def _widget_beside(doc: _Document, el: Tag, form_root: Tag) -> str:
    """A custom checkbox keeps its state in a hidden input next to it (a <div role="checkbox">
    submits nothing by itself): the selector of that one widget in the hidden input's parent."""
    parent = el.parent
    if not isinstance(parent, Tag) or parent is form_root:
        return ""
    widgets = [w for w in parent.find_all(attrs={"role": ("checkbox", "switch")}) if not _has_tag(w, {"input"})]
    return _selector(doc, widgets[0], form_root) if len(widgets) == 1 else ""


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


def _text_all(el: Tag) -> str:
    return " ".join(_strings_in(el))


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
    return css_path(el)


def _radio_groups(controls: list[Control]) -> list[Control]:
    """Fold the radios of one name into one control whose options are the radios."""
    out: list[Control] = []
    groups: dict[str, Control] = {}
    for c in controls:
        if c.kind != "radio":
            out.append(c)
            continue
        option = Option(value=c.value, label=c.label, selected=c.checked)
        group = groups.get(c.name)
        if group is None:
            group = Control(kind="radio", name=c.name, label=c.group_label or c.label, required=c.required,
                            required_by=c.required_by, visible=c.visible, hidden_by=c.hidden_by,
                            selector=c.selector.split("[value=")[0] if "[value=" in c.selector else c.selector,
                            html=c.html, input_type="radio", group_label=c.group_label)
            groups[c.name or f"#{len(groups)}"] = group
            out.append(group)
        else:
            group.required = group.required or c.required
            group.required_by = group.required_by or c.required_by
            group.visible = group.visible or c.visible
            if c.checked:
                group.html = c.html
        group.options.append(option)
    for group in groups.values():
        chosen = [o for o in group.options if o.selected]
        for o in chosen[:-1]:  # a radio group has one checked radio: the last one wins
            o.selected = False
        group.checked = bool(chosen)
        if group.label == (group.options[0].label if group.options else ""):
            group.label = group.group_label
    return out


# -- forms ---------------------------------------------------------------------------------------
def _is_submitter(el: Tag) -> bool:
    if el.name == "button":
        return str(el.get("type", "submit")).lower() in ("submit", "button")
    if el.name == "input":
        return str(el.get("type", "")).lower() in ("submit", "button", "image")
    return el.get("role") == "button"


def _form_roots(doc: _Document) -> list[tuple[Tag, bool]]:
    """Every ``<form>``, then every group of fields outside any form with a button that submits
    them (script-driven forms): the nearest ancestor that holds both. (root, is_form) pairs in
    document order."""
    roots: list[tuple[Tag, bool]] = [(f, True) for f in doc.tags("form") if _ancestor(f, {"template"}) is None]
    orphan_roots: list[Tag] = []
    seen: set[int] = set()
    submits: dict[int, bool] = {}  # ancestor -> holds a submitting button (memo: many fields share ancestors)

    def holds_submitter(el: Tag) -> bool:
        key = id(el)
        if key not in submits:
            submits[key] = any(_is_submitter(b) for b in _tags_in(el, {"button", "input", "a", "div", "span"})
                               if b.name in ("button", "input") or b.get("role") == "button")
        return submits[key]

    for field in doc.tags(*_FIELD_TAGS):
        if _ancestor(field, {"form", "template"}) is not None:
            continue
        if field.name == "input" and str(field.get("type", "")).lower() in ("submit", "button", "image", "reset"):
            continue
        if field.get("form"):
            continue  # associated with a form elsewhere by its form attribute
        for ancestor in field.parents:
            if not isinstance(ancestor, Tag) or ancestor.name in ("body", "html", "[document]"):
                break
            if holds_submitter(ancestor):
                if id(ancestor) not in seen:
                    seen.add(id(ancestor))
                    orphan_roots.append(ancestor)
                break
    roots += [(r, False) for r in orphan_roots]
    # Keep document order so that form indexes follow the page.
    roots.sort(key=lambda pair: doc.order.get(id(pair[0]), 0))
    return roots


def _fields_of(doc: _Document, root: Tag, is_form: bool) -> list[Tag]:
    # Custom widgets too: <span role="checkbox" aria-checked="true"> is a box for the person (WAI-ARIA 1.2).
    fields = [el for el in root.descendants if isinstance(el, Tag) and (
        el.name in _CONTROL_SET or (el.get("role") in ("checkbox", "switch") and not _has_tag(el, {"input"})))]
    if _has_tag(root, {"template"}):
        fields = [el for el in fields if _ancestor(el, {"template"}) is None]  # inert until a script uses it
    if not is_form:
        fields = [el for el in fields if _ancestor(el, {"form"}) is None]
    elif root.get("id"):
        # Controls elsewhere in the page that join this form by their form="id" attribute.
        form_id = str(root["id"])
        fields += [el for el in doc.tags(*_CONTROL_TAGS) if el.get("form") == form_id and el not in fields]
    return fields


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


def _form(doc: _Document, root: Tag, is_form: bool, index: int, lang: str) -> FormModel:
    action = ""
    method = ""
    if is_form:
        action = _absolute(doc.base, root.get("action")) or doc.url
        method = str(root.get("method", "get")).lower() or "get"
    fields = _fields_of(doc, root, is_form)
    says_required = bool(_REQUIRED_LEGEND.search(_text_all(root)))
    controls = [_control(doc, el, root, says_required) for el in fields]
    controls = _radio_groups(controls)
    submit_text = " / ".join(c.label for c in controls if c.kind == "submit" and c.label)
    if not submit_text:
        submit_text = " / ".join(c.label for c in controls if c.kind == "button" and c.label)
    inside = doc.blocks(root)
    before = _preceding_text(doc, root)
    after, anchors = _following_text(doc, root)
    links = []
    seen: set[str] = set()
    for a in [a for a in _tags_in(root, {"a"}) if a.get("href")] + anchors:
        url = _absolute(doc.base, a.get("href"))
        if not url or url in seen:
            continue
        seen.add(url)
        text = doc.text(a) or _clean(str(a.get("title", "")))
        links.append(Link(url=url, text=text, kind=link_kind(text, url)))
    return FormModel(
        index=index,
        selector=css_path(root),
        action=action,
        method=method,
        controls=controls,
        heading=_heading(doc, root),
        submit_text=submit_text,
        small_print=_sentences(before + inside + after),
        links=links,
        lang=lang,
        hints=_hints(root, action),
        blocked_submit=_blocked_submit(doc, root, controls, fields),
    )


def _page_urls(doc: _Document) -> tuple[list[str], list[str], list[str]]:
    """(script and pixel URLs, inline scripts, iframe URLs), absolute and de-duplicated."""
    urls: list[str] = []
    frames: list[str] = []
    inline: list[str] = []
    page_host = urlsplit(doc.url).hostname
    for el in doc.tags("script", "img", "iframe", "embed", "source", "link", "object"):
        if el.name == "script":
            if el.get("src"):
                urls.append(_absolute(doc.base, el["src"]))
            elif str(el.get("type", "")).lower() not in ("application/ld+json", "text/template", "text/x-template"):
                text = el.string or el.get_text()
                if text and text.strip():
                    inline.append(text.strip()[:SCRIPT_CUT])
        elif el.name == "link":
            rels = {r.lower() for r in (el.get("rel") or [])}
            if rels & _PRELOAD_RELS and el.get("href"):
                urls.append(_absolute(doc.base, el["href"]))
        elif el.name == "iframe":
            url = _absolute(doc.base, el.get("src") or el.get("data-src"))
            if url:
                urls.append(url)
                frames.append(url)
        elif el.name == "object":
            urls.append(_absolute(doc.base, el.get("data")))
        else:
            url = _absolute(doc.base, el.get("src"))
            if not url:
                continue
            # Pixels: images from another host (the site's own images are not trackers).
            if el.name != "img" or urlsplit(url).hostname != page_host:
                urls.append(url)
    # <noscript> pixels: lxml keeps their markup as text in <head>.
    for ns in doc.tags("noscript"):
        for match in re.finditer(r"""src=["']([^"']+)["']""", ns.decode_contents()):
            urls.append(_absolute(doc.base, match.group(1)))
    for el in doc.handlers:
        for attr in ("onsubmit", "onclick"):
            if el.get(attr):
                inline.append(str(el[attr])[:SCRIPT_CUT])
    return _dedupe(u for u in urls if u), inline, _dedupe(frames)


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def extract_page(html: str, url: str) -> PageModel:
    """Plain models of every form on the page, the links and the tracker-relevant URLs."""
    doc = _Document(html, url)
    html_el = next(iter(doc.tags("html")), None)
    lang = str(html_el.get("lang", "")) if html_el is not None else ""
    title = next(iter(doc.tags("title")), None)
    page = PageModel(url=url, final_url=url, lang=lang, title=_clean(title.get_text()) if title else "",
                     bytes_read=len(html.encode("utf-8", "ignore")) if isinstance(html, str) else 0)
    for index, (root, is_form) in enumerate(_form_roots(doc)):
        page.forms.append(_form(doc, root, is_form, index, lang))
    seen: set[str] = set()
    for a in doc.tags("a"):
        if not a.get("href"):
            continue
        href = _absolute(doc.base, str(a["href"]))
        if not href or href in seen:
            continue
        text = doc.text(a) or _clean(str(a.get("title", "")))
        kind = link_kind(text, href)
        if kind != "other":
            seen.add(href)
            page.links.append(Link(url=href, text=text, kind=kind))
    # The notice "one link away" is often only in the page footer: a form with no privacy or
    # legal link of its own gets the page's (privacy first, else legal), so that whoever follows
    # a form's links reaches it (rules.md, "Reading the rules on real pages").
    fallback = next((l for kind in ("privacy", "legal") for l in page.links if l.kind == kind), None)
    if fallback is not None:
        for form in page.forms:
            if not any(l.kind in ("privacy", "legal") for l in form.links):
                form.links.append(Link(url=fallback.url, text=fallback.text, kind=fallback.kind, near=False))
    page.script_urls, page.inline_scripts, page.frames = _page_urls(doc)
    return page


def merge_frame(page: PageModel, frame: PageModel) -> None:
    """Add the forms of an iframe document to the page that embeds it (rules.md: a form in an
    iframe is judged on the outer page; its evidence names the frame)."""
    for form in frame.forms:
        form.index = len(page.forms)
        form.frame = frame.url
        page.forms.append(form)
    page.notices.extend(n for n in frame.notices if n not in page.notices)


_MAIN_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "form", "svg", "button", "iframe")


def notice_text(html: str, url: str) -> str:
    """Readable main text of a privacy or legal page: its ``<main>`` (or article, or body)
    without navigation, header, footer, forms or scripts. Site branding in a header or footer
    is not the notice (rules.md: a brand that appears only as the logo is not a name)."""
    soup = BeautifulSoup(html, "lxml")
    for el in soup.find_all(_MAIN_DROP):
        el.decompose()
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article") or soup.body or soup
    text = _clean(main.get_text(" "))
    if len(text) < 200 and main is not soup.body and soup.body is not None:
        text = _clean(soup.body.get_text(" "))
    return text

