"""Reading an inbound SMS: who sent it (E.164) and whether it says STOP or yes.

The French STOP convention (CNIL and the SMS operators' code of conduct) is that "STOP" in any
form ends SMS prospecting. People write it in every way, so we compare after removing case,
accents, spaces and punctuation: "stop", " Stop  SMS ", "ARRÊT", "arret!" all count.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

import phonenumbers

STOP_WORDS = frozenset({"STOP", "STOPSMS", "STOPPROSPECTION", "ARRET", "UNSUBSCRIBE"})
YES_WORDS = frozenset({"OUI", "YES"})


class Reply(Enum):
    STOP = "stop"
    YES = "yes"
    OTHER = "other"


def _squash(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", letters).upper()


def classify_reply(text: str) -> Reply:
    squashed = _squash(text)
    if squashed in STOP_WORDS:
        return Reply.STOP
    if squashed in YES_WORDS:
        return Reply.YES
    return Reply.OTHER


class PhoneError(ValueError):
    pass


def to_e164(number: str, default_region: str = "FR") -> str:
    """``06 12 34 56 78`` → ``+33612345678``; national numbers are read as French."""
    try:
        parsed = phonenumbers.parse(number, default_region)
    except phonenumbers.NumberParseException:
        raise PhoneError("the sender is not a phone number") from None
    if not phonenumbers.is_possible_number(parsed):
        raise PhoneError("the sender is not a possible phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
