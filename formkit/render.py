"""Render a spec's form as HTML: a hosted page, an iframe page, a plain snippet, the loader.

Templates live in the top-level ``templates`` package (``templates/formkit/``), one Jinja macro
per field kind. Nothing rendered here loads another origin: no font, CDN or tracker, and CSS sits
in a ``<style>`` carrying the CSP nonce the server passes (``nonce=``), so a strict
Content-Security-Policy without 'unsafe-inline' holds.

The information notice (GDPR art. 13) is assembled here as plain strings (``Notice``) so that
the templates only lay it out, and tests can read it without parsing HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from wtforms import Form

import templates as _templates_package
from scanner.classify import classify
from scanner.vocabulary import PURPOSE_SLUGS, Channel, CoreAction

from .forms import SpecForm, build_form
from .i18n import (
    CNIL_COMPLAINT_URL,
    CORE_ACTIONS,
    FRAME_TITLES,
    LANGUAGE_NAMES,
    PURPOSE_NOUNS,
    UI_LANGUAGES,
    date_in_words,
    duration_in_words,
    t,
)
from .spec import UNTIL_WITHDRAWN_LIMIT, Duration, PurposeSpec, Spec, parse_duration

TEMPLATE_DIR = Path(_templates_package.__file__).parent

DEFAULT_FRAME_URL = "{base}/embed.{lang}.html"
"""Where the loader points its iframe: the layout ``unbundle form build`` writes. A server
passes its own pattern; ``{base}``, ``{form}`` and ``{lang}`` are filled in by the script."""


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = t
    env.globals["input_attrs"] = input_attrs
    return env



# --- The information notice ---------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """What GDPR art. 13 asks to tell the person, in one language, as plain strings."""

    lang: str
    controller: str | None
    address: str | None
    email: str | None
    phone: str | None
    dpo: str | None
    core_purpose: str
    optional_purposes: list[str]
    recipients: list[str]
    retention: list[str]
    rights: str
    withdrawal: list[str]
    double_opt_in: str | None
    privacy_url: str | None
    cnil_url: str = CNIL_COMPLAINT_URL


def purpose_noun(purpose: PurposeSpec, lang: str) -> str:
    """A few words naming the purpose ("Recevoir des messages de la campagne par SMS")."""
    nouns = PURPOSE_NOUNS[lang]
    if purpose.channel:
        return nouns[purpose.channel.value]
    category = PURPOSE_SLUGS.get(purpose.id)
    if category is None:
        grants = sorted(classify(purpose.text[lang], lang).grants)
        category = grants[0] if grants else None
    return nouns[category.value] if category else purpose.text[lang]


def _contact(spec: Spec) -> str:
    c = spec.controller
    if c is None:
        return ""
    return c.dpo or c.email or c.address or c.phone or c.name or ""


def _core_retention(spec: Spec, lang: str) -> str:
    r = spec.retention
    if r.election_end and r.core_action:
        until = r.core_action.after(r.election_end)
        return t(lang, "retention_core_after_election", date=date_in_words(until, lang),
                 duration=_duration_words(r.core_action, lang),
                 election=date_in_words(r.election_end, lang))
    if r.election_end:
        return t(lang, "retention_core_until_election", election=date_in_words(r.election_end, lang))
    if r.core_action:
        return t(lang, "retention_core_duration", duration=_duration_words(r.core_action, lang))
    return t(lang, "retention_core_policy")


def _duration_words(duration: Duration, lang: str) -> str:
    return duration_in_words(duration.years, duration.months, duration.weeks, duration.days, lang)


def _purpose_retention(spec: Spec, purpose: PurposeSpec, lang: str) -> str:
    if purpose.retention == "election-end" and spec.retention.election_end:
        return t(lang, "retention_election_end", election=date_in_words(spec.retention.election_end, lang))
    duration = parse_duration(purpose.retention)
    if duration:
        return t(lang, "retention_duration", duration=_duration_words(duration, lang))
    return t(lang, "retention_until_withdrawn", limit=_duration_words(UNTIL_WITHDRAWN_LIMIT, lang))


def build_notice(spec: Spec, lang: str) -> Notice:
    c = spec.controller
    contact = _contact(spec)
    action, basis = CORE_ACTIONS[lang][spec.action.value]
    nouns = [(p, purpose_noun(p, lang)) for p in spec.purposes]
    recipients = [t(lang, "recipients_team", controller=c.name)] if c and c.name else []
    for rec in spec.recipients:
        recipients.append(t(lang, "recipient", name=rec.name, role=rec.role) if rec.role
                          else t(lang, "recipient_bare", name=rec.name))
    recipients.append(t(lang, "recipients_none_else"))
    retention = [t(lang, "retention_core", when=_core_retention(spec, lang))]
    retention += [t(lang, "retention_purpose", purpose=noun, when=_purpose_retention(spec, p, lang))
                  for p, noun in nouns]
    withdrawal = []
    if spec.action is CoreAction.NEWSLETTER:
        # The newsletter is the action itself here, and it too is withdrawn in one click.
        withdrawal.append(t(lang, "withdraw_email", purpose=PURPOSE_NOUNS[lang]["email"], contact=contact))
    for p, noun in nouns:
        key = f"withdraw_{p.channel.value}" if p.channel else "withdraw_other"
        withdrawal.append(t(lang, key, purpose=noun, contact=contact))
    return Notice(
        lang=lang,
        controller=c.name if c else None,
        address=c.address if c else None,
        email=c.email if c else None,
        phone=c.phone if c else None,
        dpo=c.dpo if c else None,
        core_purpose=t(lang, "core_purpose", action=action, basis=basis),
        optional_purposes=[t(lang, "optional_purpose", text=noun) for _, noun in nouns],
        recipients=recipients,
        retention=retention,
        rights=t(lang, "rights", contact=contact),
        withdrawal=withdrawal,
        double_opt_in=t(lang, "double_opt_in") if spec.double_opt_in and (
            spec.action is CoreAction.NEWSLETTER
            or any(p.channel is Channel.EMAIL for p in spec.purposes)) else None,
        privacy_url=spec.privacy_url,
    )


# --- Fields -------------------------------------------------------------------------------


def input_attrs(field: Any) -> dict[str, Any]:
    """Attributes tying a control to its hint and errors (WCAG 1.3.1, 3.3.1)."""
    described = []
    if getattr(field, "description", ""):
        described.append(f"{field.id}-hint")
    if field.errors:
        described.append(f"{field.id}-error")
    attrs: dict[str, Any] = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return attrs


# --- Pages --------------------------------------------------------------------------------


def _lang(spec: Spec, lang: str | None) -> str:
    lang = lang or spec.default_language
    if lang not in spec.languages:
        raise ValueError(f"form {spec.id!r} is not written in {lang!r} (languages: {', '.join(spec.languages)})")
    return lang


def default_action(spec: Spec, base_url: str = "") -> str:
    """Where a form posts when the caller gives no ``action``: ``BASE/f/ID`` when a base URL is
    known, else the page's own URL (an empty action), which suits a server that shows and
    receives the form at one address."""
    return f"{base_url.rstrip('/')}/f/{spec.id}" if base_url else ""


def _context(spec: Spec, lang: str | None, form: Form | None, action: str,
             hidden: Mapping[str, str] | None, base_url: str, nonce: str | None,
             alternates: Mapping[str, str] | None = None, banner: str | None = None,
             honeypot: str | None = None) -> dict[str, Any]:
    lang = _lang(spec, lang)
    if form is None:
        form = build_form(spec, lang)
    if not isinstance(form, SpecForm) or form.lang != lang:
        raise ValueError("form must be an instance of formkit.forms.form_class(spec, lang)")
    errors = [(form[name], error) for name in form._fields for error in form[name].errors]
    ctx: dict[str, Any] = {
        "spec": spec,
        "lang": lang,
        "form": form,
        "person": [form[name] for name in form.person_fields],
        "required_names": {f.name for f in spec.fields if f.required},
        "attestations": [form[name] for name in form.attestation_fields.values()],
        "purposes": [form[name] for name in form.purpose_fields.values()],
        "errors": errors,
        "action": action or default_action(spec, base_url),
        "hidden": dict(hidden or {}),
        "honeypot": honeypot,
        "notice": build_notice(spec, lang),
        "title": spec.title[lang],
        "submit": spec.submit[lang],
        "nonce": nonce,
        "banner": banner,
        "alternates": [(code, url, LANGUAGE_NAMES[code]) for code, url in (alternates or {}).items()
                       if code != lang],
    }
    ctx["ctx"] = ctx  # the form macros take the whole context as one argument
    return ctx


def render_page(spec: Spec, lang: str | None = None, *, form: Form | None = None, action: str = "",
                hidden: Mapping[str, str] | None = None, base_url: str = "", nonce: str | None = None,
                alternates: Mapping[str, str] | None = None, banner: str | None = None,
                honeypot: str | None = None) -> str:
    """A full HTML page holding the form and its notice.

    ``form``: a bound instance to re-render after a failed POST (values and errors kept);
    ``hidden``: name → value rendered as hidden inputs (anti-CSRF token, honeypot, timestamp);
    ``nonce``: the CSP nonce for the page's ``<style>``; ``alternates``: lang → URL of the
    same form in the spec's other languages (a language switch); ``banner``: a message shown
    at the top of the form as an alert (e.g. "the service is unavailable, try again");
    ``honeypot``: the name of a text field that people never see and bots fill in. It sits in
    a ``hidden`` element rather than being ``type=hidden``, which bots know to leave alone.
    """
    ctx = _context(spec, lang, form, action, hidden, base_url, nonce, alternates, banner, honeypot)
    return ENV.get_template("formkit/page.html").render(ctx)


def render_embed(spec: Spec, lang: str | None = None, *, form: Form | None = None, action: str = "",
                 hidden: Mapping[str, str] | None = None, base_url: str = "",
                 nonce: str | None = None, banner: str | None = None,
                 honeypot: str | None = None) -> str:
    """The page shown inside the iframe: the form and notice, plus a small script (with the
    nonce) that posts the document's height to the parent page, where embed.js resizes the
    frame. Parameters as for ``render_page``."""
    ctx = _context(spec, lang, form, action, hidden, base_url, nonce, banner=banner, honeypot=honeypot)
    return ENV.get_template("formkit/embed.html").render(ctx)


def render_snippet(spec: Spec, lang: str | None = None, *, form: Form | None = None, action: str = "",
                   hidden: Mapping[str, str] | None = None, base_url: str = "",
                   banner: str | None = None, honeypot: str | None = None) -> str:
    """A ``<form>`` and its notice, to paste into a page that allows no iframe and no script.
    It posts to ``action`` (default ``BASE/f/ID``) and needs no JavaScript nor CSS."""
    ctx = _context(spec, lang, form, action, hidden, base_url, None, banner=banner, honeypot=honeypot)
    return ENV.get_template("formkit/snippet.html").render(ctx)


def render_embed_js(base_url: str = "", *, frame_url: str = DEFAULT_FRAME_URL,
                    languages: tuple[str, ...] = UI_LANGUAGES,
                    titles: Mapping[str, str] | None = None) -> str:
    """The loader behind ``<script src="BASE/embed.js" data-form="ID" async></script>``.

    It inserts an iframe after its own script tag and sets the frame's height from the
    messages the embed page posts, accepting them only from the frame itself and from the
    origin of ``base_url`` (or, when it is empty, of the script's own URL). The frame's
    language is ``data-lang``, else the host page's ``lang`` when the form has it, else the
    first of ``languages``. ``frame_url`` may use ``{base}``, ``{form}`` and ``{lang}``.
    """
    titles = dict(titles or {lang: FRAME_TITLES.get(lang, FRAME_TITLES["en"]) for lang in languages})
    script = ENV.get_template("formkit/embed.js").render(
        base=base_url.rstrip("/"), frame_url=frame_url, languages=list(languages), titles=titles)
    return script


def embed_code(spec: Spec, base_url: str, lang: str | None = None) -> dict[str, str]:
    """The HTML a campaign pastes into its site: an iframe, or the script-tag loader. Without a
    base URL the addresses are relative to the folder `form build` wrote."""
    lang = _lang(spec, lang)
    base = base_url.rstrip("/")
    prefix = f"{base}/" if base else ""
    iframe = ENV.from_string(
        '<iframe src="{{ src }}" title="{{ title }}" width="100%" height="1400" loading="lazy"'
        ' referrerpolicy="strict-origin-when-cross-origin"></iframe>'
    ).render(src=f"{prefix}embed.{lang}.html", title=t(lang, "frame_title", title=spec.title[lang]))
    script = ENV.from_string(
        '<script src="{{ src }}" data-form="{{ id }}" data-lang="{{ lang }}" async></script>'
    ).render(src=f"{prefix}embed.js", id=spec.id, lang=lang)
    return {"iframe": iframe, "script": script}


ENV = _environment()
