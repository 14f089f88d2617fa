"""The rule catalog: one module per rule id, listed once here (see ../shared/spec/rules.md).

Each module declares ``RULE`` (its metadata); the scanner's checks are registered beside it.
The reference pages in ``docs/rules/`` are generated from this registry
(``python -m scanner.rules.docs``), so documentation and code cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import TYPE_CHECKING

from . import (
    bundled_channels,
    bundled_consent,
    hidden_consent,
    implied_consent,
    insecure_transport,
    missing_controller,
    missing_privacy_notice,
    missing_rights_info,
    missing_withdrawal_info,
    multi_purpose_consent,
    opt_out_consent,
    prechecked_consent,
    sensitive_data_field,
    third_party_tracking,
)
from .rule import Family, Rule, Severity

_MODULES = (
    bundled_consent,
    multi_purpose_consent,
    implied_consent,
    prechecked_consent,
    hidden_consent,
    opt_out_consent,
    bundled_channels,
    missing_privacy_notice,
    missing_controller,
    missing_rights_info,
    missing_withdrawal_info,
    third_party_tracking,
    insecure_transport,
    sensitive_data_field,
)


def _build() -> MappingProxyType[str, Rule]:
    rules: dict[str, Rule] = {}
    for module in _MODULES:
        rule = module.RULE
        if rule.id in rules:
            raise RuntimeError(f"rule id {rule.id!r} is declared twice ({module.__name__})")
        rules[rule.id] = rule
    return MappingProxyType(rules)


RULES: MappingProxyType[str, Rule] = _build()
"""Every rule, by id, in catalog order."""


if TYPE_CHECKING:
    from ..classify_form import PageReading
    from ..model import Finding

Check = Callable[["PageReading"], "list[Finding]"]

CHECKS: MappingProxyType[str, Check] = MappingProxyType({module.RULE.id: module.check for module in _MODULES})
"""Each rule's ``check(reading) -> list[Finding]``, by id, in catalog order (``scanner.judge``)."""


def get(rule_id: str) -> Rule:
    """The rule with this id; KeyError names the unknown id."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule id {rule_id!r}; known: {', '.join(RULES)}") from None


__all__ = ["CHECKS", "RULES", "Check", "Family", "Rule", "Severity", "get"]
