"""missing-withdrawal-info: an optional consent is collected without saying it can be withdrawn."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_form, purposes_text
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="missing-withdrawal-info",
    severity=Severity.WARNING,
    family=Family.INFORMATION,
    title="Nothing says how to withdraw consent",
    explanation=(
        "The form asks for an optional consent (newsletter, SMS…) but neither the form nor "
        "the notice says that it can be withdrawn at any time, or how (unsubscribe link, "
        "STOP by SMS). People must know this before they agree."
    ),
    basis="GDPR art. 7(3) and 13(2)(c).",
    fix=(
        "Add: 'You can withdraw your consent at any time through the unsubscribe link in "
        "each message or by replying STOP.'"
    ),
)


def check(reading: PageReading) -> list[Finding]:
    """The form offers at least one visible optional-purpose control (not an opt-out box), and nothing near it nor
    in its linked notice says that consent can be withdrawn or how to unsubscribe."""
    out: list[Finding] = []
    for form in reading.in_scope:
        notice = form.notice
        # An opt-out box is reported by opt-out-consent (rules.md precedence, like hidden and
        # implied consents); its refusal wording is itself a way to say no.
        boxes = [c for c in form.consent_controls if not c.meaning.opt_out]
        if not boxes or notice is None or notice.link_unread or notice.says("withdrawal"):
            continue
        out.append(on_form(RULE, reading.page, form,
                           f"The form asks for consent to {purposes_text(boxes[0].purposes)} but nothing says that this "
                           "consent can be withdrawn at any time, nor how (unsubscribe link, STOP…).",
                           text=boxes[0].control.label, frame=notice.linked_url))
    return out
