"""Building findings: the one place that turns a rule id and what was found into a ``Finding``
with the catalog's severity and legal basis, and evidence cut to a readable size."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .classify_form import ControlReading, FormReading, PageReading
from .model import Evidence, Finding, FormModel, PageModel
from .vocabulary import Channel, Purpose

if TYPE_CHECKING:  # the rule modules import this one: no import cycle at run time
    from .rules.rule import Rule

TEXT_CUT = 300

PURPOSE_WORDS: dict[Purpose, str] = {
    Purpose.COMMUNICATION: "receiving the campaign's messages",
    Purpose.SHARING: "passing the data to other organisations",
    Purpose.PUBLICATION: "publishing the person's name",
    Purpose.FUNDRAISING: "being asked for donations",
    Purpose.PROFILING: "profiling or targeting",
}
CHANNEL_WORDS: dict[Channel, str] = {
    Channel.EMAIL: "e-mail", Channel.SMS: "SMS", Channel.PHONE: "phone", Channel.POST: "post",
    Channel.MESSAGING: "messaging apps",
}


def cut(text: str, limit: int = TEXT_CUT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def purposes_text(purposes: Iterable[Purpose]) -> str:
    words = [PURPOSE_WORDS[p] for p in sorted(purposes)]
    return " and ".join(words) if words else "an optional purpose"


def channels_text(channels: Iterable[Channel]) -> str:
    return ", ".join(CHANNEL_WORDS[c] for c in sorted(channels))


def make(rule: Rule, page: PageModel, form: FormModel | None, message: str, *, selector: str = "", html: str = "",
         text: str = "", frame: str = "") -> Finding:
    return Finding(
        rule=rule.id,
        severity=str(rule.severity),
        page=page.url,
        form=form.index if form is not None else None,
        message=message,
        basis=rule.basis,
        evidence=Evidence(selector=selector, html=cut(html, 400), text=cut(text),
                          frame=frame or (form.frame if form is not None else "")),
    )


def on_control(rule: Rule, page: PageModel, form: FormReading, control: ControlReading, message: str) -> Finding:
    return make(rule, page, form.form, message, selector=control.control.selector, html=control.control.html,
                text=control.text or control.control.label)


def on_form(rule: Rule, page: PageModel, form: FormReading, message: str, text: str = "", frame: str = "",
            selector: str = "") -> Finding:
    return make(rule, page, form.form, message, selector=selector or form.form.selector, text=text, frame=frame)


def notice_lacks(rule: Rule, reading: PageReading, fact: str, message: str) -> list[Finding]:
    """One finding per in-scope form whose notice (inline and linked) never states ``fact``.
    Undecided, so silent, when there is no notice at all (missing-privacy-notice says it) or
    when the linked notice could not be read."""
    out: list[Finding] = []
    for form in reading.in_scope:
        notice = form.notice
        if notice is None or not notice.exists or notice.link_unread or notice.says(fact):
            continue
        out.append(on_form(rule, reading.page, form, message, text=notice.inline_text,
                           frame=notice.linked_url))
    return out


def quoted(text: str, limit: int = 90) -> str:
    return f"“{cut(text, limit)}”"
