"""How long each stored thing may be kept (GDPR art. 5(1)(e), storage limitation).

Dates returned are the *last day* data may be kept; purge deletes it from the day after.
None means "no end date": until withdrawn for a consent, "not set" for a core-action record.
"""

from __future__ import annotations

import datetime as dt

from ..spec import UNTIL_WITHDRAWN_LIMIT, Retention, Spec, parse_duration
from .state import ContactState

UNCONFIRMED_GRACE = dt.timedelta(days=30)
"""A grant never confirmed (double opt-in) or a consent request never answered stops keeping
the data 30 days after it was made: without confirmation there is no consent (art. 4(11))."""



def purpose_expiry(retention: str, election_end: dt.date | None, granted_on: dt.date) -> dt.date | None:
    """Last day a consent given on ``granted_on`` counts (None only for an unknown retention)."""
    if retention == "election-end":
        return election_end
    duration = parse_duration(retention)
    if duration is not None:
        return duration.after(granted_on)
    if retention == "until-withdrawn":
        return UNTIL_WITHDRAWN_LIMIT.after(granted_on)
    return None  # unknown word: never shorter than the person was told


def core_retention(retention: Retention, submitted_on: dt.date) -> tuple[str, dt.date | None]:
    """(description, last day) of the core-action record: election_end + core_action (formspec)."""
    end, core = retention.election_end, retention.core_action
    if end is not None and core is not None:
        return f"election-end+{core}", core.after(end)
    if end is not None:
        return "election-end", end
    if core is not None:
        return str(core), core.after(submitted_on)
    return "", None


def earliest(*dates: dt.date | None) -> dt.date | None:
    """The earliest known date: a spec may shorten a retention, never lengthen what was told."""
    known = [d for d in dates if d is not None]
    return min(known) if known else None


def latest_spec(specs: list[Spec]) -> dict[str, Spec]:
    """The highest version of each form id."""
    by_id: dict[str, Spec] = {}
    for spec in specs:
        if spec.id not in by_id or spec.version > by_id[spec.id].version:
            by_id[spec.id] = spec
    return by_id


FOREVER = dt.date.max
"""Needed until withdrawn: no end date."""


def needed_until(state: ContactState, spec: Spec | None) -> tuple[dt.date | None, str]:
    """(last day the contact's data is needed, reason for the date that counts)."""
    ends: list[tuple[dt.date, str]] = []
    sub = state.last_submitted
    if sub is not None:
        stored = sub["expires_on"]
        from_spec = core_retention(spec.retention, sub["occurred_at"].date())[1] if spec else None
        core = earliest(stored, from_spec)
        if core is None:
            # No retention was set for the core-action record: we cannot know when it may go,
            # so it is kept and the purge report asks for a retention (docs/ledger.md).
            return FOREVER, "no-retention"
        ends.append((core, "core-action record retention ended"))
    for pid, ps in state.purposes.items():
        g = ps.since
        if ps.state == "granted":
            from_spec = None
            if spec is not None and any(p.id == pid for p in spec.consent_purposes):
                p = spec.purpose(pid)
                from_spec = purpose_expiry(p.retention, spec.retention.election_end, g["occurred_at"].date())
            end = earliest(g["expires_on"], from_spec)
            if end is None:
                return FOREVER, "consent until withdrawn"
            ends.append((end, f"consent {pid} expired"))
        elif ps.state in ("pending", "requested"):
            ends.append(((g["occurred_at"] + UNCONFIRMED_GRACE).date(), f"consent {pid} never confirmed"))
    if not ends:
        return None, "nothing left to keep (consents withdrawn)"
    last = max(ends, key=lambda pair: pair[0])
    return last
