"""``studynotes notes export|import`` as a user runs them (through cli.main)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.anchoring import make_anchor
from desktop.cli import main
from desktop.library import open_library


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err  # one clear line, no traceback
    assert lines[0].startswith("studynotes: error: ")
    return lines[0]


def _highlight_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM highlight").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def page(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "pages" / "congress.txt"
    path.parent.mkdir()
    shutil.copy(seed_path, path)
    return path


@pytest.fixture
def office(tmp_path: Path, page: Path, capsys) -> Path:
    """The office library: the sample page with two highlights and a note."""
    path = tmp_path / "office.sqlite3"
    assert main(["--library", str(path), "import", str(page)]) == 0
    capsys.readouterr()
    with open_library(str(path)) as library:
        reflection = library.reflection_summaries()[0].id
        text = library.reflection(reflection).paragraphs
        start = text[0].index("劳模精神")
        library.add_highlight(reflection, make_anchor(text, 0, start, start + 4), "quote", "好")
        library.add_highlight(reflection, make_anchor(text, 0, 0, 14), "commitment")
        library.set_note(reflection, "笔记 <&> 𠮷")
        library.set_study_reflection(library.materials()[0].id, "学习心得")
    return path


@pytest.fixture
def home(tmp_path: Path, page: Path, capsys) -> Path:
    """Another PC's library holding the same page."""
    path = tmp_path / "home.sqlite3"
    assert main(["--library", str(path), "import", str(page)]) == 0
    capsys.readouterr()
    return path


def test_notes_go_from_one_library_to_another(capsys, office: Path, home: Path, tmp_path: Path, seed_expected: dict) -> None:
    notes = tmp_path / "notes.json"

    assert main(["--library", str(office), "notes", "export", "1", "-o", str(notes)]) == 0
    headline = seed_expected["headline"]
    assert capsys.readouterr().out == f"{notes}: 2 highlights, 2 notes of “{headline}”\n"
    assert json.loads(notes.read_text(encoding="utf-8"))["format"] == "studynotes-notes"

    assert main(["--library", str(home), "notes", "import", str(notes)]) == 0
    assert capsys.readouterr().out == (
        f"{notes}: notes of “{headline}” (id 1): 2 highlights added, 2 notes updated, "
        "0 dismissed suggestions added\n"
    )
    with open_library(str(home)) as library:
        reflection = library.reflection_summaries()[0].id
        assert [(h.category, h.anchor.exact, h.comment) for h in library.highlights()] == [
            ("commitment", library.reflection(reflection).paragraphs[0][:14], ""),
            ("quote", "劳模精神", "好"),
        ]
        assert library.note(reflection) == "笔记 <&> 𠮷"

    assert main(["--library", str(home), "notes", "import", str(notes)]) == 0
    assert "0 highlights added, 2 already there, 0 notes updated" in capsys.readouterr().out
    assert _highlight_count(home) == 2


def test_a_material_can_be_named_by_its_headline(capsys, office: Path, tmp_path: Path, seed_expected: dict) -> None:
    notes = tmp_path / "notes.json"
    headline = seed_expected["headline"]

    assert main(["--library", str(office), "notes", "export", headline, "-o", str(notes)]) == 0

    assert json.loads(notes.read_text(encoding="utf-8"))["material"]["headline"] == headline


def test_exporting_an_unknown_material_fails_with_one_line(capsys, office: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.json"

    assert main(["--library", str(office), "notes", "export", "no such page", "-o", str(notes)]) == 2

    assert "There is no material no such page in the library." in _one_error_line(capsys.readouterr().err)
    assert not notes.exists()


def test_notes_for_a_page_not_in_the_library_fail_with_exit_2(
    capsys, office: Path, tmp_path: Path, seed_expected: dict
) -> None:
    notes = tmp_path / "notes.json"
    main(["--library", str(office), "notes", "export", "1", "-o", str(notes)])
    capsys.readouterr()
    empty = tmp_path / "empty.sqlite3"
    open_library(str(empty)).close()

    assert main(["--library", str(empty), "notes", "import", str(notes)]) == 2

    line = _one_error_line(capsys.readouterr().err)
    assert f"The material “{seed_expected['headline']}” is not in this library" in line
    assert _highlight_count(empty) == 0


def test_a_missing_library_is_not_created(capsys, office: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.json"
    main(["--library", str(office), "notes", "export", "1", "-o", str(notes)])
    capsys.readouterr()
    missing = tmp_path / "nowhere" / "library.sqlite3"

    assert main(["--library", str(missing), "notes", "import", str(notes)]) == 2
    assert "is not in this library" in _one_error_line(capsys.readouterr().err)
    assert main(["--library", str(missing), "notes", "export", "1", "-o", str(notes)]) == 2
    assert "There is no material 1" in _one_error_line(capsys.readouterr().err)
    assert not missing.parent.exists()


def test_a_malformed_file_fails_with_one_line_and_changes_nothing(capsys, home: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text('{"format": "studynotes-notes", "version": 1, "material": {}}', encoding="utf-8")
    before = home.read_bytes()

    assert main(["--library", str(home), "notes", "import", str(notes)]) == 2

    line = _one_error_line(capsys.readouterr().err)
    assert f"{notes}: The notes file is damaged: material.content_hash is missing" in line
    assert home.read_bytes() == before


def test_a_file_of_a_newer_version_is_refused(capsys, home: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text('{"format": "studynotes-notes", "version": 9}', encoding="utf-8")

    assert main(["--library", str(home), "notes", "import", str(notes)]) == 2

    assert "written by a newer version of Study Notes" in _one_error_line(capsys.readouterr().err)


def test_a_missing_file_is_named(capsys, home: Path, tmp_path: Path) -> None:
    notes = tmp_path / "absent.json"

    assert main(["--library", str(home), "notes", "import", str(notes)]) == 2

    assert f"The notes file {notes} cannot be read" in _one_error_line(capsys.readouterr().err)
