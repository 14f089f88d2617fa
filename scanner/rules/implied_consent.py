"""implied-consent: text says that submitting entails an optional purpose."""

from .rule import Family, Rule, Severity

RULE = Rule(
    id="implied-consent",
    severity=Severity.ERROR,
    family=Family.CONSENT,
    title="Submitting the form is presented as consent to an optional purpose",
    explanation=(
        "Text near the form says that by sending it the person will receive campaign "
        "messages, or that their data will go to partners, and there is no box to refuse. "
        "Silence or the act of signing is not consent; it must be a separate, clear choice."
    ),
    basis=(
        "GDPR art. 4(11) and recital 32; CJEU C-61/19 Orange Romania (2020): consent cannot be "
        "inferred from signing a document that says so, and the controller bears the burden "
        "of proof."
    ),
    fix="Replace the sentence by an unchecked, optional checkbox for that purpose.",
    examples=(
        "Je recevrai les informations sur la campagne.",
        "By signing you agree to receive e-mails from us.",
    ),
)
