"""Shared fixtures live in tests/plugins/, one module per concern."""

pytest_plugins = [
    "tests.plugins.paths",
    "tests.plugins.browser",
    "tests.plugins.static_server",
    "tests.plugins.postgres",
    "tests.ledger_support",  # the `ledger` fixture, on SQLite and PostgreSQL
    "tests.server_support",  # `app`, `client`, `runner`, `live` (a real WSGI server)
]
