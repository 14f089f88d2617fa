"""Third-party tracker detection: EasyPrivacy rules through a real filter-list engine, plus a
small table of well-known inline snippets.

rules.md, ``third-party-tracking``: "the page references a known tracker (script, pixel or iframe
URL, or a well-known inline snippet) or requests one when it runs; the request need not
succeed". So trackers are found from the markup (``PageModel.script_urls`` and
``inline_scripts``) or, with the browser engine, from the requests the page made; nothing is
downloaded, neither the trackers nor the list (it ships in ``scanner/data``, see its README for
source, commits and licence).

Only third-party requests count: a URL on the page's own registrable domain is the campaign's
own server (a self-hosted Matomo, for one, which the CNIL accepts without consent when it is
configured to measure audience only; deliberation 2020-091 art. 5). For the same reason the
Matomo inline snippet (``_paq.push``) is not in the snippet table: its tracker URL is what tells
whether it is self-hosted, and a ``matomo.cloud`` URL is caught by the list.

Links to social networks are ``<a href>`` and never reach this module; public CDNs (jsdelivr,
cdnjs, unpkg) are not in the list except for specific tracking scripts they host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import adblock

LISTS = {"EasyPrivacy": "easyprivacy_subset.txt", "unbundle": "unbundle_trackers.txt"}
"""List name (as reported) -> file in scanner/data, in the order they are consulted."""
SNIPPET_LIST = "unbundle-snippets"

# Request types tried for a URL whose element we do not know (a script_url may be a script, a
# pixel or an iframe): a rule restricted to one type still matches its own kind of request.
_REQUEST_TYPES = ("script", "image", "sub_frame")

# Vendors, for readable reports: registrable domain -> name. Unknown domains are named by domain.
VENDORS: dict[str, str] = {
    "google-analytics.com": "Google Analytics",
    "googletagmanager.com": "Google Tag Manager / gtag",
    "googleadservices.com": "Google Ads",
    "doubleclick.net": "Google Ads (DoubleClick)",
    "google.com": "Google",
    "facebook.net": "Meta pixel",
    "facebook.com": "Meta pixel",
    "instagram.com": "Instagram",
    "ads-twitter.com": "X (Twitter) pixel",
    "twitter.com": "X (Twitter) pixel",
    "licdn.com": "LinkedIn Insight",
    "linkedin.com": "LinkedIn Insight",
    "tiktok.com": "TikTok pixel",
    "snapchat.com": "Snapchat pixel",
    "sc-static.net": "Snapchat pixel",
    "pinterest.com": "Pinterest tag",
    "pinimg.com": "Pinterest tag",
    "bing.com": "Microsoft Ads (Bing UET)",
    "clarity.ms": "Microsoft Clarity",
    "hotjar.com": "Hotjar",
    "hotjar.io": "Hotjar",
    "matomo.cloud": "Matomo (cloud)",
    "yandex.ru": "Yandex Metrica",
    "yandex.com": "Yandex Metrica",
    "hubspot.com": "HubSpot",
    "mixpanel.com": "Mixpanel",
    "ngpvan.com": "NGP VAN",
    "everyaction.com": "EveryAction",
    "crowdskout.com": "Crowdskout",
}


@dataclass(frozen=True)
class Snippet:
    name: str
    pattern: re.Pattern[str]
    marker: str
    """What the report quotes as evidence (the call the pattern found)."""


# Well-known inline snippets (the vendors' documented install code). Each pattern is the call
# that configures the tracker, not a mere mention of its name.
SNIPPETS: tuple[Snippet, ...] = (
    Snippet("Meta pixel", re.compile(r"""\bfbq\(\s*['"]init['"]"""), "fbq('init'"),
    Snippet("Google tag (Analytics / Ads)", re.compile(r"""\bgtag\(\s*['"]config['"]"""), "gtag('config'"),
    Snippet("Google Tag Manager", re.compile(r"googletagmanager\.com/(?:gtm|gtag)"), "googletagmanager.com"),
    Snippet("Google Analytics (analytics.js)", re.compile(r"""\bga\(\s*['"]create['"]"""), "ga('create'"),
    Snippet("TikTok pixel", re.compile(r"\bttq\.load\("), "ttq.load("),
    Snippet("X (Twitter) pixel", re.compile(r"""\btwq\(\s*['"](?:init|config)['"]"""), "twq("),
    Snippet("LinkedIn Insight", re.compile(r"\b_linkedin_partner_id\b"), "_linkedin_partner_id"),
    Snippet("Snapchat pixel", re.compile(r"""\bsnaptr\(\s*['"]init['"]"""), "snaptr('init'"),
    Snippet("Pinterest tag", re.compile(r"""\bpintrk\(\s*['"]load['"]"""), "pintrk('load'"),
    Snippet("Hotjar", re.compile(r"static\.hotjar\.com|\b_hjSettings\b"), "hotjar"),
)

# URLs written inside inline scripts (loaders build <script src> from a string literal).
_URL_IN_SCRIPT = re.compile(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}(?:/[^\s'"<>\\)]*)?""", re.I)

# Public suffixes of more than one label that campaign sites in our languages use. Enough to
# tell "www.parti.fr" from "cdn.parti.fr" (same site) and "a.co.uk" from "b.co.uk" (not).
_MULTI_LABEL_SUFFIXES = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp",
    "com.br", "com.mx", "co.za", "com.tr", "com.cn", "gouv.fr", "asso.fr", "nom.fr",
    "co.at", "or.at", "com.es", "org.es", "com.pt", "co.it", "blogspot.com", "github.io",
    "netlify.app", "vercel.app", "herokuapp.com", "pages.dev", "workers.dev", "cloudfront.net",
    "azurewebsites.net", "appspot.com",
})


def site_of(host: str | None) -> str:
    """The registrable domain (eTLD+1) of a host, approximately; the host itself for IPs."""
    host = (host or "").strip("[]").lower().rstrip(".")
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return host
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _MULTI_LABEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_third_party(url: str, page_url: str) -> bool:
    try:
        target = urlsplit(url)
        page = urlsplit(page_url)
    except ValueError:
        return False
    if target.scheme not in ("http", "https", ""):
        return False
    if not target.hostname:
        return False
    return site_of(target.hostname) != site_of(page.hostname)


def vendor(url: str) -> str:
    domain = site_of(urlsplit(url).hostname)
    return VENDORS.get(domain, domain)


@lru_cache(maxsize=1)
def engines() -> dict[str, adblock.Engine]:
    """One filter engine per shipped list, built once per process."""
    data = resources.files("scanner") / "data"
    built = {}
    for name, filename in LISTS.items():
        filters = adblock.FilterSet()
        filters.add_filter_list((data / filename).read_text(encoding="utf-8"))
        built[name] = adblock.Engine(filters, optimize=True)
    return built


def matching_list(url: str, page_url: str) -> str | None:
    """The name of the list that calls this third-party URL a tracker, or None."""
    if not is_third_party(url, page_url):
        return None
    if url.startswith("//"):
        url = "https:" + url
    # A local file has no site: any web URL it references is third-party (checked above).
    source = page_url if urlsplit(page_url).scheme in ("http", "https") else "https://local.invalid/"
    for name, eng in engines().items():
        try:
            if any(eng.check_network_urls(url, source, kind).matched for kind in _REQUEST_TYPES):
                return name
        except Exception:  # noqa: BLE001 - a URL the engine cannot parse is simply not a match
            return None
    return None


def find_trackers(page_url: str, urls: list[str], inline_scripts: list[str]) -> list[dict[str, str]]:
    """Known trackers referenced by a document: ``{"url" | "snippet", "name", "list"}`` each.

    ``urls`` are the script, pixel and iframe URLs (or, with the browser, every request made);
    ``inline_scripts`` the texts of inline scripts. One entry per URL and per snippet kind.
    """
    found: list[dict[str, str]] = []
    seen: set[str] = set()
    # URLs pulled from raw markup (a <noscript> pixel) may still carry entities (&amp;).
    candidates = [unescape(u) for u in urls]
    for script in inline_scripts:
        candidates.extend(m.group(0) for m in _URL_IN_SCRIPT.finditer(script))
    for url in candidates:
        if url in seen:
            continue
        seen.add(url)
        listed = matching_list(url, page_url)
        if listed:
            found.append({"url": url, "name": vendor(url), "list": listed})
    names: set[str] = set()
    for script in inline_scripts:
        for snippet in SNIPPETS:
            if snippet.name not in names and snippet.pattern.search(script):
                names.add(snippet.name)
                found.append({"snippet": snippet.marker, "name": snippet.name, "list": SNIPPET_LIST})
    return found
