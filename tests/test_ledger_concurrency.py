"""200 concurrent submissions from threads: every one recorded, the chain linear and verified."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from tests.ledger_support import IDENTITY, make_spec, submission

N = 200


def test_200_concurrent_submissions_are_all_recorded_in_one_linear_chain(ledger):
    spec = make_spec()
    start = threading.Barrier(N)

    def submit(i: int):
        start.wait()  # all 200 threads hit the ledger at once
        granted = {"newsletter"} if i % 2 else {"sms"}
        return ledger.record_submission(submission(spec, f"person{i}@example.org", granted,
                                                   phone=f"+336{i:08d}"))

    with ThreadPoolExecutor(max_workers=N) as pool:
        receipts = list(pool.map(submit, range(N)))

    assert len({r.receipt_id for r in receipts}) == N
    assert len({r.contact_id for r in receipts}) == N
    report = ledger.verify()
    assert report.ok, report.problems[:5]
    assert report.events_checked == N * 5  # submitted, attested, three purposes each
    assert len(ledger.export(spec.id, "newsletter")) == N // 2
    # Every receipt's own hashes are in the chain: each write saw the head before it.
    for r in receipts[:20]:
        assert ledger.receipt(r.receipt_id).event_hashes == r.event_hashes


def test_concurrent_withdrawals_and_submissions_keep_the_chain_linear(ledger):
    spec = make_spec()
    first = [ledger.record_submission(submission(spec, f"p{i}@example.org", {"newsletter", "sms"},
                                                 phone=f"+337{i:08d}")) for i in range(40)]
    start = threading.Barrier(80)

    def work(i: int) -> int:
        start.wait()
        if i < 40:
            return ledger.withdraw(first[i].contact_id, spec.id, "newsletter", "link")
        return ledger.withdraw_channel(f"+337{i - 40:08d}")

    with ThreadPoolExecutor(max_workers=80) as pool:
        assert sum(pool.map(work, range(80))) == 80
    assert ledger.export(spec.id, "newsletter") == [] and ledger.export(spec.id, "sms", fields=IDENTITY) == []
    assert ledger.verify().ok
