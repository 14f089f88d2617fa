"""One form model from its root element."""

from __future__ import annotations

import re

from bs4 import Tag

from ..classify import link_kind
from ..model import FormModel, Link
from .controls import _control, _radio_groups
from .document import _Document, _absolute
from .roots import _fields_of
from .surroundings import _following_text, _heading, _hints, _preceding_text, _sentences
from .tree import _clean, _tags_in, _text_all
from .validation import _blocked_submit

_REQUIRED_LEGEND = re.compile(r"obligatoire|required|pflicht|verplicht|obligatori|obbligatori|mandatory", re.I)


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
        selector=doc.selector(root),
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
