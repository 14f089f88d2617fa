"""prechecked-consent: an optional-purpose control is on by default."""

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
