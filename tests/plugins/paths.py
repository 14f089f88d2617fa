"""Where the project, its examples and the shared contracts are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        missing("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def corpus(shared: Path) -> Path:
    return shared / "corpus"


def missing(what: str) -> None:
    """Skip a test whose real part (Chromium, PostgreSQL, Redis…) is not on this machine, with
    the reason; under CI (CI=true), where .ci/run installs them, fail instead, so that a broken
    install step cannot turn into a green run that tested less."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{what} (CI installs it: see scripts/system-deps.sh)", pytrace=False)
    pytest.skip(what)
