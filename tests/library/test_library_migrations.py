"""Upgrading libraries: every released schema upgrades keeping every row, safely.

The upgrade tests use a throw-away migration script folder: the real migrations plus a
test-only revision, so the runner is exercised exactly as it will be by the next real
migration (backup, foreign keys off, foreign_key_check, one transaction).
"""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from filelock import FileLock
from library_helpers import LIBRARIES, make_libraries, table_rows

from desktop.errors import LibraryError
from desktop.library import migrate, open_library, schema, search_sqlite
from desktop.library.schema import SCHEMA_HEAD


def _rows_by_id(path: Path) -> dict[str, dict[int, dict[str, object]]]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
            if not search_sqlite.is_index_table(name)  # derived data, checked in test_search
        ]
        return {
            table: {row["id"]: dict(row) for row in connection.execute(f"SELECT * FROM {table}")}
            for table in tables
        }
    finally:
        connection.close()


def _version(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


# --- released schemas ------------------------------------------------------------------------


def test_there_is_a_fixture_library_for_every_released_schema() -> None:
    from alembic.script import ScriptDirectory

    revisions = {r.revision for r in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}
    fixtures = {p.stem.removeprefix("library-") for p in LIBRARIES.glob("library-*.sqlite3")}
    assert fixtures <= revisions
    # The head may be unreleased while it is being written; every older schema was released.
    assert revisions - {SCHEMA_HEAD} <= fixtures
    assert set(make_libraries.BUILDERS) == fixtures


@pytest.mark.parametrize(
    "fixture", sorted(LIBRARIES.glob("library-*.sqlite3")), ids=lambda p: p.stem
)
def test_upgrading_a_released_library_keeps_every_row(
    fixture: Path, library_file: Path, sample
) -> None:
    shutil.copy(fixture, library_file)
    before = _rows_by_id(library_file)
    assert before["material"] and before["reflection"] and before["paragraph"]

    with open_library(str(library_file)) as library:
        [material] = library.materials()
        assert library.find_duplicate(sample) == material.id
        texts = [library.reflection(s.id).paragraphs for s in library.reflection_summaries()]
    assert texts == [r.paragraphs for r in sample.reflections]

    after = _rows_by_id(library_file)
    assert _version(library_file) == SCHEMA_HEAD
    for table, rows in before.items():
        assert set(after[table]) == set(rows), table
        for row_id, row in rows.items():
            kept = {column: after[table][row_id][column] for column in row if column in after[table][row_id]}
            assert kept == {column: row[column] for column in kept}, (table, row_id)


# --- the runner, with a test-only migration ------------------------------------------------------

RECREATE_MATERIAL = """
    with op.batch_alter_table("material", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
"""


@pytest.fixture
def next_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Install a test-only migration 9001 (body given by the test) after the real ones."""

    def install(body: str) -> None:
        scripts = tmp_path / "migrations"
        shutil.copytree(migrate.SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__"))
        (scripts / "versions" / "9001_test.py").write_text(
            "import sqlalchemy as sa\n"
            "from alembic import op\n\n"
            f"revision = '9001'\ndown_revision = {SCHEMA_HEAD!r}\n"
            "branch_labels = None\ndepends_on = None\n\n\n"
            "def upgrade():\n" + textwrap.indent(textwrap.dedent(body), "    ") + "\n",
            encoding="utf-8",
        )
        monkeypatch.setattr(migrate, "SCRIPT_LOCATION", scripts)
        monkeypatch.setattr(schema, "SCHEMA_HEAD", "9001")

    return install


def test_a_new_revision_is_generated_after_the_head(next_migration, tmp_path: Path) -> None:
    next_migration("pass")  # work on a copy of the scripts
    from alembic.script import ScriptDirectory

    path = migrate.new_revision("add nothing", "9002")

    assert path.name == "9002_add_nothing.py"
    assert path.parent == migrate.SCRIPT_LOCATION / "versions"
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_current_head() == "9002"
    assert scripts.get_revision("9002").down_revision == "9001"


@pytest.fixture
def current_library(library_file: Path, sample) -> Path:
    """A library at today's head holding the sample page."""
    with open_library(str(library_file)) as library:
        library.import_material(sample, "page.txt")
    return library_file


def test_recreating_a_parent_table_keeps_its_children(next_migration, current_library: Path) -> None:
    before = table_rows(current_library)
    next_migration(RECREATE_MATERIAL)

    with open_library(str(current_library)) as library:
        [material] = library.materials()
        assert material.reflection_count == 10
        assert all(library.reflection(s.id).paragraphs for s in library.reflection_summaries())

    after = table_rows(current_library)
    assert _version(current_library) == "9001"
    assert after["reflection"] == before["reflection"]
    assert after["paragraph"] == before["paragraph"]
    assert [row[:-1] for row in after["material"]] == before["material"]  # + the new column


def test_the_same_migration_with_foreign_keys_on_would_lose_the_reflections(
    next_migration, current_library: Path
) -> None:
    """The trap the runner avoids: proof that the test migration above really triggers it."""
    from alembic import command
    from sqlalchemy.engine import make_url

    from desktop.library.sqlite import SQLiteBackend

    next_migration(RECREATE_MATERIAL)
    engine = SQLiteBackend(make_url(f"sqlite:///{current_library}"), "x").create_engine()
    try:
        with engine.begin() as connection:  # foreign keys on, as every app connection
            command.upgrade(migrate.alembic_config(connection), "head")
    finally:
        engine.dispose()

    rows = table_rows(current_library)
    assert len(rows["material"]) == 1
    assert rows["reflection"] == [] and rows["paragraph"] == []


def test_an_upgrade_first_backs_up_the_library(next_migration, current_library: Path) -> None:
    before = table_rows(current_library)
    next_migration(RECREATE_MATERIAL)

    open_library(str(current_library)).close()

    [backup] = (current_library.parent / "backups").iterdir()
    assert backup.name.startswith("library-")
    assert f"-schema-{SCHEMA_HEAD}" in backup.name
    assert _version(backup) == SCHEMA_HEAD
    assert table_rows(backup) == before


def test_a_new_library_is_not_backed_up(library_file: Path) -> None:
    open_library(str(library_file)).close()
    assert not (library_file.parent / "backups").exists()


def test_only_the_newest_five_backups_are_kept(next_migration, current_library: Path) -> None:
    backups = current_library.parent / "backups"
    backups.mkdir()
    old = [backups / f"library-2020010{n}-000000-000000-schema-0001.sqlite3" for n in range(1, 7)]
    for path in old:
        path.write_bytes(b"old backup")
    unrelated = [backups / "other-20200101-000000-000000-schema-0001.sqlite3", backups / "read me.txt"]
    for path in unrelated:
        path.write_bytes(b"keep me")
    next_migration(RECREATE_MATERIAL)

    open_library(str(current_library)).close()

    names = sorted(p.name for p in backups.iterdir())
    ours = [n for n in names if n.startswith("library-")]
    assert len(ours) == 5
    assert [backups / n for n in ours[:4]] == old[-4:]
    assert ours[4].startswith("library-20") and ours[4] > old[-1].name  # the new one
    assert all(p.exists() for p in unrelated)


def test_an_upgrade_that_would_break_links_is_rolled_back(next_migration, current_library: Path) -> None:
    before = table_rows(current_library)
    # With foreign keys off nothing stops this; the foreign_key_check must.
    next_migration("op.execute('DELETE FROM material')")

    with pytest.raises(LibraryError, match="broken links") as caught:
        open_library(str(current_library))

    assert caught.value.code == "library-upgrade-failed"
    assert table_rows(current_library) == before
    assert _version(current_library) == SCHEMA_HEAD
    [backup] = (current_library.parent / "backups").iterdir()
    assert table_rows(backup) == before


def test_a_failing_upgrade_leaves_the_library_as_it_was(next_migration, current_library: Path) -> None:
    before = table_rows(current_library)
    next_migration(RECREATE_MATERIAL + "\n    raise RuntimeError('bug in a migration')\n")

    with pytest.raises(LibraryError, match="could not be upgraded and was left as it was") as caught:
        open_library(str(current_library))

    [backup] = (current_library.parent / "backups").iterdir()
    assert str(backup) in caught.value.message
    assert table_rows(current_library) == before  # the recreated table was rolled back too
    assert _version(current_library) == SCHEMA_HEAD
    with FileLock(str(current_library) + ".lock", timeout=0):  # the upgrade's lock was released
        pass
