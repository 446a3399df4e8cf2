"""Searching without an index: LIKE over the tables, in dialect-neutral SQL.

For a library on a database server (PostgreSQL) and for an SQLite built without FTS5
(or without its trigram tokenizer, SQLite < 3.34). It ranks as
:mod:`desktop.library.search` defines, over the same texts
(:func:`~desktop.library.search.units`), with one aggregate statement: the hits of
every text containing a term are counted exactly with ``length``/``replace``; a
reflection qualifies when each term occurs somewhere in it. Nothing to keep up to date,
but every search reads all the texts, so it is slower than the index on a big library.

Case: terms and texts both go through the database's ``lower()``; on SQLite that folds
ASCII only, like the index; PostgreSQL also folds other letters.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.engine import Connection

from desktop.library.orm import ReflectionRecord
from desktop.library.search import HEADING_CODES, Ranking, units


def rank(connection: Connection, terms: Sequence[str], limit: int) -> Ranking:
    """The best ``limit`` reflections containing every term, and how many do.

    Per text: which terms it holds and how often; per reflection: the sums, kept when
    every term occurs; then heading hits first, more hits, library-panel order.
    """
    texts = units().subquery("units")
    lowered = func.lower(texts.c.text)
    lowered_terms = [func.lower(literal(term)) for term in terms]
    counts = [
        (func.length(lowered) - func.length(func.replace(lowered, term, ""))) // len(raw)
        for term, raw in zip(lowered_terms, terms)
    ]
    per_text = (
        select(
            texts.c.reflection_id,
            texts.c.field.in_(HEADING_CODES).label("in_heading"),
            *(count.label(f"c{index}") for index, count in enumerate(counts)),
        )
        .where(or_(*(lowered.contains(term) for term in lowered_terms)))
        .subquery("per_text")
    )
    term_sums = [func.sum(per_text.c[f"c{index}"]) for index in range(len(terms))]
    all_hits = per_text.c.c0
    for index in range(1, len(terms)):
        all_hits = all_hits + per_text.c[f"c{index}"]
    per_reflection = (
        select(
            per_text.c.reflection_id,
            func.sum(case((per_text.c.in_heading, all_hits), else_=0)).label("heading_hits"),
            func.sum(all_hits).label("hits"),
        )
        .group_by(per_text.c.reflection_id)
        .having(and_(*(term_sum > 0 for term_sum in term_sums)))
        .subquery("per_reflection")
    )
    reflection = ReflectionRecord.__table__
    ranked = (
        select(
            per_reflection.c.reflection_id,
            per_reflection.c.heading_hits,
            per_reflection.c.hits,
            func.count().over().label("total"),
        )
        .join(reflection, reflection.c.id == per_reflection.c.reflection_id)
        .order_by(
            (per_reflection.c.heading_hits > 0).desc(),
            per_reflection.c.hits.desc(),
            reflection.c.material_id.desc(),
            reflection.c.position,
        )
        .limit(limit)
    )
    rows = connection.execute(ranked).all()
    return Ranking([row.reflection_id for row in rows], rows[0].total if rows else 0)


class PortableBackend:
    """The search engine of a library without the index."""

    name = "portable"
    indexed = False

    def rank(self, connection: Connection, terms: Sequence[str], limit: int) -> Ranking:
        return rank(connection, terms, limit)

    def catch_up(self, connection: Connection) -> int:
        return 0
