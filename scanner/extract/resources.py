"""The page's script, pixel and iframe URLs and its inline scripts, for the tracker check."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .document import _Document, _absolute

SCRIPT_CUT = 4000
"""Inline script text kept for snippet detection, in characters (tracker loaders come first)."""
_PRELOAD_RELS = frozenset(("preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload"))


def _page_urls(doc: _Document) -> tuple[list[str], list[str], list[str]]:
    """(script and pixel URLs, inline scripts, iframe URLs), absolute and de-duplicated."""
    urls: list[str] = []
    frames: list[str] = []
    inline: list[str] = []
    page_host = urlsplit(doc.url).hostname
    for el in doc.tags("script", "img", "iframe", "embed", "source", "link", "object"):
        if el.name == "script":
            if el.get("src"):
                urls.append(_absolute(doc.base, el["src"]))
            elif str(el.get("type", "")).lower() not in ("application/ld+json", "text/template", "text/x-template"):
                text = el.string or el.get_text()
                if text and text.strip():
                    inline.append(text.strip()[:SCRIPT_CUT])
        elif el.name == "link":
            rels = {r.lower() for r in (el.get("rel") or [])}
            if rels & _PRELOAD_RELS and el.get("href"):
                urls.append(_absolute(doc.base, el["href"]))
        elif el.name == "iframe":
            url = _absolute(doc.base, el.get("src") or el.get("data-src"))
            if url:
                urls.append(url)
                frames.append(url)
        elif el.name == "object":
            urls.append(_absolute(doc.base, el.get("data")))
        else:
            url = _absolute(doc.base, el.get("src"))
            if not url:
                continue
            # Pixels: images from another host (the site's own images are not trackers).
            if el.name != "img" or urlsplit(url).hostname != page_host:
                urls.append(url)
    # <noscript> pixels: lxml keeps their markup as text in <head>.
    for ns in doc.tags("noscript"):
        for match in re.finditer(r"""src=["']([^"']+)["']""", ns.decode_contents()):
            urls.append(_absolute(doc.base, match.group(1)))
    for el in doc.handlers:
        for attr in ("onsubmit", "onclick"):
            if el.get(attr):
                inline.append(str(el[attr])[:SCRIPT_CUT])
    return _dedupe(u for u in urls if u), inline, _dedupe(frames)


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
