"""insecure-transport: the form is on, or submits to, plain http:// (loopback exempt)."""

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
