"""One control model from its element: kind, name, required and default state, visibility,
evidence; radios folded into groups."""

from __future__ import annotations

import re

from bs4 import Tag

from ..model import Control, Option
from .document import _Document
from .evidence import _outer_html, _selector
from .names import _accessible_name, _aria_name, _group_label
from .tree import _CONTROL_TAGS, _ancestor, _classes, _clean, _has_tag, _tags_in, _text_all

_REQUIRED_CLASSES = frozenset(("wpcf7-validates-as-required", "required", "is-required", "wpforms-field-required",
                               "validate[required]", "frm_required", "hs-input-required"))
# Plugin wrappers that mark the field inside them as required: Gravity Forms, Elementor,
# Formidable, WPForms, Ninja Forms, HubSpot.
_REQUIRED_WRAPPERS = frozenset(("gfield_contains_required", "gfield--required", "elementor-field-required",
                                "frm_required_field", "wpforms-field-required", "nf-field-required", "hs-form-required"))
_PLACEHOLDER = re.compile(r"^[\s\-\u2013\u2014.…_*]*$|^[\s\-\u2013\u2014]*(choisi|choos|select|s[ée]lection|bitte|kies|maak een keuze|elige|seleccion|selezion|scegli|w[äa]hl|--)",
                          re.I)


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
