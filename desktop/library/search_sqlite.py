"""The library's search index on SQLite: FTS5, with Chinese words of any length.

All SQLite-only search code is here (the DDL migration 0003 runs, the triggers, the
upkeep and the ranking query); :mod:`desktop.library.search` defines what a search
means and calls in.

The problem: FTS5's tokenizers do not fit Chinese. ``unicode61`` makes a whole run of
Han characters one token, and ``trigram`` matches substrings but only of three
characters or more, while most Chinese words (工会, 职工) have two and a one-character
search (会) must work too.

The trick: the index does not see the text but the text *spread out*, a filler
character before, between and after its characters (``工会`` is stored as
``␁工␁会␁``, with U+0001 as the filler), under the ``trigram`` tokenizer. Then every
trigram is either ``␁c␁`` (one character) or ``a␁b`` (two adjacent ones), so a
one-character term is one trigram, a two-character term is one trigram, and a longer
term is a phrase of trigrams ``a␁b␁c…``: an exact substring search for any length,
done entirely by FTS5. The tokens are made by SQLite, from the text FTS5 stores itself,
so deleting or replacing a row is a plain DELETE by rowid (no token lists to re-make,
nothing to get out of step). ``case_sensitive 1``: ASCII letters are folded beforehand
(:func:`desktop.search_results.fold`), as everywhere in the search. The price is size:
positions of two trigrams per character plus the stored text make the index about 3.5
times the library's text (some 40 MB for 10,000 reflections; ``bench/search.py``).

Tables:

* ``search_fts`` — one row per reflection (rowid = reflection id), columns ``heading``
  (title, author, affiliation) and ``body`` (paragraphs, note, highlight comments),
  both folded and spread out.
* ``search_pending`` — reflections changed since the index was last brought up to date.
  Triggers on every table holding searchable text add to it, whatever code (or
  cascade) wrote; :func:`catch_up` re-indexes them and empties it, which
  :func:`desktop.library.search.keep_index_current` does before every commit, because
  the spreading out is Python and triggers cannot run it.

Ranking: first the reflections with a hit in the heading, then by FTS5's ``bm25``
(more hits first, rarer words weigh more, long texts a little less), then the order
of the library panel. Exact hit counts over every candidate would mean reading all
their texts (over 100 ms for a word in all 10,000 reflections); bm25 reads only the
index.

Caveat for later migrations: a batch migration that recreates ``reflection``,
``paragraph``, ``note`` or ``highlight`` drops that table's triggers; it must call
:func:`create_triggers` again (a test checks that they exist at the schema head).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from desktop.library.search import HEADING_CODES, Ranking, fold, unit_rows

FTS_TABLE = "search_fts"
PENDING_TABLE = "search_pending"
TABLES = (FTS_TABLE, PENDING_TABLE)

FILLER = "\x01"  # never a letter or digit, so never inside a term
SEPARATOR = "\n"  # between the texts of one column: never inside a term either
BATCH = 500  # reflections per statement when (re)indexing
TOKENIZER = "trigram case_sensitive 1"

# Which statements change searchable text: table -> (columns whose update matters,
# the column naming the reflection).
_WATCHED: dict[str, tuple[str, str]] = {
    "reflection": ("title, author, affiliation", "id"),
    "paragraph": ("text, reflection_id", "reflection_id"),
    "note": ("text, reflection_id", "reflection_id"),
    "highlight": ("comment, reflection_id", "reflection_id"),
}


# --- DDL (run by migration 0003) -----------------------------------------------------------


def fts5_available(connection: Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (SQLite 3.34 or later)."""
    probe = "temp.search_fts5_probe"
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {probe} USING fts5(x, tokenize='{TOKENIZER}')"
            )
            connection.exec_driver_sql(f"DROP TABLE {probe}")
    except OperationalError:
        return False
    return True


def installed(connection: Connection) -> bool:
    """Whether the library holds the index (its migration could build it)."""
    found = connection.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)", TABLES
    ).scalar()
    return found == len(TABLES)


def create(connection: Connection) -> None:
    """Create the index tables and triggers (empty; :func:`rebuild` fills them)."""
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(heading, body, tokenize='{TOKENIZER}')"
    )
    connection.exec_driver_sql(f"CREATE TABLE {PENDING_TABLE} (reflection_id INTEGER PRIMARY KEY)")
    create_triggers(connection)


def trigger_names() -> list[str]:
    return [f"search_{table}_{event}" for table in _WATCHED for event in ("insert", "update", "delete")]


def create_triggers(connection: Connection) -> None:
    """(Re)create the triggers that note which reflections a statement changed."""
    mark = f"INSERT OR IGNORE INTO {PENDING_TABLE} (reflection_id) VALUES"
    for table, (columns, key) in _WATCHED.items():
        bodies = {
            "insert": f"AFTER INSERT ON {table} BEGIN {mark} (NEW.{key}); END",
            "update": (
                f"AFTER UPDATE OF {columns} ON {table} "
                f"BEGIN {mark} (OLD.{key}); {mark} (NEW.{key}); END"
            ),
            "delete": f"AFTER DELETE ON {table} BEGIN {mark} (OLD.{key}); END",
        }
        for event, body in bodies.items():
            name = f"search_{table}_{event}"
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def drop(connection: Connection) -> None:
    for name in trigger_names():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for table in TABLES:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def is_index_table(name: str) -> bool:
    """Whether a table belongs to the index (its own tables and FTS5's shadow tables):
    derived data, rebuilt from the library's texts, not rows a user made."""
    return name in TABLES or name.startswith(FTS_TABLE + "_")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: comparing the models with a library ignores the
    index, which migration 0003 makes on SQLite only and the models do not describe."""
    return not (type_ == "table" and name is not None and is_index_table(name))


# --- spreading out ------------------------------------------------------------------------


def spread(folded: str) -> str:
    """``abc`` -> ``␁a␁b␁c␁``: what the index stores for a (folded) text."""
    return FILLER + FILLER.join(folded) + FILLER if folded else ""


def term_query(term: str) -> str:
    """The FTS5 string for one (folded, punctuation-free) term.

    ``␁c␁`` for one character, ``a␁b…`` for more: always one trigram or a phrase of
    them. A term holds letters and digits only, so it cannot break out of the quotes.
    """
    return f'"{FILLER}{term}{FILLER}"' if len(term) == 1 else f'"{FILLER.join(term)}"'


def match_expression(terms: Sequence[str]) -> str:
    """Every term somewhere in the reflection (implicit AND)."""
    return " ".join(term_query(term) for term in terms)


# --- upkeep -------------------------------------------------------------------------------


def catch_up(connection: Connection) -> int:
    """Re-index the reflections the triggers marked; returns how many there were."""
    pending = connection.exec_driver_sql(f"SELECT reflection_id FROM {PENDING_TABLE}").scalars().all()
    if not pending:
        return 0
    reindex(connection, pending)
    connection.exec_driver_sql(f"DELETE FROM {PENDING_TABLE}")
    return len(pending)


def reindex(connection: Connection, reflection_ids: Iterable[int]) -> None:
    """Make the index of these reflections match the tables (a gone one leaves it)."""
    ids = sorted(set(reflection_ids))
    for index in range(0, len(ids), BATCH):
        batch = ids[index : index + BATCH]
        placeholders = ", ".join("?" * len(batch))
        connection.exec_driver_sql(
            f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({placeholders})", tuple(batch)
        )
        _store(connection, _documents(connection, batch))


def rebuild(connection: Connection) -> None:
    """Index the whole library from scratch (the migration, or a repair)."""
    connection.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    connection.exec_driver_sql(f"DELETE FROM {PENDING_TABLE}")
    ids = connection.exec_driver_sql("SELECT id FROM reflection ORDER BY id").scalars().all()
    for index in range(0, len(ids), BATCH):
        _store(connection, _documents(connection, ids[index : index + BATCH]))


def _documents(connection: Connection, ids: Sequence[int]) -> Iterator[tuple[int, str, str]]:
    """(reflection_id, heading, body) of each existing reflection among ``ids``."""
    heading: dict[int, list[str]] = {}
    body: dict[int, list[str]] = {}
    for reflection_id, field, _paragraph, _highlight, value in unit_rows(connection, ids):
        (heading if field in HEADING_CODES else body).setdefault(reflection_id, []).append(value)
    for reflection_id, parts in heading.items():
        yield (
            reflection_id,
            spread(fold(SEPARATOR.join(parts))),
            spread(fold(SEPARATOR.join(body.get(reflection_id, ())))),
        )


def _store(connection: Connection, documents: Iterable[tuple[int, str, str]]) -> None:
    rows = list(documents)
    if rows:
        connection.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE} (rowid, heading, body) VALUES (?, ?, ?)", rows
        )


# --- ranking ------------------------------------------------------------------------------

# bm25 with the body weighted 0 scores the heading alone: below 0 when a term is there.
_RANKED = text(
    f"""
    SELECT found.id
    FROM (SELECT rowid AS id, bm25({FTS_TABLE}) AS score,
                 bm25({FTS_TABLE}, 1.0, 0.0) < 0 AS in_heading
          FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match) AS found
    JOIN reflection AS r ON r.id = found.id
    ORDER BY found.in_heading DESC, found.score, r.material_id DESC, r.position
    LIMIT :limit
    """
)
_COUNT = text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match")


def rank(connection: Connection, terms: Sequence[str], limit: int) -> Ranking:
    """The best ``limit`` reflections containing every term, and how many do."""
    match = match_expression(terms)
    ids = connection.execute(_RANKED, {"match": match, "limit": limit}).scalars().all()
    total = len(ids) if len(ids) < limit else connection.execute(_COUNT, {"match": match}).scalar_one()
    return Ranking(list(ids), total)


class FTS5Backend:
    """The search engine of an SQLite library with the index."""

    name = "fts5"
    indexed = True

    def rank(self, connection: Connection, terms: Sequence[str], limit: int) -> Ranking:
        return rank(connection, terms, limit)

    def catch_up(self, connection: Connection) -> int:
        return catch_up(connection)
