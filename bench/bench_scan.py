"""Static judging throughput on the labelled corpus, against parsing alone.

Measures, on the corpus target pages read from disk (no network, no fetcher):

- baseline: ``BeautifulSoup(html, "lxml")`` alone, the cost of parsing the page once;
- judging: what ``scanner.scan`` does to a fetched page: ``extract_page`` + tracker matching +
  ``judge`` (linked notices are pre-extracted once, as the scanner caches them).

Both are measured in the same run, best of several rounds, and the ratio judging / parsing is
printed first (the aim is ≤ 2: judging should cost no more than about parsing twice). Absolute
pages/s and MB/s follow, for context only: these machines are shared and noisy.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"
ROUNDS = 7
BASE = "https://corpus.example/"


def load_pages(which: str = "pages") -> list[tuple[str, str]]:
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    names = sorted(labels["pages"]) if which == "pages" else sorted(labels["helpers"])
    pages = []
    for name in names:
        raw = (CORPUS / name).read_bytes()
        pages.append((BASE + name, raw.decode("utf-8", errors="replace")))
    return pages


def best_of(rounds: int, work) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    if not (CORPUS / "labels.json").is_file():
        print(f"bench_scan: no corpus at {CORPUS}; skipped")
        return 0
    from bs4 import BeautifulSoup

    from scanner.extract import extract_page
    from scanner.fetch import DEFAULT_SETTINGS, FakeFetcher
    from scanner.judge import judge
    from scanner.scan import scan
    from scanner.trackers import engines, find_trackers

    pages = load_pages()
    size = sum(len(html.encode("utf-8")) for _, html in pages)
    engines()  # build the filter engines once, as a scan does before its first page

    def parse() -> None:
        for _url, html in pages:
            BeautifulSoup(html, "lxml")

    def judge_all() -> None:
        for url, html in pages:
            page = extract_page(html, url)
            page.trackers = find_trackers(url, page.script_urls, page.inline_scripts)
            judge(page)

    # The whole pipeline of `unbundle scan --depth 0` minus the network: an in-memory fetcher
    # serves the corpus (targets, privacy pages, iframe documents) to scanner.scan.
    served = dict(pages + load_pages("helpers"))
    settings = replace(DEFAULT_SETTINGS, delay=0.0)

    def pipeline() -> None:
        scan([url for url, _ in pages], settings, fetcher=FakeFetcher(served))

    parse()  # warm caches (imports, lxml, regexes, classifier lexicons)
    judge_all()
    pipeline()
    # Interleaved rounds, best of each: load from other processes hits all three alike.
    t_parse = t_judge = t_pipe = float("inf")
    for _ in range(ROUNDS):
        t_parse = min(t_parse, best_of(1, parse))
        t_judge = min(t_judge, best_of(1, judge_all))
        t_pipe = min(t_pipe, best_of(1, pipeline))
    n, mb = len(pages), size / 1e6

    print(f"ratio judging/parsing: {t_judge / t_parse:.2f}  (aim <= 2)")
    print(f"ratio full pipeline/parsing: {t_pipe / t_parse:.2f}  (adds linked notices and iframes)")
    print(f"  judging (extract + trackers + judge): {n / t_judge:8.1f} pages/s  {mb / t_judge:6.2f} MB/s")
    print(f"  full pipeline (scan, in-memory fetch): {n / t_pipe:8.1f} pages/s  {mb / t_pipe:6.2f} MB/s")
    print(f"  parsing (BeautifulSoup lxml alone):   {n / t_parse:8.1f} pages/s  {mb / t_parse:6.2f} MB/s")
    print(f"  {n} corpus pages, {mb:.2f} MB, best of {ROUNDS} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
