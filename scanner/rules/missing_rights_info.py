"""missing-rights-info: the notice never says how to exercise data-protection rights."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import notice_lacks
from ..model import Finding
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


def check(reading: PageReading) -> list[Finding]:
    """The notice (inline and linked) names none of the rights (access, rectification, erasure,
    objection, portability). Undecided, so silent, when the linked notice could not be read."""
    return notice_lacks(RULE, reading, "rights",
                        "The data-protection information for this form never explains the person's rights "
                        "(access, rectification, erasure, objection) nor where to exercise them.")
