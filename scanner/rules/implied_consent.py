"""implied-consent: text says that submitting entails an optional purpose."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_form, purposes_text, quoted
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="implied-consent",
    severity=Severity.ERROR,
    family=Family.CONSENT,
    title="Submitting the form is presented as consent to an optional purpose",
    explanation=(
        "Text near the form says that by sending it the person will receive campaign "
        "messages, or that their data will go to partners, and there is no box to refuse. "
        "Silence or the act of signing is not consent; it must be a separate, clear choice."
    ),
    basis=(
        "GDPR art. 4(11) and recital 32; CJEU C-61/19 Orange Romania (2020): consent cannot be "
        "inferred from signing a document that says so, and the controller bears the burden "
        "of proof."
    ),
    fix="Replace the sentence by an unchecked, optional checkbox for that purpose.",
    examples=(
        "Je recevrai les informations sur la campagne.",
        "By signing you agree to receive e-mails from us.",
    ),
)


def check(reading: PageReading) -> list[Finding]:
    """Text in or beside the form that makes an optional purpose a consequence of submitting,
    or a submit label that grants one ("Recevoir la newsletter"), when no control on the form
    lets the person refuse it. A label that also names the core action ("Je signe et je reçois
    la newsletter") is one control for two matters: multi-purpose-consent, as the linter says."""
    out: list[Finding] = []
    for form in reading.in_scope:
        for sentence, meaning in form.sentences:
            imposed = form.imposed(meaning)
            if meaning.entailed and imposed:
                out.append(on_form(RULE, reading.page, form,
                                   f"The text {quoted(sentence)} makes {purposes_text(imposed)} a consequence of "
                                   "submitting the form, with no box to refuse it.", text=sentence))
                break
        else:
            imposed = form.imposed(form.submit)
            if imposed and not form.submit.core_actions:
                submit = form.form.submit_text
                out.append(on_form(RULE, reading.page, form,
                                   f"The submit button {quoted(submit)} grants {purposes_text(imposed)}: "
                                   "clicking it to take part counts as accepting.", text=submit))
    return out
