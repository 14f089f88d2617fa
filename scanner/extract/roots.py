"""What counts as a form: every ``<form>``, and groups of fields outside any form that a button
submits (script-driven forms); the fields that belong to each."""

from __future__ import annotations

from bs4 import Tag

from .document import _Document
from .tree import _CONTROL_SET, _CONTROL_TAGS, _FIELD_TAGS, _ancestor, _has_tag, _tags_in

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
