"""The lexicons, by language: one data module per language plus the shared words.

Adding a language: copy ``lexicon_en.py`` to ``lexicon_<code>.py``, translate every constant
(patterns are written against ``normalise``d text: lower case, no accents), list the module
below, and add a table ``tests/data/classify_<code>.yaml``; ``tests/test_classify.py`` checks
that the new lexicon defines every category the engine reads.

The categories (each a tuple of regular expressions, or a dict from a vocabulary member to one):

- PURPOSES, CHANNELS, CORE_ACTIONS, NON_CONSENTS, SENSITIVE: what a text speaks of;
- CORE_TOPICS: words of headings and buttons that name a form's core action ("Pétition");
- OPT_OUT, UNTICK, ENTAILED, CONDITIONAL, NEGATION, WITHDRAWAL: how it speaks of it;
- ACK_VERBS + PRIVACY_NOUNS (a privacy acknowledgement), GRANT (wanting or accepting),
  ATTESTATION ("je certifie…"): what kind of statement it is;
- CORE_MESSAGES, CORE_SHARING + TRANSFER, NEUTRAL, SENSITIVE_EXEMPT: wording that belongs to
  the core action and must not be read as an optional purpose or special-category data;
- SITE_PREFERENCE, YES, NO, SEARCH, LOGIN: scope and option polarity;
- NOTICE_MARKERS, NOTICE_CONTROLLER, NOTICE_RIGHTS, PRIVACY_LINK, LEGAL_LINK: notices.
"""

from __future__ import annotations

from types import ModuleType

from . import lexicon_common, lexicon_de, lexicon_en, lexicon_es, lexicon_fr, lexicon_it, lexicon_nl

LEXICONS: dict[str, ModuleType] = {
    module.LANG: module for module in (lexicon_fr, lexicon_en, lexicon_de, lexicon_nl, lexicon_es, lexicon_it)
}
"""Language code -> lexicon module; the order is the order of preference on a tie."""

COMMON = lexicon_common

LANGUAGES: tuple[str, ...] = tuple(LEXICONS)
