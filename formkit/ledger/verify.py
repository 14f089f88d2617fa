"""Re-hash the chain and name every event whose stored facts changed or that is missing.

What this proves and does not is spelled out in docs/ledger.md ("What verify proves").
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from . import chain
from .models import ChainHead, ConsentEvent
from .records import VerifyProblem, VerifyReport

_EVENTS = ConsentEvent.__table__
_HEAD = ChainHead.__table__


def verify_chain(conn: Connection, key: bytes | None) -> VerifyReport:
    """Check every event in order, then the head (and its seal when ``key`` is given)."""
    problems: list[VerifyProblem] = []
    checked, prev_seq, prev_hash = 0, 0, chain.GENESIS
    head = conn.execute(select(_HEAD).where(_HEAD.c.id == 1)).mappings().first()
    result = conn.execute(select(_EVENTS).order_by(_EVENTS.c.seq)
                          .execution_options(yield_per=2000)).mappings()
    for e in result:
        checked += 1
        seq = e["seq"]
        if seq != prev_seq + 1:
            missing = f"{prev_seq + 1}" if seq == prev_seq + 2 else f"{prev_seq + 1} to {seq - 1}"
            problems.append(VerifyProblem(prev_seq + 1, f"missing: event {missing} was deleted "
                                          f"(the chain jumps from event {prev_seq} to {seq})"))
        elif e["prev_hash"] != prev_hash:
            problems.append(VerifyProblem(seq, f"does not chain to event {prev_seq}: event "
                                          f"{prev_seq} was rewritten, or an event was removed "
                                          "or inserted between them"))
        if chain.sha256_text(e["wording"]) != e["wording_sha256"]:
            problems.append(VerifyProblem(seq, f"its wording was changed (form {e['form_id']}, "
                                          f"purpose {e['purpose_id'] or '-'}, action {e['action']})"))
        if chain.event_hash(dict(e)) != e["hash"]:
            problems.append(VerifyProblem(seq, "its stored facts no longer match its hash "
                                          "(wording, purpose, time, contact or another fact "
                                          "was changed)"))
        prev_seq, prev_hash = seq, e["hash"]
    sealed: bool | None = None
    if head is None:
        problems.append(VerifyProblem(None, "the chain head is missing (was the table emptied?)"))
    else:
        if head["last_seq"] != prev_seq:
            problems.append(VerifyProblem(
                prev_seq + 1 if head["last_seq"] > prev_seq else None,
                f"the chain head records {head['last_seq']} events but the last stored is event "
                f"{prev_seq}" + (f": events {prev_seq + 1} to {head['last_seq']} were deleted"
                                 if head["last_seq"] > prev_seq else "")))
        elif head["last_hash"] != prev_hash:
            problems.append(VerifyProblem(prev_seq, "the newest event does not match the hash "
                                          "recorded in the chain head (it was rewritten)"))
        if head["seal"] is None and key is not None and head["last_seq"] > 0:
            # Whoever rewrites the whole chain can also clear the seal: with the key in hand,
            # an unsealed head is a failure, not a detail.
            problems.append(VerifyProblem(None, "the chain head carries no seal although a key was "
                                          "given: the chain may have been rewritten and its seal "
                                          "removed, or it was written without the key"))
        if head["seal"] is not None:
            sealed = False
            if key is not None:
                sealed = True
                if not chain.seal_ok(key, head["last_seq"], head["last_hash"], head["seal"]):
                    problems.append(VerifyProblem(None, "the chain head's seal does not match: the "
                                                  "chain was rewritten, or the secret is wrong"))
    return VerifyReport(not problems, checked, tuple(problems), sealed)
