"""``studynotes import`` and ``studynotes list`` as a user runs them (through cli.main)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from filelock import FileLock

from desktop.cli import main


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err  # one clear line, no traceback
    assert lines[0].startswith("studynotes: error: ")
    return lines[0]


@pytest.fixture
def page(tmp_path: Path, seed_path: Path) -> Path:
    """The sample page, as a user's file."""
    path = tmp_path / "pages" / "congress.txt"
    path.parent.mkdir()
    shutil.copy(seed_path, path)
    return path


@pytest.fixture
def other_page(page: Path) -> Path:
    """A different page: the sample with the headline changed."""
    path = page.with_name("other.txt")
    path.write_text(page.read_text(encoding="utf-8").replace("工会十四大", "工会十五大"), encoding="utf-8")
    return path


@pytest.fixture
def contents(page: Path) -> str:
    """What the command says a page holds: its reflections and the review's warnings."""
    from desktop.importer import parse_file

    warnings = len(parse_file(page).warnings)
    assert warnings in (0, 1)  # the sample's layout; the lines below spell it out
    return "10 reflections" + (", 1 warning" if warnings else "")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "libraries" / "mine.sqlite3"


def test_import_then_list(capsys, page: Path, contents: str, library: Path, seed_expected: dict) -> None:
    assert main(["--library", str(library), "import", str(page)]) == 0
    assert capsys.readouterr().out == f"{page}: new (id 1, {contents})\n"

    assert main(["--library", str(library), "list"]) == 0
    out = capsys.readouterr().out
    [line] = out.splitlines()
    assert line.split()[0] == "1"
    assert "10 reflections" in line
    assert seed_expected["headline"] in line and "congress.txt" in line

    assert main(["--library", str(library), "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["id"] == 1
    assert listed["headline"] == seed_expected["headline"]
    assert listed["subtitle"] == seed_expected["subtitle"]
    assert listed["source_name"] == "congress.txt"
    assert listed["reflection_count"] == len(seed_expected["reflections"])
    assert listed["imported_at"].endswith("+00:00")


def test_importing_a_page_twice_keeps_one_copy(
    capsys, page: Path, other_page: Path, contents: str, library: Path
) -> None:
    assert main(["--library", str(library), "import", str(page)]) == 0
    capsys.readouterr()

    assert main(["--library", str(library), "import", str(page), str(other_page)]) == 0

    assert capsys.readouterr().out.splitlines() == [
        f"{page}: already in library (id 1)",
        f"{other_page}: new (id 2, {contents})",
    ]
    assert _count(library, "material") == 2


def test_dry_run_creates_no_library(
    capsys, page: Path, contents: str, library: Path, studynotes_home: Path
) -> None:
    assert main(["--library", str(library), "import", "--dry-run", str(page), str(page)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{page}: would import ({contents})",
        f"{page}: same page as {page}",
    ]
    assert not library.parent.exists()

    assert main(["import", "--dry-run", str(page)]) == 0  # the default library, too
    assert not (studynotes_home / "data").exists()


def test_dry_run_stores_nothing_in_an_existing_library(
    capsys, page: Path, other_page: Path, contents: str, library: Path
) -> None:
    main(["--library", str(library), "import", str(page)])
    capsys.readouterr()
    before = hashlib.sha256(library.read_bytes()).hexdigest(), _count(library, "material")

    assert main(["--library", str(library), "import", "--dry-run", str(page), str(other_page)]) == 0

    assert capsys.readouterr().out.splitlines() == [
        f"{page}: already in library (id 1)",
        f"{other_page}: would import ({contents})",
    ]
    assert (hashlib.sha256(library.read_bytes()).hexdigest(), _count(library, "material")) == before


def test_a_bad_file_stops_the_import_before_anything_is_stored(
    capsys, page: Path, tmp_path: Path, library: Path
) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))

    assert main(["--library", str(library), "import", str(page), str(picture)]) == 2

    captured = capsys.readouterr()
    line = _one_error_line(captured.err)
    assert picture.name in line and "Nothing was imported" in line
    assert captured.out == ""
    assert not library.exists()


def test_a_missing_file_is_one_clear_error(capsys, tmp_path: Path, library: Path) -> None:
    missing = tmp_path / "no such page.txt"
    assert main(["--library", str(library), "import", str(missing)]) == 2
    assert str(missing) in _one_error_line(capsys.readouterr().err)


def test_a_locked_library_is_one_clear_error(capsys, page: Path, library: Path) -> None:
    main(["--library", str(library), "import", str(page)])
    capsys.readouterr()

    with FileLock(str(library) + ".lock", timeout=0):  # the window has it open
        assert main(["--library", str(library), "import", str(page)]) == 2
        assert "already open in another window" in _one_error_line(capsys.readouterr().err)
        # Listing only reads: it works beside the window.
        assert main(["--library", str(library), "list", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 1


@pytest.mark.parametrize("command", [["import", "PAGE"], ["list"]])
def test_a_folder_as_library_is_one_clear_error(capsys, command, page: Path, tmp_path: Path) -> None:
    argv = ["--library", str(tmp_path)] + [str(page) if a == "PAGE" else a for a in command]
    assert main(argv) == 2
    assert "is a folder" in _one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("command", [["import", "PAGE"], ["list"], ["import", "--dry-run", "PAGE"]])
def test_a_file_that_is_not_a_library_is_refused_untouched(
    capsys, command, page: Path, tmp_path: Path
) -> None:
    spreadsheet = tmp_path / "budget.db"
    connection = sqlite3.connect(spreadsheet)
    connection.execute("CREATE TABLE budget (item TEXT, amount REAL)")
    connection.execute("INSERT INTO budget VALUES ('paper', 12.5)")
    connection.commit()
    connection.close()
    before = hashlib.sha256(spreadsheet.read_bytes()).hexdigest()

    argv = ["--library", str(spreadsheet)] + [str(page) if a == "PAGE" else a for a in command]
    assert main(argv) == 2

    assert "not a Study Notes library" in _one_error_line(capsys.readouterr().err)
    assert hashlib.sha256(spreadsheet.read_bytes()).hexdigest() == before


def test_list_of_a_missing_library_is_empty_and_creates_nothing(capsys, library: Path) -> None:
    assert main(["--library", str(library), "list"]) == 0
    assert capsys.readouterr().out == "The library is empty.\n"
    assert main(["--library", str(library), "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert not library.parent.exists()


def test_the_environment_variable_chooses_the_library(
    capsys, monkeypatch: pytest.MonkeyPatch, page: Path, library: Path, studynotes_home: Path
) -> None:
    monkeypatch.setenv("STUDYNOTES_LIBRARY", str(library))
    assert main(["import", str(page)]) == 0
    assert main(["list", "--json"]) == 0
    capsys.readouterr()
    assert _count(library, "material") == 1
    assert not (studynotes_home / "data" / "library.sqlite3").exists()


def test_the_default_library_is_in_the_local_data_folder(capsys, page: Path, studynotes_home: Path) -> None:
    assert main(["import", str(page)]) == 0
    assert _count(studynotes_home / "data" / "library.sqlite3", "material") == 1
