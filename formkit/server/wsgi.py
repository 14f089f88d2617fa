"""Serving the app with waitress, a production WSGI server (pure Python, threads, no C build).

``make_server`` then ``run_forever`` (together: ``serve_forever``) is what ``unbundle serve``
runs; ``running_server`` starts the same server on a free loopback port in a thread, for tests
and benchmarks that drive it over real HTTP.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from waitress import wasyncore
from waitress.server import create_server

WSGIApp = Callable[..., Any]

DEFAULTS: dict[str, Any] = {
    "threads": 8,
    # waitress logs a line per queue backlog; we keep its warnings, not its access lines (none).
    "ident": "unbundle",
    # Behind a reverse proxy the app reads X-Forwarded-* (UNBUNDLE_TRUSTED_PROXIES); waitress's
    # own trusted_proxy handling is left off so that one setting governs it.
    "max_request_body_size": 1024 * 1024,  # the app's MAX_CONTENT_LENGTH is the tighter limit
    "channel_timeout": 60,
    "connection_limit": 1000,
    "backlog": 2048,
}


def make_server(app: WSGIApp, host: str, port: int, **options: Any) -> Any:
    """Bind the listening socket (OSError when the address is taken or unknown)."""
    return create_server(app, host=host, port=port, **{**DEFAULTS, **options})


def run_forever(server: Any) -> None:
    try:
        server.run()
    finally:
        _stop(server)


def serve_forever(app: WSGIApp, host: str, port: int, **options: Any) -> None:
    run_forever(make_server(app, host, port, **options))


@contextlib.contextmanager
def running_server(app: WSGIApp, host: str = "127.0.0.1", port: int = 0,
                   **options: Any) -> Iterator[str]:
    """Serve ``app`` in a daemon thread; yields its base URL (``http://127.0.0.1:PORT``)."""
    server = create_server(app, host=host, port=port, **{**DEFAULTS, **options})
    thread = threading.Thread(target=server.run, name=f"waitress-{server.effective_port}", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.effective_port}"
    finally:
        # Close the sockets from the server's own loop thread (closing them from here would pull
        # them from under its select()); the loop ends once its map is empty.
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(timeout=10)
        server.task_dispatcher.shutdown()


def _stop(server: Any) -> None:
    server.task_dispatcher.shutdown()
    wasyncore.close_all(server._map)
