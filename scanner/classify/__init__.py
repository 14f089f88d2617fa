"""Text classifier: which purposes, channels, core actions and non-consents a sentence speaks of.

Used by the spec linter (attestations, purpose texts, submit labels) and by the scanner (control
labels, text around the submit button, small print). Pure functions over strings: no I/O, no
parser. Lexicons are data, one module per language (``lexicon_fr`` …); ``engine`` matches them.
"""

from __future__ import annotations

from .engine import (
    NoticeFacts,
    classify,
    clauses,
    link_kind,
    looks_like_login,
    looks_like_search,
    looks_like_survey,
    notice_facts,
    polarity,
    topics,
)
from .language import detect
from .meaning import Meaning
from .normalise import normalise

__all__ = [
    "Meaning", "NoticeFacts", "classify", "clauses", "detect", "link_kind", "looks_like_login",
    "looks_like_search", "looks_like_survey", "normalise", "notice_facts", "polarity", "topics",
]
