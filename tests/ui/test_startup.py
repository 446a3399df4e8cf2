"""Starting the app: one window per library, unusable libraries, screenshot, light start-up."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.errors import NotALibraryError
from desktop.library import open_library
from desktop.material import StoredReflection
from desktop.ui import snapshot
from desktop.ui.app import EXIT_LIBRARY_ERROR, run_app

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _args(**overrides) -> argparse.Namespace:
    values = {"library": None, "screenshot": None, "exit_when_shown": False}
    values.update(overrides)
    return argparse.Namespace(**values)


def _run_studynotes(*arguments: str, home: Path, extra_env: dict[str, str] | None = None,
                    python_flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {**os.environ, "STUDYNOTES_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "STUDYNOTES_LANG": "zh_CN", **(extra_env or {})}
    env.pop("STUDYNOTES_LIBRARY", None)
    return subprocess.run([sys.executable, *python_flags, "-m", "desktop", *arguments], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def test_a_library_open_in_another_window_gets_a_message_and_exit_code_2(qapp, location, messages):
    holder = open_library(location, lock=True)
    try:
        code = run_app(_args())
    finally:
        holder.close()

    assert code == EXIT_LIBRARY_ERROR == 2
    assert messages.kinds() == ["critical"]
    title, text = messages.shown[0][1:]
    assert title == "Library Already Open"
    assert location in text


def test_a_file_that_is_not_a_library_is_reported_and_left_untouched(qtbot, tmp_path,
                                                                      messages):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    notes = tmp_path / "notes.sqlite3"
    content = "这不是文库，是一份笔记。\n".encode() * 200
    notes.write_bytes(content)
    window = MainWindow(str(notes), Settings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.libraryFailed, timeout=30000) as failed:
        window.start_loading()

    assert isinstance(failed.args[0], NotALibraryError)
    assert messages.kinds() == ["critical"]
    assert str(notes) in messages.shown[0][2]
    assert "left untouched" in messages.shown[0][2]
    window.close()
    assert notes.read_bytes() == content


def test_run_app_with_a_not_a_library_file_exits_with_code_2(qapp, tmp_path, messages):
    notes = tmp_path / "other.db"
    notes.write_bytes(b"plain words, not a database\n" * 100)
    assert run_app(_args(library=str(notes))) == EXIT_LIBRARY_ERROR
    assert messages.kinds() == ["critical"]
    assert notes.read_bytes() == b"plain words, not a database\n" * 100


def test_closing_the_window_while_the_library_opens_releases_the_library(make_window, location):
    window = make_window(load=False)
    window.start_loading()
    window.close()

    with open_library(location, lock=True) as library:  # would raise LibraryLockedError
        assert not library.is_empty()  # the first run's sample import was completed


def test_screenshot_renders_the_window_with_the_sample(tmp_path, studynotes_home, seed_expected):
    target = tmp_path / "window.png"
    result = _run_studynotes("--screenshot", str(target), home=studynotes_home)

    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20  # text, panel, selection: not a blank or single-colour image
    dark = sum(1 for x in range(640, 1280, 4) for y in range(100, 700, 4)
               if image.pixelColor(x, y).lightness() < 90)
    assert dark > 200  # the reading pane holds typeset text
    with open_library(str(studynotes_home / "data" / "library.sqlite3")) as library:
        assert [m.headline for m in library.materials()] == [seed_expected["headline"]]


def test_nothing_heavy_is_imported_before_the_window_is_shown(studynotes_home):
    result = _run_studynotes("--exit-when-shown", home=studynotes_home, python_flags=("-X", "importtime"))

    assert result.returncode == 0, result.stderr
    imported = {line.split("|")[-1].strip().split(".")[0]
                for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "PySide6" in imported  # the check is looking at the right output
    assert imported.isdisjoint({"sqlalchemy", "alembic", "jieba", "reportlab", "pypdf"})


def test_snapshot_round_trip_is_keyed_by_library(tmp_path):
    reflection = StoredReflection(
        id=7, material_id=2, position=1, title="标题", author="王霞", affiliation="单位",
        paragraphs=("第一段。", "第二段。"), material_headline="新时代")
    snapshot.save_reflection(str(tmp_path / "a.sqlite3"), reflection)

    assert snapshot.load_reflection(str(tmp_path / "a.sqlite3")) == reflection
    assert snapshot.load_reflection(str(tmp_path / "." / "a.sqlite3")) == reflection
    assert snapshot.load_reflection(str(tmp_path / "b.sqlite3")) is None
    leftovers = [p.name for p in snapshot.snapshot_path().parent.iterdir()]
    assert leftovers == [snapshot.SNAPSHOT_NAME]  # no temporary files left behind


@pytest.mark.parametrize("damage", [
    b"", b"{not json", b'{"version": 1, "libraries": {"x": {"reflection": {}}}}'])
def test_a_damaged_snapshot_is_ignored(tmp_path, damage):
    path = snapshot.snapshot_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage)
    assert snapshot.load_reflection("x") is None
    assert snapshot.load_reflection(str(tmp_path / "a.sqlite3")) is None
