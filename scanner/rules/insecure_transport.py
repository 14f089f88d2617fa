"""insecure-transport: the form is on, or submits to, plain http:// (loopback exempt)."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import on_form
from ..hosts import insecure
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="insecure-transport",
    severity=Severity.ERROR,
    family=Family.EXPOSURE,
    title="The form is sent without encryption (http://)",
    explanation=(
        "The form is on a page served over plain http://, or sends its data to an http:// "
        "address, so anyone on the network path can read supporters' data."
    ),
    basis="GDPR art. 32 (security of processing).",
    fix="Serve the page and the form target over https:// only.",
    examples=('<form action="http://crm.example/subscribe" method="post">',),
)


def check(reading: PageReading) -> list[Finding]:
    """A form in scope on a plain-http page, or submitting to a plain-http URL, on a host that
    is not loopback (127.0.0.0/8, ::1, localhost are exempt, rules.md)."""
    out: list[Finding] = []
    page_url = reading.page.final_url or reading.page.url
    for form in reading.in_scope:
        where = form.form.frame or page_url
        if insecure(where):
            out.append(on_form(RULE, reading.page, form,
                               f"This form is served over plain http ({where}): what people type can be read on the way.",
                               text=where))
        elif insecure(form.form.action):
            out.append(on_form(RULE, reading.page, form,
                               f"This form sends its data over plain http, to {form.form.action}.", text=form.form.action))
    return out


