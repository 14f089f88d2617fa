"""third-party-tracking: a page with a personal-data form loads known trackers."""

from __future__ import annotations

from ..classify_form import PageReading
from ..findings import make
from ..model import Finding
from .rule import Family, Rule, Severity

RULE = Rule(
    id="third-party-tracking",
    severity=Severity.WARNING,
    family=Family.EXPOSURE,
    title="Advertising or analytics trackers on a sign-up page",
    explanation=(
        "The page that collects supporters' data also loads third-party trackers (Meta "
        "pixel, Google Analytics or Ads, TikTok, X, LinkedIn…). They learn that this visitor "
        "supports a political movement, which is data revealing political opinions."
    ),
    basis=(
        "GDPR art. 9(1) (political opinions are a special category); ePrivacy directive "
        "art. 5(3); French loi Informatique et Libertés art. 82; CNIL deliberations "
        "2020-091 and 2020-092."
    ),
    fix="Remove trackers from pages that carry forms, or load them only after opt-in consent.",
)


def check(reading: PageReading) -> list[Finding]:
    """A page with a personal-data form in scope that references known third-party trackers
    (``PageModel.trackers``, filled by ``scanner.trackers``)."""
    forms = reading.in_scope
    trackers = reading.page.trackers
    if not forms or not trackers:
        return []
    names = sorted({t.get("name", "") for t in trackers if t.get("name")})
    first = trackers[0]
    return [make(RULE, reading.page, forms[0].form,
                 f"This page collects personal data and loads third-party trackers ({', '.join(names) or 'unknown'}), "
                 "which learn that the visitor supports a political movement.",
                 text=first.get("url") or first.get("snippet", ""), selector=forms[0].form.selector)]
