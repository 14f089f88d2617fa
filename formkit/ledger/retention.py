"""How long each stored thing may be kept (GDPR art. 5(1)(e), storage limitation).

Dates returned are the *last day* data may be kept; purge deletes it from the day after.
None means "no end date": until withdrawn for a consent, "not set" for a core-action record.
"""

from __future__ import annotations

import datetime as dt

from ..spec import Retention, Spec, parse_duration

UNCONFIRMED_GRACE = dt.timedelta(days=30)
"""A grant never confirmed (double opt-in) or a consent request never answered stops keeping
the data 30 days after it was made: without confirmation there is no consent (art. 4(11))."""


def purpose_expiry(retention: str, election_end: dt.date | None, granted_on: dt.date) -> dt.date | None:
    """Last day a consent given on ``granted_on`` counts; None = until withdrawn."""
    if retention == "election-end":
        return election_end
    duration = parse_duration(retention)
    if duration is not None:
        return duration.after(granted_on)
    return None  # until-withdrawn (or unknown: never shorter than the person was told)


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
