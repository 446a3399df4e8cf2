"""What a library search returns: ranked hits, each with a snippet and a place to open.

Plain frozen dataclasses, like :mod:`desktop.material`: the library produces them, the
search box and the result list consume them. A snippet is plain text plus the ranges of
the hits in it (never markup), so the window escapes and decorates it as it likes and a
``<`` in a reflection can never turn into HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

SearchField = Literal["title", "author", "affiliation", "body", "note", "comment"]
"""Where a hit is: the reflection's title, author, affiliation (单位职务), a body
paragraph, the reader's note (笔记) or a highlight's (标注) comment."""

HEADING_FIELDS: tuple[SearchField, ...] = ("title", "author", "affiliation")
"""Hits here rank first: a reflection *about* the words, or *by* the person or unit."""


@dataclass(frozen=True)
class SearchPlace:
    """One hit: which text of the reflection, and the characters ``start:end`` in it.

    ``paragraph`` is the body paragraph's index for a body hit and the highlighted
    paragraph for a comment hit (None otherwise); ``highlight_id`` names the highlight
    whose comment matched. Offsets index that text (the paragraph, the title, the note,
    the comment) as stored, as Python counts: in code points. Qt counts UTF-16 units,
    so a widget must convert when the text holds characters beyond the BMP (😀, 𠮷).
    """

    field: SearchField
    paragraph: int | None
    start: int
    end: int
    highlight_id: int | None = None


@dataclass(frozen=True)
class SearchHit:
    """A reflection that matches every term of the query.

    ``place`` is where to open it: the first hit in reading order (heading, body
    paragraphs, note, comments). ``snippet`` is a short plain-text excerpt around it;
    ``marks`` are the ``(start, end)`` character ranges of the hits within the snippet.
    ``hit_count`` counts the hits in all the reflection's texts; to mark them all in the
    reading pane, use :func:`hit_ranges` on each text with the results' ``terms``.
    """

    reflection_id: int
    material_id: int
    title: str
    author: str
    affiliation: str
    place: SearchPlace
    snippet: str
    marks: tuple[tuple[int, int], ...]
    hit_count: int
    heading_hit: bool


@dataclass(frozen=True)
class SearchResults:
    """The best ``len(hits)`` matching reflections, best first, out of ``total``.

    ``terms`` are the words actually searched for (the query split at spaces and
    punctuation, ASCII letters in lower case); ``backend`` names the search engine
    used ("fts5" or "portable"), for diagnostics.
    """

    query: str
    terms: tuple[str, ...]
    hits: tuple[SearchHit, ...]
    total: int
    backend: str

    @property
    def truncated(self) -> bool:
        """More reflections match than are listed: the user should refine the query."""
        return self.total > len(self.hits)


_ASCII_UPPER = re.compile("[A-Z]+")


def fold(text: str) -> str:
    """Lower-case ASCII letters only (what SQLite's lower() does).

    Length-preserving, so an offset in the folded text is the same offset in the text
    as stored; other letters are compared as they are.
    """
    if text.isascii():
        return text.lower()
    return _ASCII_UPPER.sub(lambda upper: upper.group().lower(), text)


def hit_ranges(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``terms`` (a :class:`SearchResults`' ``terms``) occur in ``text``, in order.

    The search's own rule: each term's non-overlapping occurrences, left to right,
    ASCII letters in either case. For the reading pane to mark every hit of an opened
    result in the texts it shows.
    """
    folded = fold(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    spans.sort()
    return spans
