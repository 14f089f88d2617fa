"""bundled-consent: an optional purpose is a condition of submitting the form."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_control, purposes_text, quoted
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="bundled-consent",
    severity=Severity.ERROR,
    family=Family.CONSENT,
    title="An optional purpose is required to submit the form",
    explanation=(
        "The person cannot do what they came for (sponsor, sign, join, donate) without also "
        "accepting something else, such as the newsletter. Consent that is a condition of the "
        "service is not freely given: people must be able to sponsor without receiving the "
        "newsletter."
    ),
    basis=(
        "GDPR art. 4(11), 7(4) and recital 43; EDPB Guidelines 05/2020 on consent §§42-44; "
        "CNIL on the 2020 'Nous Sommes Pour!' sponsorship site."
    ),
    fix="Make every optional-purpose checkbox optional, and never block submission on it.",
    examples=(
        '<input type="checkbox" name="newsletter" required> J\'accepte de recevoir la newsletter',
        "A script that refuses to send the form until the newsletter box is ticked.",
    ),
)


def check(reading: PageReading) -> list[Finding]:
    """A visible control for an optional purpose that the form will not submit without:
    a required box, a required radio group or select with no way to refuse, or a box a script
    insists on (``blocked_submit``, browser engine)."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for control in form.consent_controls:
            c = control.control
            if control.meaning.opt_out:
                continue
            blocked = c.name and c.name in form.form.blocked_submit
            if c.kind == "checkbox" and (c.required or blocked):
                why = "a script refuses to send the form until it is ticked" if blocked and not c.required else "it is marked required"
                out.append(on_control(RULE, reading.page, form, control,
                                      f"The box {quoted(c.label)} carries {purposes_text(control.purposes)}, and {why}: "
                                      "nobody can take part without accepting it."))
            elif c.kind in ("radio", "select") and (c.required or blocked) and not control.refusable:
                out.append(on_control(RULE, reading.page, form, control,
                                      f"The required question {quoted(c.label)} is about {purposes_text(control.purposes)} "
                                      "and offers no way to refuse: every answer accepts it."))
    return out
