"""Text normalisation shared by every lexicon: patterns are written against this form.

Lower case, no accents (NFKD without combining marks), typographic apostrophes and spaces
folded, French inclusive-writing suffixes removed ("inscrit·e" -> "inscrit", "informé(e)s" ->
"informes"), so that one pattern covers every spelling a campaign site uses.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss",
                            "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                            "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2011": "-",
                            "\u2010": "-", "\u00ad": ""})
# Inclusive writing: point médian (or bullet) suffixes and bracketed suffixes.
_INCLUSIVE = re.compile(r"(?<=[a-z])[·•⋅∙.](?:e|es|s|ne|nes|le|les|te|tes|rice|rices|euse|euses|ve|ves)"
                        r"(?:[·•⋅∙.]s)?(?![a-z])")
_BRACKETED = re.compile(r"(?<=[a-z])\((?:e|es|s|ne|le|te)\)(s?)")
_SPACES = re.compile(r"\s+")


def _strip(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


# Latin-1 and Latin Extended-A letters without their accents, as one translation table: the
# scanner normalises every label and sentence, and a table is much faster than NFKD per text.
_ACCENTS = {code: _strip(chr(code)) for code in range(0xC0, 0x250) if _strip(chr(code)) != chr(code)}


def normalise(text: str) -> str:
    """The comparable form of ``text`` (see the module docstring)."""
    text = text.translate(_LIGATURES).lower()
    if not text.isascii():
        text = text.translate(_ACCENTS)
        if not text.isascii():
            text = unicodedata.normalize("NFKD", text)
            text = "".join(c for c in text if not unicodedata.combining(c))
    text = _INCLUSIVE.sub("", text)
    text = _BRACKETED.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()
