"""bundled-channels: one control covers several channels of contact."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import channels_text, on_control, quoted
from ..model import Finding
from ..vocabulary import Purpose
from .rule import Family, Rule, Severity

RULE = Rule(
    id="bundled-channels",
    severity=Severity.WARNING,
    family=Family.CONSENT,
    title="One box covers several channels (e-mail, SMS, phone…)",
    explanation=(
        "A single box agrees to be contacted by e-mail, SMS and phone at once. The person "
        "cannot accept e-mails and refuse text messages. Consent to messages is given per "
        "means of contact."
    ),
    basis=(
        "French CPCE art. L.34-5 (consent 'par ce moyen'), applied by the CNIL to political "
        "messages; ePrivacy directive art. 13(1); EDPB Guidelines 05/2020 on granularity."
    ),
    fix="Offer one unticked box per channel: e-mail, SMS, phone, post.",
    examples=("Je veux recevoir les nouvelles de la campagne par e-mail, SMS et téléphone.",),
)


def check(reading: PageReading) -> list[Finding]:
    """One opt-in box for one purpose over several channels (distinct purposes in one box are
    multi-purpose-consent instead, rules.md precedence)."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for control in form.consent_controls:
            channels = control.meaning.channels
            if (control.control.kind == "checkbox" and not control.meaning.opt_out and len(channels) >= 2
                    and Purpose.COMMUNICATION in control.purposes and control.matters < 2):
                out.append(on_control(RULE, reading.page, form, control,
                                      f"The box {quoted(control.control.label)} covers several channels at once "
                                      f"({channels_text(channels)}): one cannot accept one and refuse another."))
    return out
