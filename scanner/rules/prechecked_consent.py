"""prechecked-consent: an optional-purpose control is on by default."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_control, purposes_text, quoted
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="prechecked-consent",
    severity=Severity.ERROR,
    family=Family.CONSENT,
    title="An optional consent is ticked in advance",
    explanation=(
        "The box for an optional purpose is already ticked (or 'yes' is already selected) "
        "when the person arrives. A box the person did not tick is not their consent."
    ),
    basis="CJEU C-673/17 Planet49 (2019); GDPR recital 32; EDPB Guidelines 05/2020 §79.",
    fix="Leave every optional-purpose control unticked; let the person opt in.",
    examples=('<input type="checkbox" name="newsletter" checked> Newsletter',),
)


def check(reading: PageReading) -> list[Finding]:
    """A visible control for an optional purpose that is on before the person acts."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for control in form.consent_controls:
            if control.on_by_default:
                what = "is ticked" if control.control.kind == "checkbox" else "has “yes” selected"
                out.append(on_control(RULE, reading.page, form, control,
                                      f"The control {quoted(control.control.label or control.text)} for "
                                      f"{purposes_text(control.purposes)} {what} by default."))
    return out
