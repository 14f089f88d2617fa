"""Evaluation on the labelled corpus (../shared/corpus): precision, recall and F1 over
(page, rule id) pairs, micro-averaged and per rule, for all pages and for the pages that need
no browser (corpus README, "Scoring").

Run ``python -m scanner.eval`` (``make eval``). The corpus is served on 127.0.0.1 and every
target page goes through the same pipeline as ``unbundle scan --depth 0``
(``scanner.scan.scan``: fetch, extract, iframes, linked notice one hop, trackers, judge).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .fetch import Settings
from .rules import RULES
from .scan import scan

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
"""``../shared/corpus`` relative to the project root."""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else 0.0


@dataclass
class Evaluation:
    """Scores over one set of pages, and the pages behind each error."""

    micro: Score = field(default_factory=Score)
    per_rule: dict[str, Score] = field(default_factory=dict)
    false_positives: dict[str, list[str]] = field(default_factory=dict)
    false_negatives: dict[str, list[str]] = field(default_factory=dict)
    pages: int = 0


def evaluate(labels: dict[str, dict], predictions: dict[str, set[str]], pages: list[str] | None = None) -> Evaluation:
    """Score ``predictions`` (page -> rule ids) against ``labels`` (labels.json "pages")."""
    result = Evaluation()
    counts: dict[str, Counter[str]] = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    for page in pages if pages is not None else list(labels):
        expected = set(labels[page]["expect"])
        reported = predictions.get(page, set())
        result.pages += 1
        for rule in reported & expected:
            counts["tp"][rule] += 1
        for rule in reported - expected:
            counts["fp"][rule] += 1
            result.false_positives.setdefault(rule, []).append(page)
        for rule in expected - reported:
            counts["fn"][rule] += 1
            result.false_negatives.setdefault(rule, []).append(page)
    result.micro = Score(sum(counts["tp"].values()), sum(counts["fp"].values()), sum(counts["fn"].values()))
    for rule in sorted(set(counts["tp"]) | set(counts["fp"]) | set(counts["fn"]), key=_catalog_order):
        result.per_rule[rule] = Score(counts["tp"][rule], counts["fp"][rule], counts["fn"][rule])
    return result


def _catalog_order(rule: str) -> tuple[int, str]:
    ids = list(RULES)
    return (ids.index(rule), rule) if rule in ids else (len(ids), rule)


def predict(corpus: Path, labels: dict[str, dict], settings: Settings) -> dict[str, set[str]]:
    """Scan every target page of the corpus, served on loopback; page -> reported rule ids."""
    with serve(corpus) as base:
        targets = {f"{base}/{page}": page for page in labels}
        result = scan(list(targets), settings)
    predictions: dict[str, set[str]] = {page: set() for page in labels}
    for finding in result.findings:
        page = targets.get(finding.page)
        if page is not None:
            predictions[page].add(finding.rule)
    return predictions


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render(title: str, ev: Evaluation) -> str:
    lines = [f"== {title} ({ev.pages} pages)",
             f"micro  P={_fmt(ev.micro.precision)} R={_fmt(ev.micro.recall)} F1={ev.micro.f1:.3f}  "
             f"(TP {ev.micro.tp}, FP {ev.micro.fp}, FN {ev.micro.fn})",
             f"{'rule':<26} {'P':>6} {'R':>6} {'F1':>6}  TP FP FN"]
    for rule, s in ev.per_rule.items():
        lines.append(f"{rule:<26} {_fmt(s.precision):>6} {_fmt(s.recall):>6} {s.f1:>6.3f}  {s.tp:>2} {s.fp:>2} {s.fn:>2}")
    for kind, errors in (("FP", ev.false_positives), ("FN", ev.false_negatives)):
        for rule, pages in errors.items():
            lines.append(f"  {kind} {rule}: {', '.join(pages)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scanner.eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: ../shared/corpus)")
    parser.add_argument("--engine", default="static", choices=("static", "browser", "auto"),
                        help="fetch engine; static cannot see script-built forms (default: static)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    labels_file = args.corpus / "labels.json"
    if not labels_file.is_file():
        print(f"error: {labels_file} not found; pass --corpus DIR", file=sys.stderr)
        return 2
    labels = json.loads(labels_file.read_text(encoding="utf-8"))["pages"]
    predictions = predict(args.corpus, labels, Settings(depth=0, engine=args.engine))
    static_pages = [p for p, lab in labels.items() if not lab.get("needs_browser")]
    results = {"all pages": evaluate(labels, predictions), "needs_browser: false": evaluate(labels, predictions, static_pages)}
    if args.json:
        print(json.dumps({name: {"pages": ev.pages, "micro": vars(ev.micro) | {"f1": ev.micro.f1},
                                 "per_rule": {r: vars(s) | {"f1": s.f1} for r, s in ev.per_rule.items()},
                                 "false_positives": ev.false_positives, "false_negatives": ev.false_negatives}
                          for name, ev in results.items()}, indent=2))
    else:
        print("\n\n".join(render(name, ev) for name, ev in results.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
