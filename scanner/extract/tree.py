"""Tag-name sets and direct walks over the bs4 tree, and the text readers every extraction step shares."""

from __future__ import annotations

import re

from bs4 import Comment, NavigableString, Tag

_CONTROL_TAGS = ("input", "select", "textarea", "button")
_FIELD_TAGS = ("input", "select", "textarea")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset(
    "p div li ul ol br h1 h2 h3 h4 h5 h6 td th tr table form fieldset section article aside header "
    "footer main nav dl dt dd blockquote figure figcaption hr address center".split()
)
_SPACES = re.compile(r"\s+")


# bs4's find/find_all/find_parent build a filter on every call; over thousands of calls that costs
# more than parsing. These walk the tree directly.
_CONTROL_SET = frozenset(_CONTROL_TAGS)
_FIELD_SET = frozenset(_FIELD_TAGS)
_HEADING_SET = frozenset(_HEADINGS)


def _tags_in(el: Tag, names: frozenset[str] | set[str]) -> list[Tag]:
    """Descendants of ``el`` with one of these tag names, in document order."""
    return [d for d in el.descendants if isinstance(d, Tag) and d.name in names]


def _has_tag(el: Tag, names: frozenset[str] | set[str]) -> bool:
    return any(isinstance(d, Tag) and d.name in names for d in el.descendants)


def _ancestor(el: Tag, names: frozenset[str] | set[str]) -> Tag | None:
    """The nearest ancestor of ``el`` with one of these tag names."""
    for parent in el.parents:
        if parent.name in names:
            return parent
    return None


def _strings_in(el: Tag) -> list[NavigableString]:
    return [d for d in el.descendants if isinstance(d, NavigableString) and not isinstance(d, Comment)]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _classes(el: Tag) -> list[str]:
    value = el.get("class") or []
    return value if isinstance(value, list) else str(value).split()


def _text_all(el: Tag) -> str:
    return " ".join(_strings_in(el))
