"""bundled-channels: one control covers several channels of contact."""

from .rule import Family, Rule, Severity

RULE = Rule(
    id="bundled-channels",
    severity=Severity.WARNING,
    family=Family.CONSENT,
    title="One box covers several channels (e-mail, SMS, phone…)",
    explanation=(
        "A single box agrees to be contacted by e-mail, SMS and phone at once. The person "
        "cannot accept e-mails and refuse text messages. Consent to messages is given per "
        "means of contact."
    ),
    basis=(
        "French CPCE art. L.34-5 (consent 'par ce moyen'), applied by the CNIL to political "
        "messages; ePrivacy directive art. 13(1); EDPB Guidelines 05/2020 on granularity."
    ),
    fix="Offer one unticked box per channel: e-mail, SMS, phone, post.",
    examples=("Je veux recevoir les nouvelles de la campagne par e-mail, SMS et téléphone.",),
)
