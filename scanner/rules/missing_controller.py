"""missing-controller: the notice never says who is responsible for the data."""

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
