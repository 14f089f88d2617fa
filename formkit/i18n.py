"""Languages the generated forms, notices and receipts are written in."""

UI_LANGUAGES: tuple[str, ...] = ("fr", "en")
"""A spec may only list languages whose interface strings exist (templates, notice, receipt)."""
