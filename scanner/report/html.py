"""The HTML report: one self-contained file a journalist can read, print and send.

No external asset (no CDN font, script or image): the style is inline, and every value from a
scanned page is escaped (Jinja2 autoescape), since scanned pages are hostile input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jinja2 import Environment, select_autoescape

from ..model import PageModel
from .common import form_label, help_uri, ordered, page_readable, rule_of, summarize

if TYPE_CHECKING:
    from ..scan import ScanResult

_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)

TEMPLATE = _ENV.from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent scan report – {{ summary.line() }}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:2px solid #ddd;word-break:break-all}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right}
.meta{color:#555;font-size:.9rem}.status{font-weight:600}
.finding{border-left:5px solid #999;padding:.5rem .9rem;margin:.8rem 0;background:#fafafa}
.finding.error{border-color:#c0392b}.finding.warning{border-color:#d68910}
.sev{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;padding:0 .4rem;border-radius:3px;color:#fff;background:#777}
.sev.error{background:#c0392b}.sev.warning{background:#b9770e}
code,pre{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f0f0f0}
pre{padding:.5rem;white-space:pre-wrap;word-break:break-all;max-height:14rem;overflow:auto}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:3px solid #bbb;background:#fff}
.note{color:#7a5200}
@media print{.finding{break-inside:avoid}}
</style>
</head>
<body>
<h1>Consent scan report</h1>
<p class="meta">{{ tool }} {{ version }} · scanned {{ scanned_at }} · engine: {{ engine }}</p>
<p><strong>{{ summary.line() }}</strong></p>

<h2 id="summary">Summary</h2>
<table>
<thead><tr><th>Page</th><th>Status</th><th>Forms</th><th>Errors</th><th>Warnings</th><th>Rules</th></tr></thead>
<tbody>
{% for row in rows %}
<tr><td><a href="#page-{{ loop.index }}">{{ row.page.url }}</a></td><td class="status">{{ row.page.status }}</td>
<td class="n">{{ row.page.forms|length }}</td><td class="n">{{ row.errors }}</td><td class="n">{{ row.warnings }}</td>
<td>{{ row.rules|join(", ") }}</td></tr>
{% endfor %}
</tbody>
</table>
<p class="meta">Each finding names the rule of the catalog it breaks, why it matters, its legal basis
and the exact markup or text found on the page. "error": the form as published most likely
collects invalid consent or breaks a duty of information; "warning": likely non-compliant, a person
should review.</p>

{% for row in rows %}
<h2 id="page-{{ loop.index }}">{{ row.page.url }}</h2>
<p class="meta">Status: <span class="status">{{ row.page.status }}</span>
{% if row.page.http_status %} · HTTP {{ row.page.http_status }}{% endif %}
{% if row.page.final_url and row.page.final_url != row.page.url %} · fetched as {{ row.page.final_url }}{% endif %}</p>
{% if not row.readable %}
<p class="note">This page could not be read: {{ row.page.error }}</p>
{% else %}
{% for note in row.notes %}<p class="note">Note: {{ note }}</p>{% endfor %}
{% if row.page.notices %}<p class="meta">Privacy notice read: {% for n in row.page.notices %}{{ n.url }}{% if not loop.last %}, {% endif %}{% endfor %}</p>{% endif %}
{% if row.page.trackers %}<p class="meta">Trackers found: {% for t in row.page.trackers %}{{ t.name }} (<code>{{ t.url or t.snippet }}</code>, {{ t.list }}){% if not loop.last %}; {% endif %}{% endfor %}</p>{% endif %}
{% if not row.groups %}<p>No findings on this page.</p>{% endif %}
{% for group in row.groups %}
<h3>{{ group.label }}</h3>
{% for f in group.findings %}
<div class="finding {{ f.finding.severity }}">
<p><span class="sev {{ f.finding.severity }}">{{ f.finding.severity }}</span>
<strong>{{ f.title }}</strong> · <a href="{{ f.help }}"><code>{{ f.finding.rule }}</code></a></p>
<p>{{ f.finding.message }}</p>
{% if f.explanation %}<p><em>Why it matters:</em> {{ f.explanation }}</p>{% endif %}
<p><em>Legal basis:</em> {{ f.finding.basis or f.basis }}</p>
{% if f.finding.evidence.text %}<blockquote>{{ f.finding.evidence.text }}</blockquote>{% endif %}
{% if f.finding.evidence.html %}<pre>{{ f.finding.evidence.html }}</pre>{% endif %}
<p class="meta">{% if f.finding.evidence.selector %}Where: <code>{{ f.finding.evidence.selector }}</code>{% endif %}
{% if f.finding.evidence.frame %} · in {{ f.finding.evidence.frame }}{% endif %}</p>
{% if f.fix %}<p><em>What to do:</em> {{ f.fix }}</p>{% endif %}
</div>
{% endfor %}
{% endfor %}
{% endif %}
{% endfor %}
</body>
</html>
""")


def _row(result: ScanResult, page: PageModel) -> dict[str, Any]:
    findings = ordered(result.findings_for(page))
    by_label: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        rule = rule_of(finding)
        by_label.setdefault(form_label(page, finding.form), []).append({
            "finding": finding,
            "title": rule.title if rule else finding.rule,
            "explanation": rule.explanation if rule else "",
            "basis": rule.basis if rule else "",
            "fix": rule.fix if rule else "",
            "help": help_uri(finding.rule),
        })
    groups = [{"label": label, "findings": items} for label, items in by_label.items()]
    return {
        "page": page,
        "readable": page_readable(page),
        "notes": list(dict.fromkeys(n for n in [page.error, *page.notes] if n)),
        "groups": groups,
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "rules": sorted({f.rule for f in findings}),
    }


def render(result: ScanResult, *, color: bool = False) -> str:  # noqa: ARG001 - one signature
    return TEMPLATE.render(
        tool=result.tool, version=result.version, scanned_at=result.scanned_at,
        engine=result.engine, summary=summarize(result),
        rows=[_row(result, page) for page in result.pages],
    )
