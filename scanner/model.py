"""Plain, serialisable models: what extraction produces and what rules judge.

Fetching (static or browser) produces a DOM; ``scanner.extract`` turns it into these models;
rules judge them without importing bs4 or Playwright. A snapshot of PageModels can be re-judged
without re-crawling (``dataclasses.asdict`` / ``from_dict``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class PageStatus(StrEnum):
    OK = "ok"
    HTTP_ERROR = "http-error"  # 4xx / 5xx
    FETCH_ERROR = "fetch-error"  # DNS, connection refused, TLS
    TIMEOUT = "timeout"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    NOT_HTML = "not-html"  # binary or non-HTML content
    TRUNCATED = "truncated"  # larger than the size cap: judged on what was read


@dataclass
class Option:
    """One choice of a radio group or select."""

    value: str
    label: str
    selected: bool = False
    disabled: bool = False
    defaulted: bool = False
    """Selected only because a single select with no ``selected`` option shows its first one."""


@dataclass
class Control:
    kind: str
    """checkbox | radio | select | hidden | text | email | tel | textarea | submit | button | other"""
    name: str = ""
    value: str = ""
    label: str = ""
    """Accessible name: label[for], wrapping label, aria-label(ledby), title, neighbouring text."""
    required: bool = False
    required_by: str = ""
    """attribute | aria | plugin-class | script — why we think it is required."""
    checked: bool = False
    """Default state: checked box, or a radio group / select with a non-placeholder pre-selection."""
    visible: bool = True
    hidden_by: str = ""
    """type=hidden | hidden | display:none | visibility:hidden | …"""
    options: list[Option] = field(default_factory=list)
    selector: str = ""
    html: str = ""
    """Outer HTML cut to a readable size (evidence)."""
    input_type: str = ""
    """The raw ``type`` of an input (password, search, date…), "" for select and textarea."""
    group_label: str = ""
    """For a box in a group: the group's question (fieldset legend, radiogroup label)."""
    autocomplete: str = ""
    """The ``autocomplete`` token(s), a hint of what data the field holds (HTML spec 4.10.18.7)."""
    value_of: str = ""
    """For a hidden input: the selector of the custom widget (``role=checkbox``/``switch``) beside
    it whose state it carries to the server, "" when it stands alone."""


@dataclass
class Link:
    url: str
    text: str
    kind: str = ""
    """privacy | legal | other"""
    near: bool = True
    """False for the page's own privacy/legal link added to a form that has none near it."""


@dataclass
class FormModel:
    index: int
    selector: str
    action: str = ""
    """Absolute URL the form submits to ("" for script-driven groups with no action)."""
    method: str = "get"
    controls: list[Control] = field(default_factory=list)
    heading: str = ""
    """The nearest heading(s) above the form."""
    submit_text: str = ""
    small_print: list[str] = field(default_factory=list)
    """Sentences in and right around the form (above/below the submit button)."""
    links: list[Link] = field(default_factory=list)
    """Links in and near the form (privacy notice, legal notice)."""
    frame: str = ""
    """URL of the iframe document that holds the form, "" when it is on the page itself."""
    core_action: str | None = None
    """A scanner.vocabulary.CoreAction value, or None for out-of-scope forms."""
    in_scope: bool = True
    """False for search, log-in and site-preference forms (rules.md, Scope)."""
    blocked_submit: list[str] = field(default_factory=list)
    """Names of controls a script refuses to submit without (inline validation scripts read by
    extraction, or the browser engine)."""
    lang: str = ""
    """Language of the document that holds the form (``<html lang>``), "" when unknown."""
    hints: str = ""
    """Words from the form's id, class, name and action URL (e.g. "search-form", "newsletter")."""


@dataclass
class Notice:
    """Data-protection text: inline near a form, or a linked privacy/legal page."""

    url: str
    """The page the text came from (the form's page for inline text)."""
    text: str
    linked: bool = False


@dataclass
class PageModel:
    url: str
    """The URL or file path as the user gave it (findings are reported on it)."""
    status: PageStatus = PageStatus.OK
    final_url: str = ""
    http_status: int | None = None
    error: str = ""
    forms: list[FormModel] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    """Linked privacy/legal pages fetched for this page (one hop, same site)."""
    script_urls: list[str] = field(default_factory=list)
    """Absolute URLs of scripts, pixels and iframes the page references or requests."""
    inline_scripts: list[str] = field(default_factory=list)
    """Inline <script> texts (cut to a sensible size), for well-known tracker snippets."""
    trackers: list[dict[str, str]] = field(default_factory=list)
    """Known trackers found on the page: {"url" or "snippet", "name", "list"}."""
    frames: list[str] = field(default_factory=list)
    """Iframe URLs that were loaded because they may hold forms."""
    bytes_read: int = 0
    lang: str = ""
    """``<html lang>`` of the page, "" when absent."""
    links: list[Link] = field(default_factory=list)
    """Privacy and legal-notice links anywhere on the page (footer included), absolute."""
    title: str = ""
    """The document's ``<title>``."""
    notes: list[str] = field(default_factory=list)
    """What the scan could not check on this page (a privacy notice or iframe that could not be
    read), in full sentences naming the URL. Filled by scanner.scan; reports show them."""


@dataclass
class Evidence:
    selector: str = ""
    html: str = ""
    text: str = ""
    frame: str = ""
    """iframe or notice URL when the evidence is not on the page itself."""


@dataclass
class Finding:
    rule: str
    severity: str
    page: str
    form: int | None
    message: str
    basis: str
    evidence: Evidence = field(default_factory=Evidence)


def to_dict(obj: Any) -> Any:
    return asdict(obj)
