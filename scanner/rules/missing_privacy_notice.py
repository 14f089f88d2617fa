"""missing-privacy-notice: a personal-data form with no data-protection information at all."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_form
from ..model import Finding
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


def check(reading: PageReading) -> list[Finding]:
    """A form that collects personal data with no data-protection text near it and no link to
    a privacy (or legal) notice on the page."""
    out: list[Finding] = []
    for form in reading.in_scope:
        if form.notice is not None and not form.notice.exists:
            out.append(on_form(RULE, reading.page, form,
                               "This form collects personal data but there is no data-protection information near it "
                               "and no link to a privacy notice."))
    return out
