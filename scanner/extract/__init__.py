"""Extraction: turn an HTML document into plain form models (the only module that knows bs4).

``extract_page`` reads every ``<form>`` and every group of inputs that a button submits outside
any form (script-driven forms), each control with its accessible name, required state, default
state and visibility, the text around the form and the links near it; and, for the page, the
script, pixel and iframe URLs a tracker check needs. ``notice_text`` reads the main text of a
linked privacy or legal page. Rules judge the result and never see the DOM (STYLE.md).
"""

from .evidence import HTML_CUT
from .notice import notice_text
from .page import extract_page, merge_frame

__all__ = ["HTML_CUT", "extract_page", "merge_frame", "notice_text"]
