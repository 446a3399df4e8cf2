"""Alembic environment for the library: online only, on a connection we are handed.

:mod:`desktop.library.migrate` builds the Alembic config in code and passes an open
connection, already inside the transaction it will commit or roll back, through
``config.attributes["connection"]``. This file deliberately does not call
``logging.config.fileConfig``: that would replace the app's logging set-up.
"""

from __future__ import annotations

from alembic import context

from desktop.library import search_sqlite
from desktop.library.orm import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Library migrations run only through desktop.library.migrate, which passes "
        "a connection in config.attributes['connection']."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode recreates the table.
    render_as_batch=True,
    compare_type=True,
    # The search index (migration 0003, SQLite only) is not described by the models.
    include_name=search_sqlite.include_name,
)

with context.begin_transaction():
    context.run_migrations()
