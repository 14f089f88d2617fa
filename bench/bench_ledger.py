"""Ledger micro-benchmark: ``record_submission`` against a bare insert of the same rows.

For each backend (SQLite file; PostgreSQL when Debian's binaries are installed), in the same run:

- bare: one write transaction inserting the same five event rows a submission writes, into a
  plain copy of the events table, with the same engine settings (WAL + synchronous=FULL on
  SQLite, fsync on PostgreSQL): what any durable insert costs;
- ledger: ``Ledger.record_submission`` (chain-head lock, contact upsert, hashing, receipt).

Printed: submissions per second, and ledger/bare as a ratio of throughputs (1.0 = no overhead),
sequentially and with 8 threads. Absolute numbers depend on the disk; the ratio is the result.

Run: .venv/bin/python bench/bench_ledger.py [N]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import MetaData, insert, select  # noqa: E402

from formkit.ledger.db import write_transaction  # noqa: E402
from formkit.ledger.models import ConsentEvent  # noqa: E402
from formkit.ledger.service import Ledger  # noqa: E402
from tests.ledger_support import make_spec, submission  # noqa: E402

THREADS = 8
ROUNDS = 5


def timed(n: int, threads: int, work: Callable[[int], object]) -> float:
    """Operations per second of ``work(i)`` for i in range(n)."""
    start = time.perf_counter()
    if threads == 1:
        for i in range(n):
            work(i)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(work, range(n)))
    return n / (time.perf_counter() - start)


def bench(url: str, label: str, n: int) -> None:
    ledger = Ledger(url, lock_timeout=60)
    ledger.upgrade()
    spec = make_spec()
    ledger.record_submission(submission(spec, "template@example.org", {"newsletter", "sms"},
                                        phone="+33600000000"))
    events = ConsentEvent.__table__
    with ledger.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(events).order_by(events.c.seq)).mappings()]
    bare = events.to_metadata(MetaData(), name="bench_bare")
    for index in bare.indexes:  # same indexes (same upkeep), own names
        index.name = str(index.name).replace("ledger_events", "bench_bare")
    bare.create(ledger.engine)
    counter = iter(range(10**9))

    def bare_insert(_: int) -> None:
        base = next(counter) * len(rows)
        with write_transaction(ledger.engine) as conn:
            conn.execute(insert(bare), [{**r, "seq": base + k} for k, r in enumerate(rows)])

    def record(i: int) -> None:
        ledger.record_submission(submission(spec, f"p{label}{i}-{time.monotonic_ns()}@example.org",
                                            {"newsletter", "sms"}, phone=f"+336{i % 10**8:08d}"))

    for threads in (1, THREADS):
        # Alternate short rounds and keep the median ratio: the machine is shared and noisy, and
        # a burst of load elsewhere should hit both sides, not one.
        rounds = []
        for _ in range(ROUNDS):
            bare_rate = timed(n // ROUNDS, threads, bare_insert)
            ledger_rate = timed(n // ROUNDS, threads, record)
            rounds.append((ledger_rate / bare_rate, ledger_rate, bare_rate))
        ratio, ledger_rate, bare_rate = sorted(rounds)[len(rounds) // 2]
        print(f"{label:<10} threads={threads}: ledger {ledger_rate:7.1f} submissions/s, bare insert "
              f"{bare_rate:7.1f}/s, ratio {ratio:.2f} (median of {ROUNDS} alternating rounds)")
    report = ledger.verify()
    print(f"{label:<10} chain verifies: {report.ok} ({report.events_checked} events)")
    ledger.close()


def main(n: int = 200) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    try:
        bench(f"sqlite:///{folder / 'unbundle.db'}", "sqlite", n)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    from tests.plugins.postgres import PostgresCluster, postgres_bindir

    bindir = postgres_bindir()
    if bindir is None:
        print("postgresql: skipped (no /usr/lib/postgresql/*/bin/initdb; run make system-deps)")
        return
    cluster = PostgresCluster(bindir)
    try:
        cluster.start()
        cluster.psql("CREATE DATABASE bench")
        bench(cluster.url("bench"), "postgresql", n)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
