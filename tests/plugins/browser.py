"""A real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

No browser download: we point Playwright at the system binary with the flags this machine needs
(no sandbox as root; no background networking, whose connections the closed network refuses).
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    return os.environ.get("UNBUNDLE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def playwright():
    """The one Playwright driver of the session: a second sync_playwright() in the same thread
    fails while this one runs, so tests that need their own launch (persistent profiles) use it."""
    if chromium_path() is None:
        pytest.skip("Chromium is not installed (make system-deps installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright):
    """One Chromium for the session; each test opens its own context (fresh cookies)."""
    browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
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
