"""sensitive-data-field: the form asks for special-category data unrelated to the action."""

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
