"""`unbundle form build`: the files it writes, the embed code it prints, and its refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from formkit.cli import cli
from formkit.spec import load_spec
from tests.plugins.paths import missing

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOOD = sorted(EXAMPLES.glob("*.yaml"))
SPONSOR = EXAMPLES / "parrainage-presidentielle.yaml"


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_build_writes_every_file(path, tmp_path):
    spec = load_spec(path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["form", "build", str(path), "--out", str(out),
                                      "--base-url", "https://forms.example.org/"])
    assert result.exit_code == 0, result.output
    expected = {"embed.js"} | {f"{kind}.{lang}.html" for kind in ("page", "embed", "snippet")
                               for lang in spec.languages}
    assert {p.name for p in out.iterdir()} == expected
    for lang in spec.languages:
        page = BeautifulSoup((out / f"page.{lang}.html").read_text(encoding="utf-8"), "html.parser")
        assert page.find("form")["action"] == f"https://forms.example.org/f/{spec.id}"
        assert page.find("html")["lang"] == lang
    # The embed code, both variants, on standard output.
    assert '<iframe src="https://forms.example.org/embed.fr.html"' in result.stdout
    assert f'<script src="https://forms.example.org/embed.js" data-form="{spec.id}"' in result.stdout
    assert "https://forms.example.org" in (out / "embed.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["bundled-consent.yaml", "schema-unknown-key.yaml", "implied-consent.yaml"])
def test_build_refuses_a_spec_that_does_not_lint_clean(name, tmp_path):
    path = EXAMPLES / "bad" / name
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["form", "build", str(path), "--out", str(out)])
    assert result.exit_code == 1
    rule = "schema" if name.startswith("schema-") else name.removesuffix(".yaml")
    assert f"{path}: " in result.output and f": {rule}: " in result.output
    assert not out.exists()


def test_build_through_the_installed_command(tmp_path):
    """The console script itself (not only click's runner): exit codes and streams."""
    exe = Path(sys.executable).parent / "unbundle"
    if not exe.exists():
        missing("the unbundle console script is not installed in this environment")
    ok = subprocess.run([str(exe), "form", "build", str(SPONSOR), "--out", str(tmp_path / "a")],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert "<iframe" in ok.stdout and 'src="embed.' in ok.stdout
    bad = subprocess.run([str(exe), "form", "build", str(EXAMPLES / "bad" / "prechecked-consent.yaml"),
                          "--out", str(tmp_path / "b")], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert "prechecked-consent" in bad.stdout and "Traceback" not in bad.stderr
    usage = subprocess.run([str(exe), "form", "build", str(SPONSOR)], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2 and "--out" in usage.stderr


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_scan_reports_nothing_on_built_pages(path, tmp_path, serve_dir):
    """issue 2: a spec that lints clean builds forms on which `unbundle scan` reports nothing."""
    spec = load_spec(path)
    out = tmp_path / "out"
    from formkit.build import build

    build(spec, out)
    with serve_dir(out) as base:
        targets = [f"{base}/{kind}.{lang}.html" for lang in spec.languages for kind in ("page", "embed")]
        result = CliRunner().invoke(cli, ["scan", *targets, "--fail-on", "warning", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["findings"] == []
    # The scan did read the forms it found nothing on: each page holds one in-scope form
    # whose optional purposes the scanner saw as controls.
    for page in report["pages"]:
        assert page["status"] == "ok", page
        [form] = page["forms"]
        assert form["core_action"] == spec.action.value
        names = {control.get("name") for control in form["controls"]}
        assert {f"purpose_{p.id.replace('-', '_')}" for p in spec.purposes} <= names


def test_unwritable_output_is_a_clean_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["form", "build", str(SPONSOR), "--out", str(blocker / "out")])
    assert result.exit_code == 1
    assert "cannot write the forms into" in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)
