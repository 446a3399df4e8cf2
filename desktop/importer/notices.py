"""The importer's warnings (what it was unsure about), one template per kind, with a code.

``Material.warnings`` stays a tuple of English sentences: the CLI prints them and the
library stores them as they are. The window, though, speaks Chinese: it recovers the
code and the parameters from a stored sentence with :func:`parse_notice` and shows its
own translation of that code (:mod:`desktop.ui.notice_text`). Because the sentences are
made (:func:`notice`) and read back (:func:`parse_notice`) from the same templates, they
cannot drift apart.
"""

from __future__ import annotations

import re
import string
from functools import cache

NOTICES: dict[str, str] = {
    "empty-page": "The page contains no text.",
    "no-headline": "No headline was recognised.",
    "ignored-line": "Ignored a line that is neither a title nor a byline: “{line}”.",
    "first-line-title": "The first line was read as a title, not as the page's headline.",
    "no-headings": "No titles or bylines were recognised: the page was imported as one untitled piece.",
    "heading-unplaced": "A title and byline could not be placed (no body left for it): “{heading}”.",
    "piece-without-heading": "A piece without title or byline was found: “{opening}”.",
    "title-far": (
        "The title “{heading}” stood far from its body; check that it belongs to "
        "the piece beginning “{opening}”."
    ),
    "no-title": "A piece has no title: “{opening}”.",
    "no-reflections": "No reflections were recognised: the page was imported as one untitled piece.",
    "unrecognised-structure": (
        "The page's structure could not be recognised; it was imported as one untitled piece."
    ),
}
"""Code -> English template; ``{name}`` placeholders hold text quoted from the page."""


def placeholders(template: str) -> tuple[str, ...]:
    """The names of a template's ``{placeholders}``, in order."""
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def notice(code: str, **params: str) -> str:
    """The English sentence for ``code`` (KeyError for an unknown code: a programming error)."""
    return NOTICES[code].format(**params)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>.*)")
    return re.compile("".join(parts), re.DOTALL)


def parse_notice(text: str) -> tuple[str, dict[str, str]] | None:
    """``(code, params)`` of a sentence made by :func:`notice`; None for any other text
    (e.g. a warning stored by an older version, which is then shown as it is)."""
    for code, template in NOTICES.items():
        match = _pattern(template).fullmatch(text)
        if match is not None:
            return code, match.groupdict()
    return None
