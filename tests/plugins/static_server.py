"""Serve a folder over HTTP on 127.0.0.1 (tests never touch the internet)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scanner.eval import (
    serve as serve_directory,  # one loopback file server for eval and tests
)


@pytest.fixture(scope="session")
def corpus_url(corpus: Path) -> Iterator[str]:
    with serve_directory(corpus) as url:
        yield url


@pytest.fixture
def serve_dir():
    """``with serve_dir(path) as base_url: ...`` for a test's own folder."""
    return serve_directory
