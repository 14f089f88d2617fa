"""third-party-tracking: a page with a personal-data form loads known trackers."""

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
