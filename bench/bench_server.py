"""Submissions per second through waitress on loopback, as a ratio to a bare Flask endpoint.

Same server (waitress, same threads), same client (httpx, keep-alive, same number of client
threads), same request body, same run: only the application differs. The bare endpoint reads
the posted form and answers "ok"; the real one checks the token, validates, records the
submission in the ledger (one committed transaction) and renders the JSON receipt. The ratio is
what the machine-independent number means: "a real submission costs N bare requests".

PostgreSQL is started the way the tests start it (tests/plugins/postgres.py), and skipped with
a note when its binaries are missing. The whole run stays under two minutes.

    python bench/bench_server.py [--seconds 8] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from flask import Flask, request  # noqa: E402

from formkit.server import create_app  # noqa: E402
from formkit.server.wsgi import running_server  # noqa: E402

FORM = "parrainage-camille-2027"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
THREADS = 8


def bare_app() -> Flask:
    app = Flask("bare")

    @app.post("/ping")
    def ping() -> str:
        return "ok" if request.form.get("email") else "no"

    return app


def body(n: int, hidden: dict[str, str]) -> dict[str, str]:
    return {**hidden, "first_name": "Bench", "last_name": f"Person{n}", "email": f"bench{n}@example.org",
            "postal_code": "69001", "attest_eligibility": "y", "purpose_newsletter": "y"}


def measure(base: str, path: str, seconds: float, concurrency: int,
            make_body: Callable[[int], dict[str, str]], expect: int) -> tuple[float, int]:
    """Requests per second over ``seconds``, ``concurrency`` clients posting back to back."""
    counter = iter(range(10**9))
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    done = [0]
    failures = [0]

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60, headers={"Accept": "application/json"}) as client:
            while time.perf_counter() < deadline:
                with lock:
                    n = next(counter)
                response = client.post(path, data=make_body(n))
                with lock:
                    if response.status_code == expect:
                        done[0] += 1
                    else:
                        failures[0] += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    return done[0] / (time.perf_counter() - started), failures[0]


def bench_backend(label: str, url: str, tmp: Path, seconds: float, concurrency: int) -> None:
    specs = tmp / "specs"
    specs.mkdir(exist_ok=True)
    (specs / "form.yaml").write_text((ROOT / "examples" / "parrainage-presidentielle.yaml").read_text("utf-8"), "utf-8")
    app = create_app({"INSTANCE_PATH": str(tmp / f"instance-{label}"), "UNBUNDLE_DB": url,
                      "UNBUNDLE_SPECS": str(specs), "UNBUNDLE_SECRET_KEY": "bench",
                      "UNBUNDLE_MIN_FILL_SECONDS": 0, "UNBUNDLE_RATE_LIMIT": "off",
                      "UNBUNDLE_WORKBENCH": False})
    import logging

    logging.getLogger("formkit").setLevel(logging.WARNING)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "queue depth" is the point here
    with running_server(app, threads=THREADS) as real, running_server(bare_app(), threads=THREADS) as bare:
        page = httpx.get(f"{real}/f/{FORM}").text
        hidden = dict(HIDDEN.findall(page))  # one page token serves many posts (valid for hours)
        # Warm up both (imports, first connections, SQLite file creation).
        measure(bare, "/ping", 0.5, concurrency, lambda n: body(n, hidden), 200)
        measure(real, f"/f/{FORM}", 0.5, concurrency, lambda n: body(10**8 + n, hidden), 201)
        bare_rate, _ = measure(bare, "/ping", seconds, concurrency, lambda n: body(n, hidden), 200)
        real_rate, failed = measure(real, f"/f/{FORM}", seconds, concurrency, lambda n: body(n, hidden), 201)
    app.extensions["unbundle.ledger"].ledger.close()
    note = f", {failed} failed" if failed else ""
    print(f"{label:<11} submissions/s {real_rate:8.1f}   bare Flask/s {bare_rate:8.1f}   "
          f"ratio {real_rate / bare_rate:.3f}{note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="measuring time per endpoint")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    args = parser.parse_args(argv)
    print(f"waitress threads={THREADS}, client threads={args.concurrency}, {args.seconds:.0f}s per measure")
    with tempfile.TemporaryDirectory(prefix="unbundle-bench-") as folder:
        tmp = Path(folder)
        bench_backend("SQLite", f"sqlite:///{tmp / 'bench.db'}", tmp, args.seconds, args.concurrency)
        cluster = None
        try:
            from tests.plugins.postgres import PostgresCluster, postgres_bindir

            bindir = postgres_bindir()
            if bindir is None:
                print("PostgreSQL  skipped: not installed (make system-deps)")
                return 0
            try:
                cluster = PostgresCluster(bindir)
            except BaseException as exc:  # the fixture class skips through pytest's exception
                print(f"PostgreSQL  skipped: {exc}")
                return 0
            cluster.start()
            cluster.psql("CREATE DATABASE bench")
            bench_backend("PostgreSQL", cluster.url("bench"), tmp, args.seconds, args.concurrency)
        finally:
            if cluster is not None:
                cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
