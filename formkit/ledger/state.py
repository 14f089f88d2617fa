"""Current consent state, folded from a contact's events in chain order.

The ledger never updates a consent: the state is whatever the events, replayed in order, say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Event = Mapping[str, Any]
ACTIVE = ("granted", "pending", "requested")


@dataclass
class PurposeState:
    state: str
    """granted | pending | requested | withdrawn"""
    since: Event
    """The event that gave (or requested) the consent now in force: its provenance."""
    confirmed_at: dt.datetime | None = None


@dataclass
class ContactState:
    purposes: dict[str, PurposeState]
    last_submitted: Event | None = None
    erased: bool = False


def fold(events: Iterable[Event]) -> ContactState:
    """Replay one contact's events on one form (ordered by seq)."""
    result = ContactState({})
    for e in events:
        action, purpose = e["action"], e["purpose_id"]
        current = result.purposes.get(purpose)
        if action == "submitted":
            result.last_submitted = e
        elif action == "granted":
            confirmed = current is not None and current.state == "granted" and current.confirmed_at
            if e["confirmation_required"] and not confirmed:
                result.purposes[purpose] = PurposeState("pending", e)
            else:
                # A grant renewing an already confirmed one stays confirmed (same address).
                result.purposes[purpose] = PurposeState("granted", e, confirmed_at=confirmed or None)
        elif action == "requested":
            if current is None or current.state not in ("granted", "pending"):
                result.purposes[purpose] = PurposeState("requested", e)
        elif action == "confirmed":
            if current is not None and current.state == "pending":
                current.state, current.confirmed_at = "granted", e["occurred_at"]
        elif action == "withdrawn":
            if current is not None:
                current.state = "withdrawn"
        elif action == "erased":
            # Erasure (art. 17) ends every consent: nobody can be contacted without their data.
            result.erased = True
            for state in result.purposes.values():
                state.state = "withdrawn"
        # "refused" and "attested" change no state.
    return result
