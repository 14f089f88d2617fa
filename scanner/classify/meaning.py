"""The result of classifying one sentence or label."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory


@dataclass(frozen=True)
class Meaning:
    purposes: frozenset[Purpose] = field(default_factory=frozenset)
    """Optional purposes the text grants or describes (never the core action's own messages)."""
    channels: frozenset[Channel] = field(default_factory=frozenset)
    """Means of contact the text names for those purposes."""
    core_actions: frozenset[CoreAction] = field(default_factory=frozenset)
    """Core actions the text speaks of (signing, sponsoring, joining…)."""
    non_consents: frozenset[NonConsent] = field(default_factory=frozenset)
    """Terms, privacy acknowledgement, eligibility, accuracy."""
    sensitive: frozenset[SensitiveCategory] = field(default_factory=frozenset)
    """Special categories of data the text asks about (for field labels)."""
    opt_out: bool = False
    """Phrased so that acting means refusing ("cochez si vous ne souhaitez pas recevoir")."""
    entailed: bool = False
    """Presents a purpose as a consequence of submitting or of the core action
    ("en signant, vous acceptez de recevoir…", "je recevrai les informations…")."""
    negated: bool = False
    """The purposes are denied ("nous ne transmettons jamais vos données")."""
    withdrawal: bool = False
    """Says that consent can be withdrawn or how to unsubscribe / opt out."""
    lang: str | None = None
    """Language the text was read as (ISO 639-1), when it could tell."""
    conditional: bool = False
    """Makes the purpose depend on a choice ("si vous avez coché la case", "if you opted in");
    such a text is never ``entailed``."""
    core_messages: bool = False
    """Speaks of messages the core action needs (confirmation e-mail, receipt, reply to a
    request): those are not an optional purpose (rules.md)."""
    core_sharing: bool = False
    """Speaks of passing data within the campaign (local teams, candidates of the same list,
    processors): part of the core action, not ``Purpose.SHARING`` (rules.md)."""
    site_preference: bool = False
    """A site preference such as "se souvenir de moi" / "remember me" (out of scope)."""

    @property
    def grants(self) -> frozenset[Purpose]:
        """Purposes actually offered or imposed: none when they are denied."""
        return frozenset() if self.negated else self.purposes

    @property
    def distinct_matters(self) -> int:
        """How many separately consentable matters one control carries: each optional
        purpose, the core action (including passing data within the campaign) and the terms
        count one (rules.md: multi-purpose-consent). Several channels of one purpose count
        once (that is bundled-channels)."""
        matters = len(self.grants)
        if self.core_actions or self.core_sharing:
            matters += 1
        if self.non_consents & {NonConsent.TERMS, NonConsent.ELIGIBILITY, NonConsent.ACCURACY}:
            matters += 1
        return matters
