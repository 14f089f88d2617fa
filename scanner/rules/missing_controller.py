"""missing-controller: the notice never says who is responsible for the data."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import notice_lacks
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="missing-controller",
    severity=Severity.WARNING,
    family=Family.INFORMATION,
    title="The notice does not say who collects the data",
    explanation=(
        "Neither the text near the form nor the linked privacy page names the organisation "
        "or person responsible for the data (party, candidate, financing association). A "
        "logo or an e-mail domain is not a name. People must know who holds their data."
    ),
    basis=(
        "GDPR art. 13(1)(a) and 5(1)(b) (purpose limitation); the 2018 Mons case, where a "
        "cooperative's customer list was used for a candidacy."
    ),
    fix="Write 'Vos données sont traitées par <legal name>, <address>' in the notice.",
)


def check(reading: PageReading) -> list[Finding]:
    """The notice (inline and linked) never names who is responsible for the data. Undecided,
    so silent, when the linked notice could not be read."""
    return notice_lacks(RULE, reading, "controller",
                        "The data-protection information for this form never says who is responsible for the data "
                        "(the party, candidate or association, with a contact).")
