"""A damaged library gets a way out, and nothing the user had is ever overwritten or deleted.

The libraries here are real: a library of the old schema (tests/fixtures/libraries) is
opened, which upgrades it and makes the library's own automatic copy in backups/; then
the library file is damaged the way an interrupted copy damages it. The dialog is driven
by clicking its buttons, and the files on disk are checked afterwards.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.errors import LibraryError, LibraryLockedError, NotALibraryError
from desktop.library import open_library
from desktop.ui import library_recovery
from desktop.ui.library_recovery import Choice, LibraryRecoveryDialog

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "libraries" / "library-0001.sqlite3"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its content hash."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def headlines(location: Path) -> list[str]:
    with open_library(str(location)) as library:
        return sorted(m.headline for m in library.materials())


def headlines_of_copy(copy: Path, scratch: Path) -> list[str]:
    """What a library file holds, read from a copy (opening upgrades, which writes)."""
    scratch.mkdir()
    shutil.copyfile(copy, scratch / copy.name)
    return headlines(scratch / copy.name)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A library with an automatic copy in backups/, then damaged (its header overwritten)."""
    library = tmp_path / "library.sqlite3"
    shutil.copyfile(FIXTURE, library)
    with open_library(str(library)) as opened:  # upgrading it makes the automatic copy
        assert opened.materials()
    assert len(list((tmp_path / "backups").iterdir())) == 1
    data = bytearray(library.read_bytes())
    data[:100] = b"\x00" * 100  # what a copy cut short by a full USB stick can look like
    library.write_bytes(bytes(data))
    with pytest.raises(NotALibraryError):
        open_library(str(library))
    return library


@pytest.fixture
def dialog(qtbot, damaged: Path) -> LibraryRecoveryDialog:
    widget = LibraryRecoveryDialog(damaged)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_dialog_names_the_file_and_the_copy(dialog: LibraryRecoveryDialog, damaged: Path) -> None:
    assert dialog.path_label.text() == str(damaged)
    assert "automatic copy" in dialog.copy_label.text()
    assert dialog.restore_button.isEnabled()
    assert dialog.copy is not None and dialog.copy.parent == damaged.parent / "backups"


def test_restore_puts_back_the_last_copy_and_keeps_the_damaged_file(
        qtbot, dialog: LibraryRecoveryDialog, damaged: Path, tmp_path: Path) -> None:
    damaged_bytes = damaged.read_bytes()
    copy = dialog.copy
    copy_hash = digest(copy)
    expected = headlines_of_copy(copy, tmp_path / "scratch")
    assert expected
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.outcome.choice is Choice.RESTORED
    assert not dialog.isVisible()
    aside = dialog.outcome.set_aside
    assert aside is not None and aside.parent == damaged.parent
    assert aside.name.startswith("library.sqlite3.damaged-")
    assert aside.read_bytes() == damaged_bytes  # kept exactly as it was
    assert digest(damaged) == copy_hash  # the library is the automatic copy again
    assert copy.is_file() and digest(copy) == copy_hash  # and the copy is still there
    assert headlines(damaged) == expected  # it opens (upgraded again), with its materials
    assert "damaged" in dialog.confirmation() and str(aside) in dialog.confirmation()


def test_new_library_sets_the_damaged_file_and_its_journal_aside(
        qtbot, dialog: LibraryRecoveryDialog, damaged: Path) -> None:
    damaged_bytes = damaged.read_bytes()
    journal = Path(f"{damaged}-wal")
    journal.write_bytes(b"journal of the damaged file")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)

    assert dialog.outcome.choice is Choice.NEW_LIBRARY
    aside = dialog.outcome.set_aside
    assert aside.read_bytes() == damaged_bytes
    # The journal went with its file: left behind, it would be replayed into the new library.
    assert not journal.exists()
    assert Path(f"{aside}-wal").read_bytes() == b"journal of the damaged file"
    assert not damaged.exists()
    with open_library(str(damaged)) as library:
        assert library.is_empty()


def test_close_changes_nothing(qtbot, dialog: LibraryRecoveryDialog, damaged: Path) -> None:
    before = snapshot(damaged.parent)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.choice is Choice.CANCELLED
    assert dialog.confirmation() == ""
    assert snapshot(damaged.parent) == before


def test_without_a_copy_only_a_new_library_is_offered(qtbot, damaged: Path) -> None:
    shutil.rmtree(damaged.parent / "backups")
    widget = LibraryRecoveryDialog(damaged)
    qtbot.addWidget(widget)
    assert not widget.restore_button.isEnabled()
    assert widget.new_button.isDefault()
    assert "no automatic copy" in widget.copy_label.text()


def test_a_failed_rename_says_so_and_changes_nothing(
        qtbot, dialog: LibraryRecoveryDialog, damaged: Path, messages, monkeypatch) -> None:
    before = snapshot(damaged.parent)

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(library_recovery.os, "rename", refuse)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.choice is Choice.CANCELLED
    assert dialog.isVisible()  # the user can still choose
    assert messages.kinds() == ["critical"]
    assert "Permission denied" in messages.shown[0][2]
    assert snapshot(damaged.parent) == before  # no half-restored file, no temporary left


def test_the_newest_intact_copy_is_offered(damaged: Path) -> None:
    backups = damaged.parent / "backups"
    (original,) = backups.iterdir()
    newer = backups / "library-29990101-000000-000000-schema-0002.sqlite3"
    shutil.copyfile(original, newer)
    broken = backups / "library-29991231-000000-000000-schema-0002.sqlite3"
    broken.write_bytes(b"cut short")  # newest, but not a database: never offered
    assert library_recovery.automatic_copies(damaged) == [newer, original]


def test_setting_aside_never_overwrites(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    library.write_bytes(b"first damaged file")
    moment = datetime(2026, 4, 12, 9, 30, 15)
    first = library_recovery.set_aside(library, moment)
    library.write_bytes(b"second damaged file")
    second = library_recovery.set_aside(library, moment)
    assert first != second
    assert first.read_bytes() == b"first damaged file"
    assert second.read_bytes() == b"second damaged file"


def test_only_unusable_library_files_are_offered_recovery(damaged: Path) -> None:
    location = str(damaged)
    assert library_recovery.is_recoverable(NotALibraryError("damaged"), location)
    assert library_recovery.is_recoverable(NotALibraryError("damaged"), f"sqlite:///{damaged}")
    assert not library_recovery.is_recoverable(LibraryLockedError("open elsewhere"), location)
    assert not library_recovery.is_recoverable(
        LibraryError("read-only", code="library-read-only"), location)
    assert not library_recovery.is_recoverable(NotALibraryError("x"), "postgresql://host/notes")
    assert not library_recovery.is_recoverable(NotALibraryError("x"), str(damaged.parent / "absent.sqlite3"))
    assert not library_recovery.is_recoverable(RuntimeError("bug"), location)


def test_the_window_reopens_the_restored_library(
        qtbot, damaged: Path, messages, monkeypatch, tmp_path: Path) -> None:
    """The app's start-up (desktop.ui.app) offers recovery when the library fails to open."""
    from desktop.ui.app import _Session
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    def click_restore(self) -> int:
        self.restore_button.click()
        return self.result()

    monkeypatch.setattr(LibraryRecoveryDialog, "exec", click_restore)
    from PySide6.QtWidgets import QApplication

    expected = headlines_of_copy(library_recovery.last_automatic_copy(damaged), tmp_path / "scratch")
    window = MainWindow(str(damaged), Settings(), None, remember=False)
    qtbot.addWidget(window)
    session = _Session(QApplication.instance(), window, screenshot=None, exit_when_shown=False,
                       exit_when_ready=False)
    with qtbot.waitSignal(window.libraryLoaded, timeout=30000):
        window.show()  # the first paint starts loading, as in the app
    qtbot.wait(200)  # let any further failure arrive
    assert session.exit_code is None  # not closed with an error: recovered
    assert window.model.material_count() == len(expected)
    assert "information" in messages.kinds()  # where the damaged file went
    assert list(damaged.parent.glob("library.sqlite3.damaged-*"))
    window.shutdown()


def test_closing_the_dialog_at_start_up_exits_and_leaves_the_file(
        qapp, damaged: Path, messages, recovery_dialog_closed) -> None:
    """`studynotes --library damaged.sqlite3`: the offer is made; Close changes nothing."""
    import argparse

    from desktop.ui.app import EXIT_LIBRARY_ERROR, run_app

    before = snapshot(damaged.parent)
    args = argparse.Namespace(library=str(damaged), screenshot=None, exit_when_shown=False)
    assert run_app(args) == EXIT_LIBRARY_ERROR
    assert recovery_dialog_closed == [damaged]
    assert snapshot(damaged.parent) == before
