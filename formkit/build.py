"""Write the static files of one spec: what `unbundle form build` produces.

Layout of DIR (the embed loader's default frame URL expects it):
``page.<lang>.html`` hosted page, ``embed.<lang>.html`` iframe page, ``snippet.<lang>.html``
plain form fragment, and ``embed.js``, the loader. Forms post to ``BASE/f/ID`` (the server's
form endpoint) when a base URL is given.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .i18n import t
from .render import default_action, render_embed, render_embed_js, render_page, render_snippet
from .spec import Spec


def _protection(spec: Spec, lang: str, source: str, secret: str | None) -> dict[str, Any]:
    """The form token the server checks, when its key is known. Static files are copied and
    cached, so their token has no clock and is bound to the form's version: the server's
    "snippet" tokens (docs/server.md, CSRF design). Without the key, no token: the server then
    answers the first post with the filled-in form and a fresh token to send again."""
    if not secret:
        return {}
    from .server.protection import protection
    from .server.tokens import FormTicket

    return protection(secret, FormTicket(spec.id, spec.version, lang, "snippet", source, time.time()))


def build(spec: Spec, out_dir: Path, *, base_url: str = "", secret: str | None = None) -> list[Path]:
    """Render every file for every language of ``spec`` into ``out_dir``; return their paths.
    ``secret``: the server's key, to sign each form's token (see ``_protection``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    action = default_action(spec, base_url)
    alternates = {lang: f"page.{lang}.html" for lang in spec.languages}
    files: dict[str, str] = {}
    for lang in spec.languages:
        files[f"page.{lang}.html"] = render_page(spec, lang, action=action, base_url=base_url,
                                                 alternates=alternates,
                                                 **_protection(spec, lang, "hosted", secret))
        files[f"embed.{lang}.html"] = render_embed(spec, lang, action=action, base_url=base_url,
                                                   **_protection(spec, lang, "embed", secret))
        files[f"snippet.{lang}.html"] = render_snippet(spec, lang, action=action, base_url=base_url,
                                                       **_protection(spec, lang, "snippet", secret))
    files["embed.js"] = render_embed_js(
        base_url, languages=spec.languages,
        titles={lang: t(lang, "frame_title", title=spec.title[lang]) for lang in spec.languages})
    written = []
    for name, text in files.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
