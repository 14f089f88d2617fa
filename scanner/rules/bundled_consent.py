"""bundled-consent: an optional purpose is a condition of submitting the form."""

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
