"""Fetching pages: one settings object, a fetcher interface, a static and a fake implementation.

A fetcher never raises for a bad page. Every failure (HTTP error, refused connection, timeout,
redirect loop, binary body, oversized body) comes back as a :class:`Fetched` whose ``status`` is
a :class:`~scanner.model.PageStatus`, so that one hostile page can neither crash nor hang a scan
of many. Decoding follows the order of the HTML standard's encoding sniffing: byte order mark,
then the HTTP ``charset``, then a ``<meta charset>`` in the first bytes, then UTF-8 if the bytes
are valid UTF-8, else windows-1252 (what browsers fall back to for Western European pages).

The browser engine (``scanner.browser``) implements the same interface.
"""

from __future__ import annotations

import codecs
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import httpx

from . import __version__
from .hosts import is_loopback  # noqa: F401 - re-exported for scan and browser
from .model import PageStatus

USER_AGENT = f"unbundle/{__version__} (consent scanner; +https://github.com/unbundle/unbundle)"


@dataclass(frozen=True)
class Settings:
    """Everything that bounds a scan. The defaults suit a handful of campaign pages.

    Each fetch is bounded three ways: ``timeout`` per network operation (connect, each read),
    ``deadline`` for the whole page including redirects (a server that trickles one byte a second
    never times out a read, but hits the deadline), and ``max_bytes`` read (the rest is not read;
    the page is judged on what was read and reported as ``truncated``).
    """

    timeout: float = 10.0
    """Seconds for one network operation (connecting, waiting for the next bytes)."""
    deadline: float = 30.0
    """Seconds for one page in total, redirects included."""
    max_bytes: int = 5 * 1024 * 1024
    """Bytes read from one response; campaign pages are far smaller, a 50 MB page is hostile."""
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    delay: float = 0.5
    """Seconds between two requests to the same non-loopback host (politeness)."""
    depth: int = 0
    """Links followed from each target (0: only the targets; see ``scanner.scan``)."""
    max_pages: int = 50
    """Pages judged in one scan, targets included (linked notices and iframes not counted)."""
    max_frames: int = 5
    """Iframes loaded per page to look for forms."""
    robots: bool = True
    """Obey robots.txt when crawling (``depth`` > 0). The targets themselves are always read:
    the user named them."""
    engine: str = "static"
    """static | browser | auto."""
    browser_wait: float = 3.0
    """Browser engine: seconds to let scripts run after the load event."""
    analysis_timeout: float = 60.0
    """Seconds to analyse one page once fetched (extraction, judging, its notices and iframes):
    a pathological page (tens of thousands of forms) is reported as ``timeout``, not waited for."""
    block_remote: bool = False
    """Browser engine: refuse requests to non-loopback hosts (tests; an offline check of a
    local copy). The requests are still recorded, so trackers are still found."""


DEFAULT_SETTINGS = Settings()


@dataclass
class Fetched:
    """What a fetch produced: decoded HTML, or the status that says why there is none."""

    url: str
    """The URL as requested (for a local file: its file:// URL)."""
    status: PageStatus = PageStatus.OK
    final_url: str = ""
    http_status: int | None = None
    content_type: str = ""
    html: str = ""
    """Decoded document ("" when the status says it could not be read)."""
    encoding: str = ""
    bytes_read: int = 0
    error: str = ""
    """A full sentence naming the URL, for statuses other than ok."""
    requests: list[str] = field(default_factory=list)
    """URLs the page requested while it ran (browser engine only)."""
    text: str = ""
    """Decoded body of a plain-text response (robots.txt), which is not a page to judge."""
    submit_probes: list[dict] = field(default_factory=list)
    """Browser engine: per ``<form>`` of the DOM, ``{"names": [...], "blocked": [...]}``, the
    names of its fields and of the checkboxes its script refuses to submit without."""

    @property
    def readable(self) -> bool:
        """True when there is a document to judge (complete or truncated)."""
        return self.status in (PageStatus.OK, PageStatus.TRUNCATED)


class Fetcher(Protocol):
    """Anything that turns a URL (http, https or file) into a :class:`Fetched`, never raising."""

    def fetch(self, url: str) -> Fetched: ...

    def close(self) -> None: ...


# --- errors -----------------------------------------------------------------------------------


class ScanError(Exception):
    """Base class of the scanner's errors a user can act on (not page failures: those are
    statuses). ``exit_code`` is what the command line exits with."""

    exit_code = 1


class EngineUnavailable(ScanError):
    """The engine asked for cannot run here (no Chromium, or it did not start)."""


# --- URLs and local files ---------------------------------------------------------------------


def target_url(target: str) -> str:
    """The URL to fetch for a target as the user gave it: a URL as is, a local path as file://."""
    scheme = urlsplit(target).scheme.lower()
    if scheme in ("http", "https", "file"):
        return target
    return Path(target).expanduser().resolve().as_uri()




# --- decoding -----------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# WHATWG Encoding: these labels all mean windows-1252 in a browser, which is what the author saw.
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_of(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", content_type or "", re.I)
    return match.group(1) if match else None


def decode(body: bytes, content_type: str = "") -> tuple[str, str]:
    """Decode an HTML body; returns (text, codec name). Never raises."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode(name, errors="replace"), name
    for label in (charset_of(content_type), _meta_charset(body)):
        name = _codec(label)
        if name:
            # A page that declares UTF-16 in a <meta> is ASCII-compatible on the wire (HTML spec).
            if name.startswith("utf_16") or name.startswith("utf-16"):
                name = "utf-8"
            return body.decode(name, errors="replace"), name
    try:
        # Not final: a body cut in the middle of a character at the size cap is still UTF-8.
        text = codecs.getincrementaldecoder("utf-8")().decode(body, final=False)
        return text, "utf-8"
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace"), "cp1252"


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


# --- what is HTML -------------------------------------------------------------------------------

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")


def looks_binary(body: bytes) -> bool:
    """True for bodies no HTML author wrote: NUL bytes or many control bytes in the first 4 KB."""
    head = body[:4096]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 20


def _not_html_reason(content_type: str, body: bytes) -> str | None:
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime and mime not in _HTML_TYPES:
        return f"it is served as {mime}, not HTML"
    if looks_binary(body):
        return "its content is binary although it is served as HTML" if mime else "its content is binary"
    return None


def _finish(fetched: Fetched, body: bytes, truncated: bool, settings: Settings) -> Fetched:
    """Classify and decode a body that was read (the status so far is ok)."""
    fetched.bytes_read = len(body)
    reason = _not_html_reason(fetched.content_type, body)
    if reason and fetched.content_type.split(";", 1)[0].strip().lower() == "text/plain" and not looks_binary(body):
        fetched.text = decode(body, fetched.content_type)[0]
    if reason:
        fetched.status = PageStatus.NOT_HTML
        fetched.error = f"{fetched.url} is not an HTML page: {reason}."
        return fetched
    fetched.html, fetched.encoding = decode(body, fetched.content_type)
    if truncated:
        fetched.status = PageStatus.TRUNCATED
        fetched.error = (
            f"{fetched.url} is larger than {settings.max_bytes} bytes; "
            "only the first part was read and judged."
        )
    return fetched


# --- the static fetcher -------------------------------------------------------------------------


class StaticFetcher:
    """Plain HTTP(S) with httpx, and local files. Redirects are followed here, one hop at a time,
    so that loops are caught and the per-page deadline covers the whole chain."""

    def __init__(self, settings: Settings = DEFAULT_SETTINGS):
        self.settings = settings
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
            trust_env=False,  # a proxy from the environment must not redirect a watchdog's requests
        )
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> StaticFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> Fetched:
        try:
            scheme = urlsplit(url).scheme.lower()
        except ValueError:
            return Fetched(url, PageStatus.FETCH_ERROR, error=f"{url!r} is not a valid URL.")
        if scheme == "file":
            return self._read_file(url)
        if scheme not in ("http", "https"):
            return Fetched(
                url, PageStatus.FETCH_ERROR,
                error=f"{url} cannot be fetched: only http, https and local files are supported.",
            )
        try:
            return self._fetch_http(url)
        except Exception as exc:  # noqa: BLE001 - a fetch reports, it never raises (module doc)
            return Fetched(url, PageStatus.FETCH_ERROR, final_url=url,
                           error=f"{url} could not be fetched: {type(exc).__name__}: {exc}.")

    def _read_file(self, url: str) -> Fetched:
        parts = urlsplit(url)
        path = Path(url2pathname(unquote(parts.path)))
        fetched = Fetched(url, final_url=url)
        try:
            with path.open("rb") as handle:
                body = handle.read(self.settings.max_bytes + 1)
        except OSError as exc:
            fetched.status = PageStatus.FETCH_ERROR
            fetched.error = f"{path}: {exc.strerror or exc}."  # reports say "could not be read"
            return fetched
        truncated = len(body) > self.settings.max_bytes
        body = body[: self.settings.max_bytes]
        if path.suffix.lower() in (".html", ".htm", ".xhtml", ""):
            fetched.content_type = "text/html"
        return _finish(fetched, body, truncated, self.settings)

    def _pause(self, host: str) -> None:
        if self.settings.delay <= 0 or is_loopback(host):
            return
        last = self._last_request.get(host)
        if last is not None:
            wait = self.settings.delay - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _fetch_http(self, url: str) -> Fetched:
        settings = self.settings
        deadline = time.monotonic() + settings.deadline
        fetched = Fetched(url)
        current, seen = url, {url}
        for _hop in range(settings.max_redirects + 1):
            fetched.final_url = current
            self._pause(urlsplit(current).hostname or "")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return self._timed_out(fetched)
            timeout = httpx.Timeout(min(settings.timeout, remaining))
            try:
                with self._client.stream("GET", current, timeout=timeout) as response:
                    fetched.http_status = response.status_code
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        nxt = urljoin(current, location)
                        if urlsplit(nxt).scheme not in ("http", "https"):
                            fetched.status = PageStatus.FETCH_ERROR
                            fetched.error = f"{url} redirects to {nxt!r}, which is not a web page."
                            return fetched
                        if nxt in seen:
                            fetched.status = PageStatus.TOO_MANY_REDIRECTS
                            fetched.error = f"{url} redirects in a loop (back to {nxt})."
                            return fetched
                        seen.add(nxt)
                        current = nxt
                        continue
                    if response.status_code >= 400:
                        fetched.status = PageStatus.HTTP_ERROR
                        fetched.error = f"{current} answered HTTP {response.status_code} {response.reason_phrase}."
                        return fetched
                    fetched.content_type = response.headers.get("content-type", "")
                    body, truncated = self._read_body(response, deadline)
                    if body is None:
                        return self._timed_out(fetched)
                    return _finish(fetched, body, truncated, settings)
            except httpx.TimeoutException:
                return self._timed_out(fetched)
            except (httpx.HTTPError, OSError) as exc:
                fetched.status = PageStatus.FETCH_ERROR
                fetched.error = f"{current} could not be fetched: {_describe(exc)}."
                return fetched
        fetched.status = PageStatus.TOO_MANY_REDIRECTS
        fetched.error = f"{url} redirects more than {settings.max_redirects} times."
        return fetched

    def _read_body(self, response: httpx.Response, deadline: float) -> tuple[bytes | None, bool]:
        """Read at most max_bytes before the deadline; (None, _) when the deadline passed."""
        limit = self.settings.max_bytes
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                return b"".join(chunks)[:limit], True
            if time.monotonic() > deadline:
                return None, False
        return b"".join(chunks), False

    def _timed_out(self, fetched: Fetched) -> Fetched:
        fetched.status = PageStatus.TIMEOUT
        fetched.error = (
            f"{fetched.final_url or fetched.url} did not answer in time "
            f"({self.settings.timeout:g} s per read, {self.settings.deadline:g} s per page)."
        )
        return fetched


def _describe(exc: BaseException) -> str:
    if isinstance(exc, httpx.ConnectError):
        return f"the connection failed ({exc})"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


# --- the fake fetcher ---------------------------------------------------------------------------


class FakeFetcher:
    """Serves pages from a dict, for tests of the pipeline that need no server.

    Values are HTML strings (served as ok) or ready :class:`Fetched` records (any status).
    Unknown URLs come back as fetch errors, as a missing host would. ``requested`` lists every
    URL asked for, in order.
    """

    def __init__(self, pages: dict[str, str | Fetched]):
        self.pages = dict(pages)
        self.requested: list[str] = []

    def fetch(self, url: str) -> Fetched:
        self.requested.append(url)
        page = self.pages.get(url)
        if page is None:
            return Fetched(url, PageStatus.FETCH_ERROR, final_url=url,
                           error=f"{url} could not be fetched: no such page in the fake fetcher.")
        if isinstance(page, Fetched):
            return page
        return Fetched(url, final_url=url, http_status=200, content_type="text/html; charset=utf-8",
                       html=page, encoding="utf-8", bytes_read=len(page.encode()))

    def close(self) -> None:
        pass


def make_fetcher(settings: Settings = DEFAULT_SETTINGS) -> Fetcher:
    """The fetcher for ``settings.engine`` (the browser one is imported only when asked for)."""
    if settings.engine in ("browser", "auto"):
        from .browser import BrowserFetcher

        return BrowserFetcher(settings)
    return StaticFetcher(settings)
