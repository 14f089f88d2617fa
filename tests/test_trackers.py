"""Tracker detection: EasyPrivacy rules through the adblock engine, inline snippets, and the
look-alikes that must stay quiet (first-party analytics, public CDNs, social links)."""

from __future__ import annotations

import pytest

from scanner.trackers import SNIPPETS, engines, find_trackers, is_third_party, matching_list, site_of

PAGE = "https://www.claire-morin.example/je-soutiens"


@pytest.mark.parametrize(("url", "name"), [
    ("https://www.googletagmanager.com/gtag/js?id=G-ABC123", "Google Tag Manager / gtag"),
    ("https://www.googletagmanager.com/gtm.js?id=GTM-XYZ", "Google Tag Manager / gtag"),
    ("https://www.google-analytics.com/analytics.js", "Google Analytics"),
    ("https://connect.facebook.net/en_US/fbevents.js", "Meta pixel"),
    ("https://www.facebook.com/tr?id=123&ev=PageView&noscript=1", "Meta pixel"),
    ("https://analytics.tiktok.com/i18n/pixel/events.js", "TikTok pixel"),
    ("https://static.ads-twitter.com/uwt.js", "X (Twitter) pixel"),
    ("https://snap.licdn.com/li.lms-analytics/insight.min.js", "LinkedIn Insight"),
    ("https://px.ads.linkedin.com/collect/?pid=1&fmt=gif", "LinkedIn Insight"),
    ("https://static.hotjar.com/c/hotjar-123.js?sv=6", "Hotjar"),
    ("https://bat.bing.com/bat.js", "Microsoft Ads (Bing UET)"),
    ("https://www.clarity.ms/tag/abc", "Microsoft Clarity"),
    ("https://campagne.matomo.cloud/matomo.js", "Matomo (cloud)"),
    ("//www.google-analytics.com/analytics.js", "Google Analytics"),  # scheme-relative
])
def test_known_trackers_are_found(url, name):
    found = find_trackers(PAGE, [url], [])
    assert [t["name"] for t in found] == [name], found
    assert found[0]["url"] == url and found[0]["list"] in ("EasyPrivacy", "unbundle")


@pytest.mark.parametrize("url", [
    "https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js",
    "https://unpkg.com/htmx.org@1.9.12",
    "https://www.claire-morin.example/wp-content/plugins/analytics/analytics.js",  # first party
    "https://stats.claire-morin.example/matomo.js",  # self-hosted Matomo: same site
    "https://www.youtube-nocookie.com/embed/abc",
    "https://www.google.com/recaptcha/api.js",
    "https://fonts.googleapis.com/css2?family=Inter",
])
def test_look_alikes_are_not_trackers(url):
    assert find_trackers(PAGE, [url], []) == []


def test_first_party_copy_of_a_tracker_script_is_not_third_party():
    # The same Google Analytics path served by the campaign's own domain is not a third party.
    assert not matching_list("https://www.claire-morin.example/analytics.js", PAGE)
    assert matching_list("https://www.google-analytics.com/analytics.js", PAGE) == "EasyPrivacy"


@pytest.mark.parametrize(("script", "name"), [
    ("!function(f,b,e,v,n,t,s){...}(window,document,'script');\nfbq('init', '1234567890');\nfbq('track', 'PageView');", "Meta pixel"),
    ("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-XYZ');", "Google tag (Analytics / Ads)"),
    ("(function(w,d,s,l,i){j.src='https://www.googletagmanager.com/gtm.js?id='+i;})(window,document,'script','dataLayer','GTM-X');", "Google Tag Manager"),
    ("!function (w, d, t) { w.TiktokAnalyticsObject=t; ttq.load('C123'); ttq.page(); }(window, document, 'ttq');", "TikTok pixel"),
    ("!function(e,t,n,s,u,a){}(window,document,'script');twq('config','o1234');", "X (Twitter) pixel"),
    ('_linkedin_partner_id = "123"; window._linkedin_data_partner_ids.push(_linkedin_partner_id);', "LinkedIn Insight"),
])
def test_inline_snippets(script, name):
    names = {t["name"] for t in find_trackers(PAGE, [], [script])}
    assert name in names
    assert any(t.get("snippet") for t in find_trackers(PAGE, [], [script]))


def test_urls_inside_inline_loaders_are_checked():
    script = "var s=document.createElement('script');s.src='https://static.ads-twitter.com/uwt.js';"
    found = find_trackers(PAGE, [], [script])
    assert {"url": "https://static.ads-twitter.com/uwt.js", "name": "X (Twitter) pixel", "list": "unbundle"} in found


@pytest.mark.parametrize("script", [
    "var _paq = window._paq = window._paq || []; _paq.push(['trackPageView']); u='//stats.claire-morin.example/';",
    "document.querySelector('form').addEventListener('submit', validate);",
    "// We do not use fbq or gtag on this site.",
    "const config = {gtag: false}; twq = null;",
])
def test_inline_look_alikes_stay_quiet(script):
    assert find_trackers(PAGE, [], [script]) == []


def test_local_files_treat_every_web_url_as_third_party():
    assert is_third_party("https://www.google-analytics.com/analytics.js", "file:///tmp/page.html")
    assert find_trackers("file:///tmp/page.html", ["https://www.google-analytics.com/analytics.js"], [])


@pytest.mark.parametrize(("host", "site"), [
    ("www.parti.fr", "parti.fr"), ("cdn.parti.fr", "parti.fr"), ("a.b.parti.co.uk", "parti.co.uk"),
    ("127.0.0.1", "127.0.0.1"), ("", ""),
])
def test_site_of(host, site):
    assert site_of(host) == site


def test_lists_load_and_snippets_are_documented():
    assert set(engines()) == {"EasyPrivacy", "unbundle"}
    assert all(s.name and s.marker for s in SNIPPETS)


def test_one_entry_per_url_even_with_entities():
    urls = ["https://www.facebook.com/tr?id=1&ev=PageView", "https://www.facebook.com/tr?id=1&amp;ev=PageView"]
    assert len(find_trackers(PAGE, urls, [])) == 1
