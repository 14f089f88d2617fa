"""missing-rights-info: the notice never says how to exercise data-protection rights."""

from .rule import Family, Rule, Severity

RULE = Rule(
    id="missing-rights-info",
    severity=Severity.WARNING,
    family=Family.INFORMATION,
    title="The notice does not say how to exercise one's rights",
    explanation=(
        "Nothing tells people that they can access, correct, erase or object to the use of "
        "their data, nor where to write to do so. The right to object must be brought to "
        "their attention explicitly."
    ),
    basis="GDPR art. 13(2)(b) and (d), 21(4); CNIL guidance on political communication.",
    fix=(
        "List the rights (access, rectification, erasure, objection, portability, complaint "
        "to the CNIL) and the address or DPO contact where to exercise them."
    ),
)
