"""A real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

No browser download: we point Playwright at the system binary with the flags this machine needs
(no sandbox as root; no background networking, whose connections the closed network refuses).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.browser import (  # the flags and binary the scanner uses
    CHROMIUM_ARGS,
    chromium_path,
)
from tests.plugins.paths import missing


@pytest.fixture(scope="session")
def playwright():
    """The one Playwright driver of the session: a second sync_playwright() in the same thread
    fails while this one runs, so tests that need their own launch (persistent profiles) use it."""
    if chromium_path() is None:
        missing("Chromium is not installed (make system-deps installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright):
    """One Chromium for the session; each test opens its own context (fresh cookies)."""
    browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=list(CHROMIUM_ARGS))
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""axe-core rule tags for WCAG 2.1 levels A and AA."""


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core as shipped inside the axe-playwright-python package (no download)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page, axe_source: str) -> tuple[list[dict], dict]:
    """Run axe-core's WCAG 2.1 A/AA rules on the page: (violations in short, raw results)."""
    page.evaluate(axe_source)
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                            " resultTypes: ['violations']})", WCAG_TAGS)
    # axe really ran (a silent no-op would pass vacuously).
    assert results["testEngine"]["name"] == "axe-core"
    violations = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                   "nodes": [n["target"] for n in v["nodes"]][:5]} for v in results["violations"]]
    return violations, results
