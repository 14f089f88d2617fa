"""missing-rights-info: the notice never says how to exercise data-protection rights."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_form
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
    out: list[Finding] = []
    for form in reading.in_scope:
        notice = form.notice
        if notice is None or not notice.exists or notice.link_unread or notice.says("rights"):
            continue
        out.append(on_form(RULE, reading.page, form,
                           "The data-protection information for this form never explains the person's rights "
                           "(access, rectification, erasure, objection) nor where to exercise them.",
                           text=notice.inline_text, frame=notice.linked_url))
    return out
