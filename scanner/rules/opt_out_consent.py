"""opt-out-consent: doing nothing means consent."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_control, purposes_text, quoted
from ..model import Finding
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


def check(reading: PageReading) -> list[Finding]:
    """An unticked box phrased so that ticking it refuses: doing nothing counts as consent."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for control in form.consent_controls:
            c = control.control
            if c.kind == "checkbox" and control.meaning.opt_out and not c.checked:
                out.append(on_control(RULE, reading.page, form, control,
                                      f"The box {quoted(c.label)} must be ticked to refuse {purposes_text(control.purposes)}: "
                                      "a person who does nothing is counted as agreeing."))
    return out
