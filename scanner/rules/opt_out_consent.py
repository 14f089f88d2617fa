"""opt-out-consent: doing nothing means consent."""

from .rule import Family, Rule, Severity

RULE = Rule(
    id="opt-out-consent",
    severity=Severity.ERROR,
    family=Family.CONSENT,
    title="People must act to refuse, not to accept",
    explanation=(
        "The box is worded so that leaving it alone means accepting ('tick this box if you do "
        "not want to receive…'). Inactivity is not consent: the person must act to agree."
    ),
    basis="GDPR recital 32; CJEU C-673/17 Planet49; EDPB Guidelines 05/2020 §79.",
    fix="Word the box positively ('I want to receive…') and leave it unticked.",
    examples=("Cochez cette case si vous ne souhaitez pas recevoir nos informations.",),
)
