"""missing-privacy-notice: a personal-data form with no data-protection information at all."""

from .rule import Family, Rule, Severity

RULE = Rule(
    id="missing-privacy-notice",
    severity=Severity.ERROR,
    family=Family.INFORMATION,
    title="No data-protection information near the form",
    explanation=(
        "The form collects personal data but says nothing about how it is used, and links "
        "to no privacy notice. People must be told, when their data is collected, who "
        "collects it, why, and what their rights are."
    ),
    basis=(
        "GDPR art. 12(1) and 13(1)-(2); CNIL sanction of January 2024 against a party for a "
        "petition form with no data-protection information and no link to a privacy policy."
    ),
    fix=(
        "Add a short notice under the form (controller, purposes, rights, withdrawal) and a "
        "link to the full privacy policy."
    ),
)
