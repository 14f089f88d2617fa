"""missing-withdrawal-info: an optional consent is collected without saying it can be withdrawn."""

from .rule import Family, Rule, Severity

RULE = Rule(
    id="missing-withdrawal-info",
    severity=Severity.WARNING,
    family=Family.INFORMATION,
    title="Nothing says how to withdraw consent",
    explanation=(
        "The form asks for an optional consent (newsletter, SMS…) but neither the form nor "
        "the notice says that it can be withdrawn at any time, or how (unsubscribe link, "
        "STOP by SMS). People must know this before they agree."
    ),
    basis="GDPR art. 7(3) and 13(2)(c).",
    fix=(
        "Add: 'You can withdraw your consent at any time through the unsubscribe link in "
        "each message or by replying STOP.'"
    ),
)
