"""Accessible names of controls and the question a radio or box belongs to."""

from __future__ import annotations

from bs4 import Comment, NavigableString, Tag

from .document import _Document
from .tree import _BLOCKS, _CONTROL_SET, _CONTROL_TAGS, _FIELD_SET, _ancestor, _clean, _has_tag, _strings_in, _tags_in

def _accessible_name(doc: _Document, el: Tag) -> str:
    """The control's name, in the order of the HTML-AAM / accname computation: aria-labelledby,
    aria-label, label[for], wrapping label, title, placeholder; then the neighbouring text that
    old or hand-written pages rely on (the text after a box, the table cell before a field)."""
    aria = _aria_name(doc, el)
    if aria:
        return aria
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
    """The name ARIA gives: the texts aria-labelledby points at, else aria-label."""
    labelledby = el.get("aria-labelledby")
    if labelledby:
        parts = [doc.text(doc.by_id[i]) for i in str(labelledby).split() if i in doc.by_id]
        if any(parts):
            return _clean(" ".join(parts))
    return _clean(str(el.get("aria-label", "")))
