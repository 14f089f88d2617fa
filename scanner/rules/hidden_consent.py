"""hidden-consent: an optional purpose is switched on by something the person cannot see."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_control, purposes_text
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="hidden-consent",
    severity=Severity.ERROR,
    family=Family.CONSENT,
    title="An optional consent is set by a hidden field",
    explanation=(
        "The form sends a consent the person never saw nor could change, such as a hidden "
        "field newsletter=1, or a ticked box that is not displayed. There is no act of the "
        "person, and the campaign cannot prove a consent it set itself."
    ),
    basis=(
        "GDPR art. 4(11) and 7(1); EDPB Guidelines 05/2020 §108 (the site's configuration "
        "is not proof of consent)."
    ),
    fix="Remove the hidden value; ask with a visible, unticked, optional checkbox.",
    examples=('<input type="hidden" name="newsletter" value="1">',),
)


def check(reading: PageReading) -> list[Finding]:
    """A hidden field whose name and value switch an optional purpose on, or a ticked box that
    is not displayed: the person can neither see nor change it."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for control in form.controls:
            if control.hidden_switch:
                c = control.control
                what = (f"the hidden field {c.name}={c.value}" if c.kind == "hidden"
                        else f"a {c.kind} that is not displayed ({c.hidden_by})")
                out.append(on_control(RULE, reading.page, form, control,
                                      f"The form turns on {purposes_text(control.purposes)} with {what}; "
                                      "the person cannot see or refuse it."))
    return out
