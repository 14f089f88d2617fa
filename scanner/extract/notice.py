"""The main text of a linked privacy or legal page."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .tree import _clean

_MAIN_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "form", "svg", "button", "iframe")


def notice_text(html: str, url: str) -> str:
    """Readable main text of a privacy or legal page: its ``<main>`` (or article, or body)
    without navigation, header, footer, forms or scripts. Site branding in a header or footer
    is not the notice (rules.md: a brand that appears only as the logo is not a name)."""
    soup = BeautifulSoup(html, "lxml")
    for el in soup.find_all(_MAIN_DROP):
        el.decompose()
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article") or soup.body or soup
    text = _clean(main.get_text(" "))
    if len(text) < 200 and main is not soup.body and soup.body is not None:
        text = _clean(soup.body.get_text(" "))
    return text
