"""Schema v3: the search index (SQLite only), built from the library's existing texts.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-20

The index is SQLite's FTS5, so on any other database (and on an SQLite built without
FTS5) this revision changes nothing and the library searches without an index
(:mod:`desktop.library.search_portable`). The DDL and the filling live in
:mod:`desktop.library.search_sqlite`, which also maintains the index afterwards: one
place knows how texts are tokenised. Upgrading a library indexes all its reflections.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    from desktop.library import search_sqlite

    if not search_sqlite.fts5_available(connection):
        return
    search_sqlite.create(connection)
    search_sqlite.rebuild(connection)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    from desktop.library import search_sqlite

    search_sqlite.drop(connection)
