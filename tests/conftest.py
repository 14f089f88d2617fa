"""Shared fixtures live in tests/plugins/, one module per concern."""

pytest_plugins = [
    "tests.plugins.paths",
    "tests.plugins.browser",
    "tests.plugins.static_server",
    "tests.plugins.postgres",
]
