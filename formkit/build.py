"""Write the static files of one spec: what `unbundle form build` produces.

Layout of DIR (the embed loader's default frame URL expects it):
``page.<lang>.html`` hosted page, ``embed.<lang>.html`` iframe page, ``snippet.<lang>.html``
plain form fragment, and ``embed.js``, the loader. Forms post to ``BASE/f/ID`` (the server's
form endpoint) when a base URL is given.
"""

from __future__ import annotations

from pathlib import Path

from .i18n import t
from .render import default_action, render_embed, render_embed_js, render_page, render_snippet
from .spec import Spec


def build(spec: Spec, out_dir: Path, *, base_url: str = "") -> list[Path]:
    """Render every file for every language of ``spec`` into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    action = default_action(spec, base_url)
    alternates = {lang: f"page.{lang}.html" for lang in spec.languages}
    files: dict[str, str] = {}
    for lang in spec.languages:
        files[f"page.{lang}.html"] = render_page(spec, lang, action=action, base_url=base_url,
                                                 alternates=alternates)
        files[f"embed.{lang}.html"] = render_embed(spec, lang, action=action, base_url=base_url)
        files[f"snippet.{lang}.html"] = render_snippet(spec, lang, action=action, base_url=base_url)
    files["embed.js"] = render_embed_js(
        base_url, languages=spec.languages,
        titles={lang: t(lang, "frame_title", title=spec.title[lang]) for lang in spec.languages})
    written = []
    for name, text in files.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
