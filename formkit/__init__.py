"""The generator half of unbundle: form specs, their linter, compliant forms, the backend."""

__version__ = "0.1.0"
