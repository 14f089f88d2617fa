"""The page model: its forms, the privacy and legal links it carries, its tracker-relevant URLs;
and the forms of its iframes merged in."""

from __future__ import annotations

from ..classify import link_kind
from ..model import Link, PageModel
from .document import _Document, _absolute
from .form import _form
from .resources import _page_urls
from .roots import _form_roots
from .tree import _clean

def extract_page(html: str, url: str) -> PageModel:
    """Plain models of every form on the page, the links and the tracker-relevant URLs."""
    doc = _Document(html, url)
    html_el = next(iter(doc.tags("html")), None)
    lang = str(html_el.get("lang", "")) if html_el is not None else ""
    title = next(iter(doc.tags("title")), None)
    page = PageModel(url=url, final_url=url, lang=lang, title=_clean(title.get_text()) if title else "",
                     bytes_read=len(html.encode("utf-8", "ignore")) if isinstance(html, str) else 0)
    for index, (root, is_form) in enumerate(_form_roots(doc)):
        page.forms.append(_form(doc, root, is_form, index, lang))
    seen: set[str] = set()
    for a in doc.tags("a"):
        if not a.get("href"):
            continue
        href = _absolute(doc.base, str(a["href"]))
        if not href or href in seen:
            continue
        text = doc.text(a) or _clean(str(a.get("title", "")))
        kind = link_kind(text, href)
        if kind != "other":
            seen.add(href)
            page.links.append(Link(url=href, text=text, kind=kind))
    # The notice "one link away" is often only in the page footer: a form with no privacy or
    # legal link of its own gets the page's (privacy first, else legal), so that whoever follows
    # a form's links reaches it (rules.md, "Reading the rules on real pages").
    fallback = next((l for kind in ("privacy", "legal") for l in page.links if l.kind == kind), None)
    if fallback is not None:
        for form in page.forms:
            if not any(l.kind in ("privacy", "legal") for l in form.links):
                form.links.append(Link(url=fallback.url, text=fallback.text, kind=fallback.kind, near=False))
    page.script_urls, page.inline_scripts, page.frames = _page_urls(doc)
    return page


def merge_frame(page: PageModel, frame: PageModel) -> None:
    """Add the forms of an iframe document to the page that embeds it (rules.md: a form in an
    iframe is judged on the outer page; its evidence names the frame)."""
    for form in frame.forms:
        form.index = len(page.forms)
        form.frame = frame.url
        page.forms.append(form)
    page.notices.extend(n for n in frame.notices if n not in page.notices)
