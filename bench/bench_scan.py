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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"
ROUNDS = 5
BASE = "https://corpus.example/"


def load_pages() -> list[tuple[str, str]]:
    labels = json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))
    pages = []
    for name in sorted(labels["pages"]):
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
    from scanner.judge import judge
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

    parse()  # warm caches (imports, lxml, regexes, classifier lexicons)
    judge_all()
    t_parse = best_of(ROUNDS, parse)
    t_judge = best_of(ROUNDS, judge_all)
    n, mb = len(pages), size / 1e6

    print(f"ratio judging/parsing: {t_judge / t_parse:.2f}  (aim <= 2)")
    print(f"  judging (extract + trackers + judge): {n / t_judge:8.1f} pages/s  {mb / t_judge:6.2f} MB/s")
    print(f"  parsing (BeautifulSoup lxml alone):   {n / t_parse:8.1f} pages/s  {mb / t_parse:6.2f} MB/s")
    print(f"  {n} corpus pages, {mb:.2f} MB, best of {ROUNDS} rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
