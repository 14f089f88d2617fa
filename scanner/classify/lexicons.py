"""The lexicons, by language: one data module per language plus the shared words."""

from __future__ import annotations

from types import ModuleType

from . import lexicon_common, lexicon_de, lexicon_en, lexicon_es, lexicon_fr, lexicon_it, lexicon_nl

LEXICONS: dict[str, ModuleType] = {
    module.LANG: module for module in (lexicon_fr, lexicon_en, lexicon_de, lexicon_nl, lexicon_es, lexicon_it)
}
"""Language code -> lexicon module; the order is the order of preference on a tie."""

COMMON = lexicon_common

LANGUAGES: tuple[str, ...] = tuple(LEXICONS)
