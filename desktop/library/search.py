"""One search over the whole library: titles, bylines, bodies, notes, highlight comments.

What a search means is defined here, once, for every engine:

* The query is split into terms at spaces and punctuation (anything that is not a
  letter or a digit); a reflection matches when it contains *every* term (AND),
  each anywhere in its title, author, affiliation, body paragraphs, note or highlight
  comments. A term matches as a plain substring, so one- and two-character Chinese
  words (会, 工会) find what they should; ASCII letters match either case.
* Ranking: reflections with a hit in the heading (title, author, affiliation) come
  first, then those with more hits, then library-panel order (newest material first,
  page order). "More hits" is the exact count of occurrences for the portable engine
  and FTS5's bm25 for the index (which grows with the hits, weighs rarer terms more and
  long texts slightly less): counting exactly would mean reading every candidate's
  text, too slow for a word found in thousands of reflections.
* Each hit carries the first place in reading order to open, a snippet around it and
  its number of hits, found in the stored texts by the same substring rule
  (:func:`desktop.search_results.hit_ranges`), so the offsets are exact whatever
  engine ranked.

Two engines rank: :mod:`~desktop.library.search_sqlite` (an FTS5 index kept in the
library file, matching Chinese words of any length) and
:mod:`~desktop.library.search_portable` (LIKE over the tables, for PostgreSQL and for an
SQLite without FTS5). Which one a library uses is decided once per engine, by whether
its migration could build the index.

Keeping the index current: SQLite triggers note which reflections a statement changed
(any statement: imports, cascading deletes, text corrections, notes, comments);
:func:`keep_index_current` re-indexes them just before each commit of the library's
sessions, in the same transaction (preparing text for the index is Python, which
triggers cannot run). So no write method has to remember the index, and a failed write
rolls the index back with everything else. :func:`search` also catches up first, for
writes that bypassed the sessions (a data migration).
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Row, Select, bindparam, event, literal, null, select, union_all
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop.library.orm import HighlightRecord, NoteRecord, ParagraphRecord, ReflectionRecord
from desktop.search_results import (
    HEADING_FIELDS,
    SearchField,
    SearchHit,
    SearchPlace,
    SearchResults,
    fold,
    hit_ranges,
)

__all__ = [
    "DEFAULT_LIMIT",
    "FIELDS",
    "Ranking",
    "backend_for",
    "fold",
    "keep_index_current",
    "search",
    "terms",
    "unit_rows",
    "units",
]

DEFAULT_LIMIT = 200

FIELDS: tuple[SearchField, ...] = ("title", "author", "affiliation", "body", "note", "comment")
"""Field codes of :func:`units` are indexes into this tuple, in reading order."""
HEADING_CODES = tuple(FIELDS.index(name) for name in HEADING_FIELDS)

SNIPPET_WIDTH = 60  # characters of text shown around a hit
SNIPPET_BEFORE = 16  # of which before the hit, so the hit is near the start
ELLIPSIS = "…"

_WORD = re.compile(r"[^\W_]+")
_ASCII_LETTER = re.compile("[a-z]")
_LINE_BREAKS = str.maketrans("\r\n\t\v\f", "     ")


def terms(query: str) -> tuple[str, ...]:
    """The query's terms: runs of letters/digits, folded, each once, in query order.

    Punctuation separates terms like a space does: "“娘家人”" searches 娘家人, and
    "职工，娘家人" both words.
    """
    return tuple(dict.fromkeys(_WORD.findall(fold(query))))


# --- what is searchable ------------------------------------------------------------------


@functools.cache
def units(by_reflection: bool = False, heading: bool = True) -> Select:
    """Every searchable text as rows (reflection_id, field, paragraph, highlight_id, text).

    The single definition of what a search looks at: the index is built from it, the
    portable engine scans it and the hits' places are found in it. ``field`` is an
    index into :data:`FIELDS`. With ``by_reflection``, only the reflections passed as
    the expanding parameter ``ids``; without ``heading``, no title, author, affiliation
    (for a caller reading the reflection rows anyway). Built once per variant:
    composing it costs more than running it.
    """
    reflection = ReflectionRecord.__table__
    paragraph = ParagraphRecord.__table__
    note = NoteRecord.__table__
    highlight = HighlightRecord.__table__

    def among(column) -> tuple:
        return (column.in_(bindparam("ids", expanding=True)),) if by_reflection else ()

    parts = [
        select(
            reflection.c.id.label("reflection_id"),
            literal(FIELDS.index(name)).label("field"),
            null().label("paragraph"),
            null().label("highlight_id"),
            reflection.c[name].label("text"),
        ).where(*among(reflection.c.id))
        for name in (HEADING_FIELDS if heading else ())
    ]
    parts.append(
        select(
            paragraph.c.reflection_id,
            literal(FIELDS.index("body")),
            paragraph.c.position,
            null(),
            paragraph.c.text,
        ).where(*among(paragraph.c.reflection_id))
    )
    parts.append(
        select(note.c.reflection_id, literal(FIELDS.index("note")), null(), null(), note.c.text).where(
            *among(note.c.reflection_id)
        )
    )
    parts.append(
        select(
            highlight.c.reflection_id,
            literal(FIELDS.index("comment")),
            highlight.c.paragraph,
            highlight.c.id,
            highlight.c.comment,
        ).where(highlight.c.comment != "", *among(highlight.c.reflection_id))
    )
    return union_all(*parts)  # type: ignore[return-value]


def unit_rows(connection: Connection, reflection_ids: Sequence[int]) -> Iterable[Row]:
    """The :func:`units` of these reflections."""
    return connection.execute(units(True), {"ids": list(reflection_ids)})


# --- engines ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranking:
    """The best reflections' ids, best first, and how many reflections matched."""

    ids: list[int]
    total: int


class Backend(Protocol):
    name: str
    indexed: bool  # keeps an index that writes must bring up to date

    def rank(self, connection: Connection, terms: Sequence[str], limit: int) -> Ranking: ...

    def catch_up(self, connection: Connection) -> int:
        """Bring the index up to date with the tables; how many reflections were redone."""
        ...


_BACKENDS: weakref.WeakKeyDictionary[Engine, Backend] = weakref.WeakKeyDictionary()


def backend_for(connection: Connection) -> Backend:
    """The engine a library searches with, decided once per database engine.

    An SQLite library whose migration built the FTS5 index uses it; any other library
    (a server database, or SQLite built without FTS5) searches with LIKE.
    """
    engine = connection.engine
    backend = _BACKENDS.get(engine)
    if backend is None:
        backend = _choose(connection)
        _BACKENDS[engine] = backend
    return backend


def _choose(connection: Connection) -> Backend:
    if connection.dialect.name == "sqlite":
        from desktop.library import search_sqlite

        if search_sqlite.installed(connection):
            return search_sqlite.FTS5Backend()
    from desktop.library import search_portable

    return search_portable.PortableBackend()


def keep_index_current(sessions: sessionmaker[Session]) -> None:
    """Re-index what each transaction of ``sessions`` changed, just before it commits."""
    event.listen(sessions, "before_commit", _before_commit)


def _before_commit(session: Session) -> None:
    connection = session.connection()
    backend = backend_for(connection)
    if not backend.indexed:  # nothing to maintain
        return
    session.flush()  # let the triggers see the last ORM changes
    backend.catch_up(connection)


# --- searching ----------------------------------------------------------------------------


def search(session: Session, query: str, limit: int = DEFAULT_LIMIT) -> SearchResults:
    """The reflections matching ``query``, best first, at most ``limit`` of them."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    wanted = terms(query)
    connection = session.connection()
    backend = backend_for(connection)
    if not wanted:
        return SearchResults(query, (), (), 0, backend.name)
    if backend.catch_up(connection):
        # Only after a write that bypassed the sessions (e.g. a data migration).
        session.commit()
        connection = session.connection()
    ranking = backend.rank(connection, wanted, limit)
    hits = _hits(connection, ranking.ids, wanted)
    return SearchResults(query, wanted, tuple(hits), ranking.total, backend.name)


_HEADERS = (
    select(
        ReflectionRecord.__table__.c.id,
        ReflectionRecord.__table__.c.material_id,
        *(ReflectionRecord.__table__.c[name] for name in HEADING_FIELDS),
    )
    .where(ReflectionRecord.__table__.c.id.in_(bindparam("ids", expanding=True)))
)


def _hits(connection: Connection, ids: Sequence[int], wanted: Sequence[str]) -> list[SearchHit]:
    if not ids:
        return []
    headers = {row[0]: row for row in connection.execute(_HEADERS, {"ids": list(ids)}).all()}
    texts: dict[int, list[tuple[int, int, int, str]]] = {}
    for reflection_id, field, paragraph, highlight_id, text in connection.execute(
        units(True, heading=False), {"ids": list(ids)}
    ).all():
        key = (field, -1 if paragraph is None else paragraph, highlight_id or 0, text)
        texts.setdefault(reflection_id, []).append(key)
    # Only ASCII letters are folded: terms without any match the stored text as it is.
    folding = any(_ASCII_LETTER.search(term) for term in wanted)
    hits = []
    for reflection_id in ids:
        header = headers.get(reflection_id)
        if header is None:  # deleted between ranking and reading: nothing to open
            continue
        _, material_id, *heading = header
        units_in_order = [(field, -1, 0, text) for field, text in enumerate(heading)]
        units_in_order.extend(sorted(texts.get(reflection_id, ())))
        hit = _hit(reflection_id, material_id, units_in_order, wanted, folding)
        if hit is not None:
            hits.append(hit)
    return hits


def _hit(
    reflection_id: int,
    material_id: int,
    texts: Sequence[tuple[int, int, int, str]],
    wanted: Sequence[str],
    folding: bool,
) -> SearchHit | None:
    """The hit for one reflection; ``texts`` are its units in reading order.

    Runs for every listed result, so only the first matching text is searched in
    Python; the others are only counted (str.count, in C).
    """
    heading = ["", "", ""]
    place: SearchPlace | None = None
    snippet, marks = "", ()
    hit_count = 0
    for field, paragraph, highlight_id, text in texts:
        if field < len(heading):
            heading[field] = text
        folded = fold(text) if folding else text
        count = sum(folded.count(term) for term in wanted)
        if not count:
            continue
        hit_count += count
        if place is None:
            spans = hit_ranges(text, wanted)
            start, end = spans[0]
            where = None if paragraph < 0 else paragraph
            place = SearchPlace(FIELDS[field], where, start, end, highlight_id or None)
            snippet, marks = snippet_around(text, start, end, spans)
    if place is None:
        return None
    return SearchHit(
        reflection_id=reflection_id,
        material_id=material_id,
        title=heading[0],
        author=heading[1],
        affiliation=heading[2],
        place=place,
        snippet=snippet,
        marks=marks,
        hit_count=hit_count,
        heading_hit=place.field in HEADING_FIELDS,
    )


def snippet_around(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of ``text`` showing ``start:end``, with ``spans`` re-based.

    The excerpt starts a little before the hit, is cut with an ellipsis where the text
    goes on, and keeps every character in place (line breaks become spaces), so a
    mark's range is exact. Overlapping marks are merged; a hit cut by the end of the
    excerpt is marked as far as it shows.
    """
    low = max(0, start - SNIPPET_BEFORE)
    high = min(len(text), max(low + SNIPPET_WIDTH, end))
    if high - low < SNIPPET_WIDTH:
        low = max(0, high - SNIPPET_WIDTH)
    prefix = ELLIPSIS if low > 0 else ""
    suffix = ELLIPSIS if high < len(text) else ""
    shift = len(prefix) - low
    marks: list[tuple[int, int]] = []
    for span_start, span_end in sorted(spans):
        span_start, span_end = max(span_start, low), min(span_end, high)
        if span_start >= span_end:
            continue
        if marks and span_start + shift < marks[-1][1]:
            marks[-1] = (marks[-1][0], max(marks[-1][1], span_end + shift))
        else:
            marks.append((span_start + shift, span_end + shift))
    snippet = prefix + text[low:high].translate(_LINE_BREAKS) + suffix
    return snippet, tuple(marks)
