"""The scan pipeline: targets in, one :class:`ScanResult` out.

For each target (a URL or a local file, reported as the user gave it)::

    fetch ─► extract_page ─► iframes that hold forms (same pipeline, forms attached with frame=)
          ─► each in-scope form's privacy link (else legal link), one hop, same site ─► notices
          ─► trackers over script URLs + inline scripts (outer page's count for framed forms)
          ─► judge ─► findings

Every failure becomes a page status or a note; nothing a page contains can raise out of
:func:`scan`. ``Settings.depth`` > 0 adds a breadth-first crawl of same-site links, bounded by
``depth`` and ``max_pages``.
"""

from __future__ import annotations

import re
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import unescape
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from . import __version__
from .fetch import (
    DEFAULT_SETTINGS, EngineUnavailable, Fetched, Fetcher, Settings, StaticFetcher, is_loopback,
    target_url,
)
from .model import Finding, FormModel, Link, Notice, PageModel, PageStatus
from .trackers import find_trackers, matching_list, site_of

TOOL_NAME = "unbundle"
ROBOTS_AGENT = "unbundle"
"""The product token robots.txt rules can name (our User-Agent starts with it)."""

# iframes that never hold a sign-up form: video, maps, audio players, social posts. Not loaded
# (politeness). Embedded form services (Google Forms, HelloAsso, Typeform…) are loaded.
_MEDIA_SITES = frozenset({
    "youtube.com", "youtube-nocookie.com", "vimeo.com", "dailymotion.com", "soundcloud.com",
    "spotify.com", "deezer.com", "openstreetmap.org", "twitter.com", "x.com", "facebook.com",
    "instagram.com", "tiktok.com", "linkedin.com",
})
_MEDIA_URL = re.compile(r"^https?://(?:maps\.google\.[a-z.]+|www\.google\.[a-z.]+/maps)", re.I)

_IFRAME = re.compile(r"<iframe\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_ANCHOR = re.compile(r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_BASE = re.compile(r"<base\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
_NOT_PAGES = re.compile(r"\.(?:pdf|jpe?g|png|gif|svg|webp|zip|docx?|xlsx?|mp[34]|css|js|ics)$", re.I)


class AnalysisTimeout(BaseException):
    """Raised by the analysis budget's alarm. A BaseException, so that the ``except Exception``
    of a fetcher cannot swallow it on its way out of the page."""


class _AnalysisBudget:
    """Bound the time spent analysing one page (parsing, extraction, judging, notices, frames).

    Python cannot stop a function from another thread, so this uses the process's real-time
    timer (SIGALRM), available on the main thread of a Unix process, which is where the command
    line runs. Elsewhere (another thread, Windows) it is a no-op and only the fetch bounds hold.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.active = (seconds > 0 and hasattr(signal, "setitimer")
                       and threading.current_thread() is threading.main_thread())
        self._previous: object = None

    def _alarm(self, signum: int, frame: object) -> None:
        raise AnalysisTimeout

    def __enter__(self) -> _AnalysisBudget:
        if self.active:
            self._previous = signal.signal(signal.SIGALRM, self._alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]

    @contextmanager
    def paused(self) -> Iterator[None]:
        if not self.active:
            yield
            return
        remaining, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))


@dataclass
class ScanResult:
    """Everything a report needs: what was scanned, when, with what, and what was found."""

    pages: list[PageModel]
    findings: list[Finding]
    scanned_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    tool: str = TOOL_NAME
    version: str = __version__
    engine: str = "static"

    @property
    def readable(self) -> list[PageModel]:
        return [p for p in self.pages if p.status in (PageStatus.OK, PageStatus.TRUNCATED)]

    def findings_for(self, page: PageModel) -> list[Finding]:
        return [f for f in self.findings if f.page == page.url]


class _Judge:
    """The judge engineer's half, imported on first use so this module loads without it."""

    def __init__(self) -> None:
        from .extract import extract_page, notice_text
        from .judge import judge

        self.extract_page = extract_page
        self.notice_text = notice_text
        self.judge = judge


def _attr(match: re.Match[str]) -> str:
    return unescape(next((g for g in match.groups() if g is not None), "")).strip()


def _base_url(html: str, url: str) -> str:
    match = _BASE.search(html[:20000])
    return urljoin(url, _attr(match)) if match else url


def iframe_urls(html: str, url: str) -> list[str]:
    """Absolute http(s)/file URLs of the iframes of a document, in order, without duplicates."""
    base = _base_url(html, url)
    out: list[str] = []
    for match in _IFRAME.finditer(html):
        src = _attr(match)
        if not src or src.startswith(("about:", "javascript:", "data:")):
            continue
        absolute = urldefrag(urljoin(base, src))[0]
        if urlsplit(absolute).scheme in ("http", "https", "file") and absolute not in out:
            out.append(absolute)
    return out


def same_site(url: str, other: str) -> bool:
    a, b = urlsplit(url), urlsplit(other)
    if a.scheme == "file" or b.scheme == "file":
        return a.scheme == b.scheme == "file"
    if a.scheme not in ("http", "https") or b.scheme not in ("http", "https"):
        return False
    return site_of(a.hostname) == site_of(b.hostname)


def page_links(html: str, url: str) -> list[str]:
    """Same-site links of a document that may be pages (for the crawl)."""
    base = _base_url(html, url)
    out: list[str] = []
    for match in _ANCHOR.finditer(html):
        href = _attr(match)
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        absolute = urldefrag(urljoin(base, href))[0]
        if same_site(absolute, url) and not _NOT_PAGES.search(urlsplit(absolute).path) and absolute not in out:
            out.append(absolute)
    return out


def _notice_link(form: FormModel, page_links: Sequence[Link]) -> str | None:
    """rules.md: the link that speaks of privacy; failing that, the legal-notice page. The
    form's own links first, then the page's (footer); the same order the judge reads them in
    (``scanner.classify_form``), so the notice fetched is the one judged."""
    for kind in ("privacy", "legal"):
        for links in (form.links, page_links):
            for link in links:
                if link.kind == kind and link.url:
                    return urldefrag(link.url)[0]
    return None


class Scanner:
    """One scan's state: fetchers, the judge, and caches of notices and frames fetched once."""

    def __init__(self, settings: Settings, fetcher: Fetcher | None = None,
                 log: Callable[[str], None] | None = None):
        self.settings = settings
        self._own_fetchers: list[Fetcher] = []
        if fetcher is None:
            fetcher = StaticFetcher(settings)
            self._own_fetchers.append(fetcher)
        self.fetcher = fetcher
        self._browser: Fetcher | None = None
        self.log = log or (lambda message: None)
        self._judge: _Judge | None = None
        self._notices: dict[str, Notice | str] = {}
        self._frame_links: dict[str, list[Link]] = {}
        self._robots: dict[str, RobotFileParser] = {}

    @property
    def judge(self) -> _Judge:
        if self._judge is None:
            self._judge = _Judge()
        return self._judge

    def close(self) -> None:
        for fetcher in self._own_fetchers:
            fetcher.close()

    def _browser_fetcher(self) -> Fetcher:
        if self._browser is None:
            from .browser import BrowserFetcher

            self._browser = BrowserFetcher(self.settings)
            self._own_fetchers.append(self._browser)
        return self._browser

    def _fetch_page(self, url: str) -> Fetched:
        if self.settings.engine == "browser" and urlsplit(url).scheme in ("http", "https", "file"):
            return self._browser_fetcher().fetch(url)
        return self.fetcher.fetch(url)

    # --- one page ---------------------------------------------------------------------------

    def scan_page(self, given: str, url: str) -> tuple[PageModel, list[Finding], Fetched]:
        fetched = self._fetch_page(url)
        page = PageModel(url=given, status=fetched.status, final_url=fetched.final_url or url,
                         http_status=fetched.http_status, error=fetched.error,
                         bytes_read=fetched.bytes_read)
        if not fetched.readable:
            return page, [], fetched
        budget = _AnalysisBudget(self.settings.analysis_timeout)
        try:
            with budget:
                model = self._extract(given, fetched)
                # Script-built page: forms absent from the markup but scripts present.
                script_built = not model.forms and bool(model.script_urls or model.inline_scripts)
                if script_built and self.settings.engine == "static":
                    # Say so: "no finding" must not read as "nothing to find" (an embed.js form).
                    model.notes.append(f"No form in the markup of {given}, but it runs scripts that may "
                                       "build one: --engine auto or --engine browser would see it.")
                if script_built and self.settings.engine == "auto":
                    with budget.paused():  # the browser has its own watchdog
                        try:
                            rendered: Fetched | None = self._browser_fetcher().fetch(url)
                        except EngineUnavailable as exc:
                            rendered = None
                            model.notes.append(f"{given} may build its forms by script, but {exc}")
                    if rendered is not None and rendered.readable:
                        fetched = rendered
                        model = self._extract(given, fetched)
                    elif rendered is not None:
                        model.notes.append(f"The browser could not render {given}: {rendered.error}")
                self._load_frames(model, fetched)
                self._load_notices(model)
                model.trackers = _dedupe(model.trackers + find_trackers(
                    model.final_url, model.script_urls, model.inline_scripts))
                findings = list(self.judge.judge(model))
        except AnalysisTimeout:
            page.status = PageStatus.TIMEOUT
            page.error = (f"{given} took longer than {self.settings.analysis_timeout:g} s to analyse "
                          "(a pathological page); it was not judged.")
            return page, [], fetched
        except ImportError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the scan (module doc)
            page.error = f"{given} could not be analysed: {type(exc).__name__}: {exc}."
            page.notes.append(page.error)
            self.log(f"unbundle: internal error on {given}: {type(exc).__name__}: {exc}")
            return page, [], fetched
        for finding in findings:
            finding.page = given
        return model, findings, fetched

    def _extract(self, given: str, fetched: Fetched) -> PageModel:
        base = fetched.final_url or fetched.url
        model = self.judge.extract_page(fetched.html, base)
        model.url = given
        model.status = fetched.status
        model.final_url = base
        model.http_status = fetched.http_status
        model.error = fetched.error
        model.bytes_read = fetched.bytes_read
        for request in fetched.requests:  # browser engine: what the page asked for when it ran
            if request not in model.script_urls:
                model.script_urls.append(request)
        _apply_submit_probes(model, fetched.submit_probes)
        return model

    def _load_frames(self, model: PageModel, fetched: Fetched) -> None:
        """Load the page's iframes (depth 0) and attach their forms to the outer page."""
        # The extractor lists every iframe; keep in ``frames`` only those that were loaded and
        # held forms (model.py). Media players and trackers are never loaded.
        candidates = list(dict.fromkeys(model.frames + iframe_urls(fetched.html, model.final_url)))
        model.frames = []
        frames = [u for u in candidates
                  if site_of(urlsplit(u).hostname) not in _MEDIA_SITES and not _MEDIA_URL.match(u)
                  and not matching_list(u, model.final_url)]
        for frame_url in frames[: self.settings.max_frames]:
            framed = self.fetcher.fetch(frame_url)
            if not framed.readable:
                model.notes.append(f"The iframe {frame_url} could not be read: {framed.error}")
                continue
            inner = self.judge.extract_page(framed.html, framed.final_url or frame_url)
            if not inner.forms:
                continue
            model.frames.append(frame_url)
            self._frame_links[frame_url] = list(inner.links)
            for form in inner.forms:
                form.frame = frame_url
                form.index = len(model.forms)
                model.forms.append(form)
            # The frame's own trackers also watch the person filling its form.
            model.trackers = _dedupe(model.trackers + find_trackers(
                framed.final_url or frame_url, inner.script_urls, inner.inline_scripts))

    def _load_notices(self, model: PageModel) -> None:
        """Follow each in-scope form's privacy (else legal) link: one hop, same site only."""
        for form in model.forms:
            if not form.in_scope:
                continue
            page_links = self._frame_links.get(form.frame, []) if form.frame else model.links
            link = _notice_link(form, page_links)
            origin = form.frame or model.final_url
            if not link or not same_site(link, origin):
                continue
            notice = self._notice(link)
            if isinstance(notice, str):
                if notice not in model.notes:
                    model.notes.append(notice)
            elif all(n.url != notice.url for n in model.notices):
                model.notices.append(notice)

    def _notice(self, url: str) -> Notice | str:
        if url not in self._notices:
            fetched = self.fetcher.fetch(url)
            if fetched.readable:
                text = self.judge.notice_text(fetched.html, fetched.final_url or url)
                self._notices[url] = Notice(url=url, text=text, linked=True)
            else:
                self._notices[url] = f"The privacy notice {url} could not be read: {fetched.error}"
        return self._notices[url]

    # --- many pages -------------------------------------------------------------------------

    def _robots_allow(self, url: str) -> bool:
        """robots.txt of the link's origin, read once per scan; no file (or none readable)
        means no restriction, as the Robots Exclusion Protocol says (RFC 9309 §2.3.1.3)."""
        if not self.settings.robots:
            return True
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return True
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            fetched = self.fetcher.fetch(origin + "/robots.txt")
            parser = RobotFileParser()
            parser.parse(fetched.text.splitlines() if fetched.text else [])
            self._robots[origin] = parser
        return self._robots[origin].can_fetch(ROBOTS_AGENT, url)

    def run(self, targets: Sequence[str]) -> ScanResult:
        pages: list[PageModel] = []
        findings: list[Finding] = []
        queue: deque[tuple[str, str, int]] = deque()
        seen: set[str] = set()
        for target in targets:
            url = target_url(target)
            if url not in seen:
                seen.add(url)
                queue.append((target, url, 0))
        page_budget = max(self.settings.max_pages, len(queue))  # the targets are always judged
        while queue and len(pages) < page_budget:
            given, url, depth = queue.popleft()
            self.log(f"scanning {given}")
            page, page_findings, fetched = self.scan_page(given, url)
            if page.status == PageStatus.FETCH_ERROR and _looks_like_a_host(given):
                page.error += f" Did you mean {_scheme_for(given)}://{given}?"
            pages.append(page)
            findings.extend(page_findings)
            if depth < self.settings.depth and fetched.readable:
                for link in page_links(fetched.html, fetched.final_url or url):
                    if link not in seen:
                        seen.add(link)
                        if self._robots_allow(link):
                            queue.append((link, link, depth + 1))
        return ScanResult(pages=pages, findings=findings, engine=self.settings.engine)


def _apply_submit_probes(model: PageModel, probes: list[dict]) -> None:
    """Give each form the boxes its script insists on (browser engine). A DOM form is matched to
    the extracted form whose field names it shares most."""
    for probe in probes:
        blocked = [n for n in probe.get("blocked", []) if n]
        if not blocked:
            continue
        names = set(probe.get("names", []))
        best = max(model.forms, default=None,
                   key=lambda f: len(names & {c.name for c in f.controls if c.name}))
        if best is not None and names & {c.name for c in best.controls}:
            best.blocked_submit = list(dict.fromkeys([*best.blocked_submit, *blocked]))


_HOST_LIKE = re.compile(
    r"(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|(?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d{1,5})?", re.I)
_FILE_ENDINGS = (".html", ".htm", ".xhtml", ".txt", ".pdf")


def _host_part(target: str) -> str:
    return re.split(r"[/?#]", target, maxsplit=1)[0]


def _looks_like_a_host(target: str) -> bool:
    """A target typed without its scheme ("parti.fr/soutien", "127.0.0.1:8765/page.html") that
    is not a local file (the caller only asks when no such file could be read)."""
    host = _host_part(target)
    return ("://" not in target and not host.lower().endswith(_FILE_ENDINGS)
            and bool(_HOST_LIKE.fullmatch(host)))


def _scheme_for(target: str) -> str:
    """http for loopback (a local test server rarely has TLS), https everywhere else."""
    return "http" if is_loopback(_host_part(target).rsplit(":", 1)[0]) else "https"


def _dedupe(trackers: list[dict[str, str]]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for tracker in trackers:
        if tracker not in out:
            out.append(tracker)
    return out


def scan(targets: Sequence[str], settings: Settings = DEFAULT_SETTINGS,
         fetcher: Fetcher | None = None, log: Callable[[str], None] | None = None) -> ScanResult:
    """Scan ``targets`` (URLs or local paths) and judge every page; never raises for a page."""
    scanner = Scanner(settings, fetcher, log)
    try:
        return scanner.run(targets)
    finally:
        scanner.close()


def stderr_log(message: str) -> None:
    print(message, file=sys.stderr)
