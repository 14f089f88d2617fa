"""Cheap language detection: count each language's stopwords among the words of a text."""

from __future__ import annotations

import re

from .lexicons import LEXICONS

_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")  # "e-mail" is one word, not Italian "e"


def detect(norm: str) -> str | None:
    """ISO 639-1 code of the language with most stopwords in ``norm`` (normalised text), or
    None when no language has any, or two languages tie (a short label is often neutral)."""
    words = _WORD.findall(norm)
    if not words:
        return None
    scores: dict[str, int] = {}
    for word in words:
        if "'" in word:  # French and Italian elisions: "l'information", "d'accord"
            word = word.split("'", 1)[0] + "'"
        for code, lexicon in LEXICONS.items():
            if word in lexicon.STOPWORDS:
                scores[code] = scores.get(code, 0) + 1
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
