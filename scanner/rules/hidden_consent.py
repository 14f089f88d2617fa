"""hidden-consent: an optional purpose is switched on by something the person cannot see."""

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
