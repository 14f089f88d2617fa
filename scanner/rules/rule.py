"""What a rule is: the metadata every rule module declares (id, severity, texts, legal basis)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """rules.md: `error` most likely invalid; `warning` likely non-compliant, needs review."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def rank(self) -> int:
        return {"warning": 1, "error": 2}[self.value]


class Family(StrEnum):
    CONSENT = "consent"
    INFORMATION = "information"
    EXPOSURE = "exposure"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    family: Family
    title: str
    """One line, what is wrong, in plain words."""
    explanation: str
    """Why it matters, for a campaign volunteer or a journalist (a short paragraph)."""
    basis: str
    """The legal basis: articles, guidelines and decisions, in short."""
    fix: str
    """What a campaign should do instead."""
    examples: tuple[str, ...] = ()
    """Short wordings or markup that this rule flags."""

    @property
    def doc_path(self) -> str:
        return f"docs/rules/{self.id}.md"
