"""The schema revision this version of the app expects.

``open_library`` compares :data:`SCHEMA_HEAD` with the row in the library's
``alembic_version`` table using one plain query, so opening an up-to-date library never
imports Alembic (start-up time is a feature). Every new migration in
``migrations/versions`` must move this constant; a test checks it equals Alembic's head.
"""

from __future__ import annotations

SCHEMA_HEAD = "0003"

# Alembic's bookkeeping table; read directly on the fast path.
VERSION_TABLE = "alembic_version"
