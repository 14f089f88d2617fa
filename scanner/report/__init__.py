"""Reports: one module per format, each with ``render(result, *, color=False) -> str`` over the
one result model (:class:`scanner.scan.ScanResult`). Add a format by adding a module and a line
to ``FORMATS``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import html, json, sarif, text

if TYPE_CHECKING:
    from ..scan import ScanResult

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "html": html.render,
    "sarif": sarif.render,
}


def render(result: ScanResult, fmt: str, *, color: bool = False) -> str:
    """The report of ``result`` in format ``fmt`` (one of ``FORMATS``)."""
    return FORMATS[fmt](result, color=color)


__all__ = ["FORMATS", "render"]
