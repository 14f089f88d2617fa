"""Text classifier: which purposes, channels, core actions and non-consents a sentence speaks of.

Used by the spec linter (attestations, purpose texts, submit labels) and by the scanner (control
labels, text around the submit button, small print). Pure functions over strings: no I/O, no
parser. See ``Meaning`` for what it returns.
"""

from __future__ import annotations

from .meaning import Meaning
from .text import classify

__all__ = ["Meaning", "classify"]
