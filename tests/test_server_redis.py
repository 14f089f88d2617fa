"""Rate-limit counters shared through Redis by two app instances (as two gunicorn workers).

Optional path: skipped unless both a `redis-server` binary and the `redis` package are present.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from formkit.server import create_app
from tests.plugins.paths import missing
from tests.server_support import FORM, hidden_fields, make_config, person


@pytest.fixture
def redis_url(tmp_path: Path):
    binary = shutil.which("redis-server")
    if binary is None:
        missing("redis-server is not installed (optional: apt-get install redis-server)")
    try:
        import redis  # noqa: F401 - the optional client the rate limiter uses
    except ImportError:
        missing("the redis package is not installed (pip install 'unbundle[redis]')")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_two_processes_share_the_limit(tmp_path: Path, redis_url: str):
    config = make_config(tmp_path, UNBUNDLE_RATE_LIMIT="3/hour", UNBUNDLE_REDIS_URL=redis_url)
    first, second = create_app(config), create_app(config)
    statuses = []
    for n, app in enumerate([first, second, first, second]):
        client = app.test_client()
        fields = hidden_fields(client.get(f"/f/{FORM}").get_data(as_text=True))
        statuses.append(client.post(f"/f/{FORM}", data={**fields, **person(n)}).status_code)
    assert statuses == [200, 200, 200, 429]
    import redis

    keys = redis.Redis.from_url(redis_url).keys("unbundle:rl:*")
    assert keys and all(b"127.0.0.1" not in key for key in keys)  # addresses are not stored
