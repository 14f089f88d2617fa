"""Which hosts are this machine (loopback), and which URLs travel in clear: one answer for the
linter, the fetcher and the insecure-transport rule (rules.md exempts loopback wherever it appears)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback(host: str | None) -> bool:
    """localhost, *.localhost, 127.0.0.0/8 and ::1 (brackets and case allowed)."""
    host = (host or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def insecure(url: str) -> bool:
    """True for an http:// URL whose host is not loopback."""
    parts = urlsplit(url)
    return parts.scheme.lower() == "http" and not is_loopback(parts.hostname)
