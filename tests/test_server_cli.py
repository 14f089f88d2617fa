"""`unbundle serve` as an operator runs it: a real process, a real port, its log on stderr."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from formkit.cli import cli
from tests.server_support import FORM, hidden_fields, person, write_specs

UNBUNDLE = [sys.executable, "-c", "from formkit.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNBUNDLE_")}
    env["UNBUNDLE_MIN_FILL_SECONDS"] = "0"
    return env


def test_help_ends_with_an_example():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert result.output.strip().splitlines()[-1].strip().startswith("Example: unbundle serve")


def test_serve_runs_waitress_keeps_a_secret_and_logs_no_personal_data(tmp_path: Path):
    specs = write_specs(tmp_path / "specs")
    port = _free_port()
    process = subprocess.Popen([*UNBUNDLE, "serve", "--specs", str(specs), "--port", str(port)],
                               cwd=tmp_path, env=_env(), stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                page = httpx.get(f"{base}/f/{FORM}")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("the server did not start")
        assert page.status_code == 200 and page.headers["Server"] == "unbundle"
        receipt = httpx.post(f"{base}/f/{FORM}", data={**hidden_fields(page.text), **person(1, purpose_newsletter="y")})
        assert receipt.status_code == 200
        link = re.search(r'href="(http://[^"]+/u/[^"]+)"', receipt.text).group(1)
        assert httpx.get(link).status_code == 200
        assert httpx.get(f"{base}/").status_code == 200  # workbench on loopback
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    secret = tmp_path / "instance" / "secret_key"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert "No UNBUNDLE_SECRET_KEY given" in stderr
    assert (tmp_path / "instance" / "unbundle.db").exists()  # the ledger CLI's default, shared
    assert f"GET /f/{FORM} 200" in stderr and "GET /u/… 200" in stderr
    assert "example.org" not in stderr and "Prénom" not in stderr


def test_serve_refuses_a_bad_setting(tmp_path: Path):
    env = {**_env(), "UNBUNDLE_RATE_LIMIT": "lots"}
    result = subprocess.run([*UNBUNDLE, "serve", "--specs", str(write_specs(tmp_path / "specs")),
                             "--port", str(_free_port())], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "rate limit 'lots'" in result.stderr and "Traceback" not in result.stderr


def test_serve_says_when_the_port_is_taken_or_the_specs_folder_is_missing(tmp_path: Path):
    specs = write_specs(tmp_path / "specs")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        taken = subprocess.run([*UNBUNDLE, "serve", "--specs", str(specs), "--port", str(port)],
                               cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=60)
    assert taken.returncode == 1 and "Traceback" not in taken.stderr
    assert f"Cannot listen on 127.0.0.1:{port}" in taken.stderr and "form(s) on http" not in taken.stderr
    missing = CliRunner().invoke(cli, ["serve", "--specs", str(tmp_path / "nosuch")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
