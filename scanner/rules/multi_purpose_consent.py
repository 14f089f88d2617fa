"""multi-purpose-consent: one control grants two or more distinct purposes."""

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
