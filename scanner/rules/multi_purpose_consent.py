"""multi-purpose-consent: one control grants two or more distinct purposes."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_control, on_form, purposes_text, quoted
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="multi-purpose-consent",
    severity=Severity.ERROR,
    family=Family.CONSENT,
    title="One box covers several distinct purposes",
    explanation=(
        "A single box asks the person to accept several different things at once, for "
        "example the terms of use and the newsletter, or the petition and sharing with "
        "partners. Consent must be specific: each purpose needs its own box so that people "
        "can accept one and refuse the other."
    ),
    basis=(
        "GDPR art. 4(11), 6(1)(a), 7(2) and recital 32; EDPB Guidelines 05/2020 §§42-45 "
        "(example 7)."
    ),
    fix="Split the control: one unchecked, optional box per purpose, separate from the terms.",
    examples=("J'accepte les CGU et de recevoir la newsletter.",),
)


def check(reading: PageReading) -> list[Finding]:
    """One visible box that grants two or more distinct matters, at least one of them an
    optional purpose (terms + newsletter, newsletter + sharing, core action + newsletter); or a
    submit button whose label is the core action plus a purpose ("Sign and get our emails")."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for control in form.consent_controls:
            if control.control.kind == "checkbox" and control.matters >= 2:
                out.append(on_control(RULE, reading.page, form, control,
                                      f"One box, {quoted(control.control.label)}, asks to accept several things at once, "
                                      f"including {purposes_text(control.purposes)}; each needs its own box."))
        imposed = form.imposed(form.submit)
        if imposed and form.submit.core_actions:
            button = next((c for c in form.form.controls if c.kind == "submit"), None)
            out.append(on_form(RULE, reading.page, form,
                               f"The submit button {quoted(form.form.submit_text)} takes part and grants "
                               f"{purposes_text(imposed)} in one click; the purpose needs its own box.",
                               text=form.form.submit_text, selector=button.selector if button else ""))
    return out
