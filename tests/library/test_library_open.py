"""Opening a library: where it lives, creating it, refusing what is not one, the lock."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from filelock import FileLock
from sqlalchemy.exc import IntegrityError
from library_helpers import file_hash, fixture_library, page

from desktop.errors import LibraryError, LibraryLockedError, NotALibraryError
from desktop.library import library_exists, open_library
from desktop.library.schema import SCHEMA_HEAD

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _scalar(path: Path, sql: str):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


# --- creating --------------------------------------------------------------------------


def test_a_missing_library_is_created_with_its_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "library.sqlite3"
    assert not library_exists(str(path))

    with open_library(str(path)) as library:
        assert library.is_empty()
        assert library.location == str(path)

    assert library_exists(str(path))
    assert _scalar(path, "SELECT version_num FROM alembic_version") == SCHEMA_HEAD
    assert _scalar(path, "PRAGMA journal_mode") == "wal"


def test_an_empty_file_becomes_a_library(library_file: Path) -> None:
    library_file.write_bytes(b"")
    with open_library(str(library_file)) as library:
        library.import_material(page(1), "one.txt")
    assert _scalar(library_file, "SELECT count(*) FROM material") == 1


def test_default_library_is_in_the_local_data_folder(studynotes_home: Path) -> None:
    with open_library() as library:
        library.import_material(page(1), "one.txt")
    default = studynotes_home / "data" / "library.sqlite3"
    assert library.location == str(default)
    assert _scalar(default, "SELECT count(*) FROM material") == 1


def test_environment_variable_chooses_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, studynotes_home: Path
) -> None:
    chosen = tmp_path / "elsewhere.sqlite3"
    monkeypatch.setenv("STUDYNOTES_LIBRARY", str(chosen))
    with open_library() as library:
        library.import_material(page(1), "one.txt")
    assert _scalar(chosen, "SELECT count(*) FROM material") == 1
    assert not (studynotes_home / "data" / "library.sqlite3").exists()


def test_an_sqlalchemy_url_names_a_library(library_file: Path) -> None:
    with open_library(f"sqlite:///{library_file}") as library:
        library.import_material(page(1), "one.txt")
    assert _scalar(library_file, "SELECT count(*) FROM material") == 1


def test_foreign_keys_are_enforced(library_file: Path) -> None:
    with open_library(str(library_file)) as library:
        library.import_material(page(1), "one.txt")
    # What the library's own connections enforce is visible in what they refuse.
    with open_library(str(library_file)) as library, library._engine.connect() as connection:
        with pytest.raises(IntegrityError, match="FOREIGN KEY"):
            connection.exec_driver_sql(
                "INSERT INTO reflection (material_id, position, title, author, affiliation, "
                "title_position) VALUES (999, 0, 't', 'a', 'f', 'none')"
            )


# --- schema and migrations machinery -----------------------------------------------------


def test_schema_head_is_alembics_head() -> None:
    from desktop.library import migrate

    assert SCHEMA_HEAD == migrate.head_revision()


def test_models_match_the_migrations(library_file: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop.library import search_sqlite
    from desktop.library.orm import Base

    with open_library(str(library_file)) as library, library._engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": search_sqlite.include_name}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_opening_an_up_to_date_library_does_not_load_alembic(library_file: Path, tmp_path: Path) -> None:
    open_library(str(library_file)).close()  # create it (this one runs the migrations)
    script = (
        "import sys\n"
        "from desktop.library import open_library\n"
        f"with open_library({str(library_file)!r}, lock=True) as library:\n"
        "    library.materials()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_migrations_run_from_any_working_folder(library_file: Path, tmp_path: Path) -> None:
    script = (
        "from desktop.library import open_library\n"
        f"open_library({str(library_file)!r}).close()\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=tmp_path, check=True)
    assert _scalar(library_file, "SELECT version_num FROM alembic_version") == SCHEMA_HEAD


def test_migrating_keeps_the_apps_logging(library_file: Path) -> None:
    root = logging.getLogger()
    ours = logging.getLogger("desktop.test_logging_survives")
    handler = logging.NullHandler()
    root.addHandler(handler)
    handlers_before, level_before = list(root.handlers), root.level
    try:
        open_library(str(library_file)).close()  # runs Alembic's env.py
        assert root.handlers == handlers_before
        assert root.level == level_before
        assert not ours.disabled
    finally:
        root.removeHandler(handler)


def test_a_library_from_a_newer_app_is_refused_untouched(library_file: Path) -> None:
    shutil.copy(fixture_library("0001"), library_file)
    connection = sqlite3.connect(library_file)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.commit()
    connection.close()
    before = file_hash(library_file)

    with pytest.raises(LibraryError, match="newer version") as caught:
        open_library(str(library_file))

    assert caught.value.code == "library-too-new"
    assert file_hash(library_file) == before
    assert not (library_file.parent / "backups").exists()


# --- refusing what is not a library --------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _text_file(path: Path) -> None:
    path.write_text("学习札记\n这不是一个数据库。\n" * 200, encoding="utf-8")


def _unrelated_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.executemany("INSERT INTO customers (name) VALUES (?)", [("张三",), ("李四",)])
    connection.commit()
    connection.close()


def _truncated_library(path: Path) -> None:
    data = fixture_library("0001").read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _library_with_damaged_header(path: Path) -> None:
    data = bytearray(fixture_library("0001").read_bytes())
    data[0:16] = b"\x00" * 16
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "make",
    [_random_bytes, _text_file, _unrelated_database, _truncated_library, _library_with_damaged_header],
)
@pytest.mark.parametrize("lock", [False, True])
def test_a_file_that_is_not_a_library_is_refused_and_left_alone(
    tmp_path: Path, make, lock: bool
) -> None:
    path = tmp_path / "precious.dat"
    make(path)
    before = file_hash(path)

    with pytest.raises(NotALibraryError):
        open_library(str(path), lock=lock)

    assert file_hash(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.dat"]


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="is a folder"):
        open_library(str(tmp_path))


def test_a_library_under_a_file_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(LibraryError, match="cannot be created"):
        open_library(str(blocker / "library.sqlite3"))
    assert blocker.read_text(encoding="utf-8") == "x"


def test_an_unusable_url_is_one_clear_error() -> None:
    with pytest.raises(LibraryError, match="not a valid library path or database URL"):
        open_library("postgresql://user@host:notaport/db")


def test_a_server_url_without_its_driver_is_one_clear_error_without_the_password() -> None:
    with pytest.raises(LibraryError, match="driver .* is not installed") as caught:
        open_library("postgresql+nosuchdriver://teacher:s3cret@db.example/library")
    assert caught.value.code == "library-driver"
    assert "s3cret" not in caught.value.message


# --- one window per library -----------------------------------------------------------------


def test_a_locked_library_cannot_be_opened_by_a_second_window(library_file: Path) -> None:
    first = open_library(str(library_file), lock=True)
    try:
        with pytest.raises(LibraryLockedError, match="already open in another window"):
            open_library(str(library_file), lock=True)
        # Reading without the lock (e.g. `studynotes list`) still works.
        with open_library(str(library_file)) as reader:
            assert reader.is_empty()
    finally:
        first.close()
    open_library(str(library_file), lock=True).close()  # released on close


def test_the_lock_is_a_lock_file_beside_the_library(library_file: Path) -> None:
    open_library(str(library_file)).close()
    with FileLock(str(library_file) + ".lock"):
        with pytest.raises(LibraryLockedError):
            open_library(str(library_file), lock=True)


def test_an_upgrade_waits_for_no_one_and_refuses_a_locked_library(library_file: Path) -> None:
    library_file.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(library_file) + ".lock"):
        # Creating the schema needs the library to itself, even without lock=True.
        with pytest.raises(LibraryLockedError):
            open_library(str(library_file))


# --- threads --------------------------------------------------------------------------------


def test_a_library_opened_in_one_thread_works_in_another(library_file: Path) -> None:
    library = open_library(str(library_file), lock=True)
    try:
        def work() -> tuple[str, int, int]:
            result = library.import_material(page(1), "one.txt")
            return threading.current_thread().name, result.material_id, len(library.materials())

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="worker") as pool:
            name, material_id, count = pool.submit(work).result()
        assert name.startswith("worker")
        assert count == 1
        assert library.material(material_id).headline == "标题 1"
    finally:
        with ThreadPoolExecutor(max_workers=1) as pool:  # the window may close it elsewhere too
            pool.submit(library.close).result()
    open_library(str(library_file), lock=True).close()
