"""Judging: run every registered rule check on a page and apply the precedence of rules.md.

``judge(page)`` is the one judging path, whatever produced the PageModel (static fetch,
browser, a saved snapshot). It never does I/O: linked notices, iframes and trackers must already
be in the PageModel (``notices``, forms with ``frame``, ``trackers``).
"""

from __future__ import annotations

from .classify_form import PageReading, read_page
from .model import Finding, PageModel
from .rules import CHECKS


def judge(page: PageModel) -> list[Finding]:
    """Every finding for the page, in catalog order, after precedence."""
    return judge_reading(read_page(page))


def judge_reading(reading: PageReading) -> list[Finding]:
    findings: list[Finding] = []
    for check in CHECKS.values():
        findings.extend(check(reading))
    return apply_precedence(findings)


def apply_precedence(findings: list[Finding]) -> list[Finding]:
    """rules.md, "Scope and precedence":

    - a control that is both on and hidden is ``hidden-consent`` only;
    - a required control is ``bundled-consent``, its wording does not also make it
      ``implied-consent`` (implied is for text with no control);
    - ``missing-privacy-notice`` subsumes ``missing-controller`` and ``missing-rights-info``.

    The checks already respect these; this pass makes the contract hold whatever a check does.
    """
    hidden = {(f.form, f.evidence.selector) for f in findings if f.rule == "hidden-consent"}
    bundled = {(f.form, f.evidence.selector) for f in findings if f.rule == "bundled-consent"}
    no_notice = {f.form for f in findings if f.rule == "missing-privacy-notice"}
    kept: list[Finding] = []
    for f in findings:
        key = (f.form, f.evidence.selector)
        if f.rule == "prechecked-consent" and key in hidden:
            continue
        if f.rule == "implied-consent" and key in bundled:
            continue
        if f.rule in ("missing-controller", "missing-rights-info") and f.form in no_notice:
            continue
        kept.append(f)
    return kept
