"""The matching engine: compiles the per-language lexicons once and reads a text with them.

A text is read clause by clause, because negation, privacy acknowledgements and the messages
that the core action itself needs only govern their own clause ("nous ne vendons jamais vos
données ; vous recevrez notre lettre" grants the letter and denies the sale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from types import ModuleType
from typing import TypeVar

from ..vocabulary import Channel, CoreAction, NonConsent, Purpose, SensitiveCategory
from .language import detect
from .lexicons import COMMON, LEXICONS
from .meaning import Meaning
from .normalise import normalise

K = TypeVar("K", bound=Enum)
Table = tuple[tuple[K, re.Pattern[str]], ...]

_NEVER = re.compile(r"(?!x)x")

_LIST_NAMES = (
    "ATTESTATION", "ACK_VERBS", "PRIVACY_NOUNS", "GRANT", "OPT_OUT", "ENTAILED", "CONDITIONAL", "NEGATION",
    "WITHDRAWAL", "CORE_MESSAGES", "CORE_SHARING", "TRANSFER", "SENSITIVE_EXEMPT", "NEUTRAL", "SITE_PREFERENCE", "UNTICK", "YES", "NO", "NOTICE_MARKERS",
    "NOTICE_CONTROLLER", "NOTICE_RIGHTS", "PRIVACY_LINK", "LEGAL_LINK", "SEARCH", "LOGIN", "SURVEY",
)
_TABLE_NAMES = ("PURPOSES", "CHANNELS", "CORE_ACTIONS", "CORE_TOPICS", "NON_CONSENTS", "SENSITIVE")

# Where one clause ends: sentence punctuation, a colon, brackets, a dash between spaces, and the
# conjunctions that start a new statement ("..., et de recevoir", "... and to share").
_CLAUSE = re.compile(
    r"[;!?]+|\.(?:\s+|$)|:\s|[()\[\]]|\s[-\u2013\u2014]\s"
    r"|,\s+(?=(?:et|mais|and|but|und|aber|en|maar|y|pero|e|ma|or|ou|oder|of|o)\b)"
    r"|\s(?=(?:et|and|und|en|y|e|ou|or|oder|of|o)\s(?:je|j'|de|d'|que|qu'|ne|n'|vous|i|to|ich|zu|ik|om|di|a|that|dass|dat|me|mi)\b)"
)
# Words that join two objects of one verb ("news and fundraising appeals"): across them, a
# communication phrase names its own object rather than carrying the next one.
_JOIN = re.compile(r"\b(and|et|und|en|y|e|or|ou|oder|of|o|as well as|ainsi que|sowie|plus)\b|[,&+/]")
_CONTACT_NEEDED = frozenset((CoreAction.VOLUNTEER, CoreAction.EVENT))
_NEWSLETTER_WORD = re.compile(r"news ?letter|nieuwsbrief|infolettre|lettre d'info|boletin|rundbrief|infobrief")


def _alternation(patterns: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    if not patterns:
        return _NEVER
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class Compiled:
    """One language's lexicon (or the union of all), compiled."""

    tables: dict[str, tuple[tuple[Enum, re.Pattern[str]], ...]]
    lists: dict[str, re.Pattern[str]]

    def table(self, name: str) -> tuple[tuple[Enum, re.Pattern[str]], ...]:
        return self.tables[name]

    def purpose(self, key: Purpose) -> re.Pattern[str]:
        return dict(self.tables["PURPOSES"]).get(key, _NEVER)  # type: ignore[arg-type]

    def topic(self, key: CoreAction) -> re.Pattern[str]:
        return dict(self.tables["CORE_TOPICS"]).get(key, _NEVER)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> re.Pattern[str]:
        try:
            return self.lists[name.upper()]
        except KeyError:
            raise AttributeError(name) from None


def _compile(modules: list[ModuleType]) -> Compiled:
    tables: dict[str, tuple[tuple[Enum, re.Pattern[str]], ...]] = {}
    for name in _TABLE_NAMES:
        merged: dict[Enum, list[str]] = {}
        for module in modules:
            for key, patterns in getattr(module, name, {}).items():
                merged.setdefault(key, []).extend(patterns)
        tables[name] = tuple((key, _alternation(patterns)) for key, patterns in merged.items())
    lists = {name: _alternation([p for m in modules for p in getattr(m, name, ())]) for name in _LIST_NAMES}
    return Compiled(tables, lists)


_COMPILED: dict[str | None, Compiled] = {code: _compile([module, COMMON]) for code, module in LEXICONS.items()}
_COMPILED[None] = _compile([*LEXICONS.values(), COMMON])


def compiled(lang: str | None) -> Compiled:
    """The compiled lexicon for ``lang`` ("fr", "fr-BE" …); the union of all for None/unknown."""
    if lang:
        lang = lang.lower()[:2]
    return _COMPILED.get(lang, _COMPILED[None])


def _hits(table: tuple[tuple[K, re.Pattern[str]], ...], text: str) -> set[K]:
    return {key for key, rx in table if rx.search(text)}


def _only_vehicle(comm: re.Pattern[str], other: re.Pattern[str], clause: str) -> bool:
    """True when every communication phrase of ``clause`` is only the vehicle of another purpose
    named right after it ("hear about our fundraising appeals", "recevoir nos appels aux dons"):
    that is one optional purpose, not two. A joining word in between ("news and fundraising
    appeals") keeps both."""
    targets = [m.start() for m in other.finditer(clause)]
    if not targets:
        return False
    for match in comm.finditer(clause):
        after = [t for t in targets if t >= match.start()]
        if not after:
            return False
        gap = clause[match.end():after[0]] if after[0] > match.end() else ""
        if len(gap.split()) > 3 or _JOIN.search(gap):
            return False
    return True


def _mask(rx: re.Pattern[str], text: str) -> tuple[str, bool]:
    """Blank out what ``rx`` matches (keeping offsets); True when something was blanked."""
    found = False

    def blank(match: re.Match[str]) -> str:
        nonlocal found
        found = True
        return " " * len(match.group(0))

    return rx.sub(blank, text), found


def clauses(norm: str) -> list[str]:
    """Split normalised text into clauses (see ``_CLAUSE``)."""
    return [c for c in _CLAUSE.split(norm) if c and c.strip()]


def reading_lang(norm: str, lang: str | None) -> str | None:
    if lang:
        return lang.lower()[:2] if lang.lower()[:2] in LEXICONS else None
    return detect(norm)


@lru_cache(maxsize=8192)
def classify(text: str, lang: str | None = None) -> Meaning:
    """What ``text`` (a label, a sentence) speaks of; see :class:`Meaning`.

    ``lang`` is an ISO 639-1 code when the caller knows it; otherwise it is detected by a
    stopword count, and a text with no telling word is read with every language's lexicon.
    """
    norm = normalise(text)
    code = reading_lang(norm, lang)
    lex = compiled(code)

    # "Décochez si vous ne souhaitez pas…": the box itself is the consent (ticked means yes),
    # so it is not opt-out phrasing; a pre-ticked one is simply pre-checked.
    opt_out = bool(lex.opt_out.search(norm)) and not lex.untick.search(norm)
    granted: set[Purpose] = set()
    denied: set[Purpose] = set()
    channels: set[Channel] = set()
    acknowledged = core_messages = core_sharing = entailing = False
    # Volunteering and attending an event need the organisers to get in touch: in "I'd like to
    # volunteer, please contact me about volunteering" the contact is how the offer is taken up,
    # so the box carries one matter (being contacted), not the action plus a purpose.
    own_actions = _hits(lex.table("CORE_ACTIONS"), norm) & _CONTACT_NEEDED
    contact_for: set[CoreAction] = set()
    for clause in clauses(norm):
        entail = lex.entailed.search(clause)
        if entail:
            # "You can withdraw your consent by clicking the link": the means of a withdrawal
            # stated first is not a consequence of submitting.
            withdrawn = lex.withdrawal.search(clause)
            entailing |= not (withdrawn and withdrawn.start() < entail.start())
        transfer = bool(lex.transfer.search(clause))
        clause, shared_within = _mask(lex.core_sharing, clause)
        clause, _ = _mask(lex.neutral, clause)
        # Data passed within the campaign is part of the core action: it counts as that matter
        # only when the clause speaks of passing it ("transmises au comité local"), not of
        # being contacted by the local team.
        core_sharing |= shared_within and transfer
        found: set[Purpose] = _hits(lex.table("PURPOSES"), clause)
        if Purpose.COMMUNICATION in found:
            contact_for |= {a for a in own_actions if _only_vehicle(lex.purpose(Purpose.COMMUNICATION), lex.topic(a), clause)}
        if {Purpose.COMMUNICATION, Purpose.FUNDRAISING} <= found and _only_vehicle(
                lex.purpose(Purpose.COMMUNICATION), lex.purpose(Purpose.FUNDRAISING), clause):
            found.discard(Purpose.COMMUNICATION)
        message = bool(lex.core_messages.search(clause))
        if message:
            # Messages the core action needs (confirmation, receipt, reply) are not an optional
            # purpose (rules.md, "Reading the rules on real pages").
            core_messages = True
            found.discard(Purpose.COMMUNICATION)
        ack = bool(lex.ack_verbs.search(clause) and lex.privacy_nouns.search(clause))
        acknowledged |= ack
        if ack and not lex.grant.search(clause):
            found = set()  # "j'ai lu la politique de confidentialité (newsletter…)" grants nothing
        if found and lex.negation.search(clause) and not lex.opt_out.search(clause) and not lex.untick.search(clause):
            denied |= found
        else:
            granted |= found
        if found and not message and not lex.withdrawal.search(clause):
            channels |= _hits(lex.table("CHANNELS"), clause)

    negated = not granted and bool(denied)
    purposes = frozenset(granted or denied)
    if Purpose.COMMUNICATION not in purposes:
        channels = set()
    elif not channels and _NEWSLETTER_WORD.search(norm):
        channels = {Channel.EMAIL}  # a newsletter is sent by e-mail unless the text says otherwise

    core_actions: set[CoreAction] = _hits(lex.table("CORE_ACTIONS"), norm) - contact_for
    if Purpose.COMMUNICATION in purposes:
        core_actions.discard(CoreAction.NEWSLETTER)  # "je m'abonne à la lettre" is one matter
    non_consents: set[NonConsent] = _hits(lex.table("NON_CONSENTS"), norm)
    if acknowledged:
        non_consents.add(NonConsent.PRIVACY_ACK)
    if not non_consents and not purposes and not core_actions and lex.attestation.search(norm):
        non_consents.add(NonConsent.ACCURACY)  # "je certifie que …": an attestation, not a consent
    conditional = bool(lex.conditional.search(norm))
    sensitive: set[SensitiveCategory] = _hits(lex.table("SENSITIVE"), norm)
    if lex.sensitive_exempt.search(norm):
        # Asking about access needs to take part (an event's step-free access) serves the
        # action itself; it is not health data unrelated to it (rules.md, sensitive-data-field).
        sensitive.discard(SensitiveCategory.HEALTH)
    return Meaning(
        purposes=purposes,
        channels=frozenset(channels),
        core_actions=frozenset(core_actions),
        non_consents=frozenset(non_consents),
        sensitive=frozenset(sensitive),
        opt_out=opt_out,
        entailed=entailing and not conditional and not opt_out,
        negated=negated,
        withdrawal=bool(lex.withdrawal.search(norm)),
        lang=code,
        conditional=conditional,
        core_messages=core_messages,
        core_sharing=core_sharing,
        site_preference=bool(_COMPILED[None].site_preference.search(norm)),
    )


@lru_cache(maxsize=4096)
def topics(text: str, lang: str | None = None) -> frozenset[CoreAction]:
    """Core actions a heading, a button or a field name points to ("Pétition", "Faire un don")."""
    norm = normalise(text)
    return frozenset(_hits(compiled(reading_lang(norm, lang)).table("CORE_TOPICS"), norm))


@lru_cache(maxsize=4096)
def polarity(label: str, lang: str | None = None) -> int:
    """+1 when an option label says yes ("Oui", "Ja", "Yes, keep me informed"), -1 when it
    says no ("Non", "Nein", "No thanks"), 0 otherwise."""
    norm = normalise(label).strip(" .!*:-\u2014")
    lex = compiled(reading_lang(norm, lang))
    if lex.no.search(norm):
        return -1
    if lex.yes.search(norm):
        return 1
    return 0


@dataclass(frozen=True)
class NoticeFacts:
    """What a data-protection text says (rules.md, information rules)."""

    data_protection: bool = False
    """It is data-protection information at all (RGPD, données personnelles, privacy…)."""
    controller: bool = False
    """It names who is responsible for the data ("responsable du traitement", "verantwortlich ist")."""
    rights: bool = False
    """It names at least one right (access, rectification, erasure, objection, portability)."""
    withdrawal: bool = False
    """It says consent can be withdrawn, or how to unsubscribe / opt out."""


@lru_cache(maxsize=1024)
def notice_facts(text: str) -> NoticeFacts:
    """Read a notice with every language's notice wording (notices mix languages on Belgian or
    Swiss sites, and these phrases are specific enough not to collide)."""
    norm = normalise(text)
    lex = _COMPILED[None]
    controller = bool(lex.notice_controller.search(norm))
    rights = bool(lex.notice_rights.search(norm))
    return NoticeFacts(
        # Naming a controller or a right is data-protection information in itself.
        data_protection=controller or rights or bool(lex.notice_markers.search(norm)),
        controller=controller,
        rights=rights,
        withdrawal=bool(lex.withdrawal.search(norm)),
    )


_PRIVACY_HREF = re.compile(r"privacy|privacidad|confidentialit|donnees|vie-?privee|rgpd|gdpr|datenschutz|data-?protection|privacyverklaring|informativa")
_LEGAL_HREF = re.compile(r"mentions-?legales|impressum|legal|aviso-?legal|note-?legali|colofon")


def link_kind(text: str, href: str = "") -> str:
    """"privacy", "legal" or "other" for a link, from its text and its address."""
    norm = normalise(text)
    lex = _COMPILED[None]
    path = href.lower().split("?", 1)[0]
    if path.startswith("mailto:"):
        return "other"
    if lex.privacy_link.search(norm) or (not norm and _PRIVACY_HREF.search(path)):
        return "privacy"
    if lex.legal_link.search(norm):
        return "legal"
    if _PRIVACY_HREF.search(path):
        return "privacy"
    if _LEGAL_HREF.search(path):
        return "legal"
    return "other"


def looks_like_search(text: str) -> bool:
    return bool(_COMPILED[None].search.search(normalise(text)))


def looks_like_survey(text: str) -> bool:
    """A question about how the person found the campaign ("Comment avez-vous connu …?"): its
    options ("La newsletter", "SMS") name where they came from, they grant nothing."""
    return bool(_COMPILED[None].survey.search(normalise(text)))


def looks_like_login(text: str) -> bool:
    return bool(_COMPILED[None].login.search(normalise(text)))
