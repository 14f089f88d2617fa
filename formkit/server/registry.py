"""The forms this server publishes: the specs of one folder that load and lint clean.

A spec the linter refuses is never served, not even with a warning: a published form with a
pre-ticked box or a bundled consent would collect invalid consents from the first visitor. Each
refused spec gets one log line naming the file and its first problems, so the operator can fix
it; the other forms are served regardless.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, abort, current_app

from formkit.errors import SpecError
from formkit.lint import has_errors, lint_spec, severity
from formkit.spec import Spec, load_spec

log = logging.getLogger(__name__)


class FormRegistry:
    """Flask extension: ``registry().get(form_id)`` → Spec, 404 when not served."""

    def __init__(self, app: Flask | None = None) -> None:
        self.specs: dict[str, Spec] = {}
        self.refused: dict[str, list[str]] = {}
        """file → problem lines, for the workbench to show why a form is missing."""
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        app.extensions["unbundle.forms"] = self
        folder = app.config.get("UNBUNDLE_SPECS")
        specs = app.config.get("UNBUNDLE_SPEC_OBJECTS")  # tests and embedders may pass Specs
        if specs:
            for spec in specs:
                self.add(spec)
        if folder:
            self.load_folder(Path(folder))
        if not self.specs:
            log.warning("No form to serve: no spec in %s lints clean.", folder)

    def load_folder(self, folder: Path) -> None:
        if not folder.is_dir():
            log.error("The specs folder %s does not exist; no form is served from it.", folder)
            return
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                spec = load_spec(path)
            except SpecError as exc:
                self._refuse(str(path), [p.line() for p in exc.problems])
                continue
            self.add(spec)

    def add(self, spec: Spec) -> bool:
        problems = lint_spec(spec)
        if has_errors(problems):
            self._refuse(spec.source, [p.line() for p in problems if severity(p) == "error"])
            return False
        if spec.id in self.specs:
            self._refuse(spec.source, [f"form id {spec.id!r} is already served from "
                                       f"{self.specs[spec.id].source}"])
            return False
        for problem in problems:
            log.warning("Serving %s with a warning: %s", spec.source, problem.line())
        self.specs[spec.id] = spec
        log.info("Serving form %s (version %s) from %s", spec.id, spec.version, spec.source)
        return True

    def _refuse(self, source: str, lines: list[str]) -> None:
        self.refused[source] = lines
        shown = "; ".join(lines[:3]) + (f" (and {len(lines) - 3} more)" if len(lines) > 3 else "")
        log.error("Not serving %s: it does not lint clean (run `unbundle form lint %s`): %s",
                  source, source, shown)

    def get(self, form_id: str) -> Spec:
        spec = self.specs.get(form_id)
        if spec is None:
            abort(404)
        return spec


def registry() -> FormRegistry:
    return current_app.extensions["unbundle.forms"]
