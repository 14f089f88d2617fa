"""The project's exceptions and the Problem record the linter and loaders report.

Messages are full sentences that name the bad value and where it is. The CLI turns these into
clean messages and exit codes; a traceback reaching the user is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA = "schema"
"""Rule id used for spec problems that are not catalog rules (unknown key, wrong type…)."""


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    """Where in the spec: ``purposes[1].text.en``; empty for the whole file."""
    rule: str
    """A catalog rule id, or ``schema``."""
    message: str

    def line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}: {where}{self.rule}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "path": self.path, "rule": self.rule, "message": self.message}


class UnbundleError(Exception):
    """Base class: an error a user can act on. ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class SpecError(UnbundleError):
    """A spec could not be loaded: unreadable, not YAML, or not of the documented schema."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.line() for p in problems))


class UsageError(UnbundleError):
    exit_code = 2
