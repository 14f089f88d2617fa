"""sensitive-data-field: the form asks for special-category data unrelated to the action."""

from __future__ import annotations

from ..classify import classify
from ..classify_form import PageReading
from ..findings import make, quoted
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="sensitive-data-field",
    severity=Severity.ERROR,
    family=Family.EXPOSURE,
    title="The form asks for sensitive data (religion, origin, health…)",
    explanation=(
        "A field asks for religion or belief, ethnic origin, health, sex life or sexual "
        "orientation, trade-union membership or biometric data. Such data is specially "
        "protected and has nothing to do with sponsoring or signing. Political opinion "
        "itself is inherent to the action and is not flagged."
    ),
    basis=(
        "GDPR art. 9(1); in April 2022 the Paris prosecutor opened an investigation into "
        "campaign SMS addressed to voters by presumed religion."
    ),
    fix="Remove the field.",
    examples=("Votre religion", "Are you a member of a trade union?"),
)


def check(reading: PageReading) -> list[Finding]:
    """A visible field (or question) of a form in scope that asks for special-category data
    (GDPR art. 9(1)); political opinion is not among them."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for control in form.form.controls:
            if not control.visible or control.kind in ("hidden", "submit", "button"):
                continue
            text = control.label or control.name.replace("_", " ")
            meaning = classify(text) if text else None
            if meaning is not None and meaning.sensitive:
                kinds = ", ".join(sorted(meaning.sensitive))
                out.append(make(RULE, reading.page, form.form,
                                f"The field {quoted(text)} asks for special-category data ({kinds}), which this form "
                                "has no reason to collect.", selector=control.selector, html=control.html, text=text))
    return out
