"""The scanner on the labelled corpus (../shared/corpus): F1 >= 0.95 over (page, rule) pairs on
the pages that need no browser, through the same pipeline as ``unbundle scan --depth 0``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.eval import evaluate, predict, render
from scanner.fetch import Settings
from tests.plugins.paths import missing

MIN_F1 = 0.95


@pytest.fixture(scope="module")
def labels(corpus: Path) -> dict[str, dict]:
    return json.loads((corpus / "labels.json").read_text(encoding="utf-8"))["pages"]


@pytest.fixture(scope="module")
def predictions(corpus: Path, labels: dict[str, dict]) -> dict[str, set[str]]:
    return predict(corpus, labels, Settings(depth=0, engine="static"))


def test_static_subset_f1(labels: dict[str, dict], predictions: dict[str, set[str]]) -> None:
    static = [page for page, label in labels.items() if not label["needs_browser"]]
    result = evaluate(labels, predictions, static)
    assert result.micro.f1 >= MIN_F1, render("needs_browser: false", result)


def test_clean_pages_get_no_finding(labels: dict[str, dict], predictions: dict[str, set[str]]) -> None:
    """Precision first: a clean page accused of anything is the worst error (issue 4)."""
    accused = {page: sorted(predictions[page]) for page, label in labels.items()
               if not label["expect"] and predictions[page]}
    assert not accused


def test_every_page_is_scanned(labels: dict[str, dict], predictions: dict[str, set[str]]) -> None:
    assert set(predictions) == set(labels)


def test_scores_follow_the_readme_formula() -> None:
    labels = {"a": {"expect": ["x", "y"]}, "b": {"expect": []}}
    result = evaluate(labels, {"a": {"x", "z"}, "b": {"y"}})
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (1, 2, 1)
    assert result.per_rule["y"].precision == 0.0 and result.per_rule["y"].recall == 0.0
    assert result.per_rule["x"].f1 == 1.0
    assert result.false_positives == {"z": ["a"], "y": ["b"]} and result.false_negatives == {"y": ["a"]}


@pytest.mark.browser
def test_all_pages_f1_with_the_browser_where_needed(corpus: Path, labels: dict[str, dict]) -> None:
    """issue 4: the needs_browser pages join the score once the browser engine exists. `auto`
    renders in Chromium only the pages that look script-built; every page counts here."""
    from tests.plugins.browser import chromium_path

    if chromium_path() is None:
        missing("Chromium is not installed (make system-deps installs Debian's chromium)")
    predictions = predict(corpus, labels, Settings(depth=0, engine="auto"))
    result = evaluate(labels, predictions)
    assert result.micro.f1 >= MIN_F1, render("all pages, engine auto", result)
    accused = {page: sorted(predictions[page]) for page, label in labels.items()
               if not label["expect"] and predictions[page]}
    assert not accused
