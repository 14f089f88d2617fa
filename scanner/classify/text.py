"""First-cut lexicon classifier (French and English). To be extended: see tests/test_classify*."""

from __future__ import annotations

import re
import unicodedata

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory
from .meaning import Meaning


def normalise(text: str) -> str:
    """Lower-case, strip accents, fold typographic apostrophes and spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text.lower()).strip()


_P = {
    Purpose.COMMUNICATION: r"newsletter|lettre d'information|actualites|informations sur la campagne|"
    r"recevoir (des|les|nos) (informations|nouvelles|communications|messages|e-?mails)|"
    r"communications|campaign news|receive (news|updates|e-?mails|emails|messages)",
    Purpose.SHARING: r"partenaires|partners|third part|tiers",
    Purpose.PUBLICATION: r"publier mon nom|publish my name|liste publique|public list",
    Purpose.FUNDRAISING: r"appels? aux dons|solliciter.*dons|donation requests|fundraising",
    Purpose.PROFILING: r"profilage|profiling|ciblage|targeting",
}
_C = {
    Channel.EMAIL: r"e-?mail|courriel|mail\b",
    Channel.SMS: r"\bsms\b|texto|text message",
    Channel.PHONE: r"telephone|phone|appel",
    Channel.POST: r"courrier postal|par courrier|by post|postal mail",
    Channel.MESSAGING: r"whatsapp|telegram|signal\b",
}
_A = {
    CoreAction.SPONSORSHIP: r"parrain|je soutiens|sponsor",
    CoreAction.PETITION: r"petition|je signe|sign",
    CoreAction.MEMBERSHIP: r"adhe|adhesion|membership|join",
    CoreAction.DONATION: r"\bdon\b|donat",
}
_N = {
    NonConsent.TERMS: r"\bcgu\b|conditions (generales|d'utilisation)|terms (of use|and conditions)",
    NonConsent.PRIVACY_ACK: r"pris connaissance|have read the privacy",
    NonConsent.ELIGIBILITY: r"inscrit.{0,4} sur les listes|registered to vote|\bmajeur|over 18|18 ans",
    NonConsent.ACCURACY: r"exactes?|accurate",
}
_S = {
    SensitiveCategory.RELIGION: r"religion|confession|religious",
    SensitiveCategory.ORIGIN: r"origine ethnique|ethnic",
    SensitiveCategory.HEALTH: r"sante|health|handicap",
    SensitiveCategory.SEXUALITY: r"orientation sexuelle|sexual orientation",
    SensitiveCategory.UNION: r"syndica|trade union",
}


def _hits(table: dict, text: str) -> frozenset:
    return frozenset(key for key, pattern in table.items() if re.search(pattern, text))


def classify(text: str, lang: str | None = None) -> Meaning:
    norm = normalise(text)
    return Meaning(
        purposes=_hits(_P, norm),
        channels=_hits(_C, norm),
        core_actions=_hits(_A, norm),
        non_consents=_hits(_N, norm),
        sensitive=_hits(_S, norm),
        opt_out=bool(re.search(r"ne (souhaitez|voulez) pas|do not (wish|want)", norm)),
        entailed=bool(re.search(r"^en (signant|validant)|by (signing|submitting)|je recevrai", norm)),
        negated=bool(re.search(r"\bne .* jamais|never (share|sell)", norm)),
        withdrawal=bool(re.search(r"desinscri|retirer|unsubscribe|withdraw|\bstop\b", norm)),
        lang=lang,
    )
