"""The Flask backend: hosted and embedded forms, submissions, withdrawal, SMS webhook."""

from .app import create_app

__all__ = ["create_app"]
