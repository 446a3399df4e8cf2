"""When the library file is not a library or is damaged: explain, and offer a way out.

Without this, a damaged library (a copy interrupted by a full USB stick, a file renamed
by mistake) leaves the user with an error and a window that cannot do anything. The
dialog says what happened in one sentence and offers two ways out:

* restore the last automatic copy: the library keeps copies in ``backups/`` beside the
  library file (:mod:`desktop.library.sqlite` writes one before each upgrade);
* start a new, empty library.

Either way the damaged file is never overwritten or deleted: it is renamed aside in its
own folder (``library.sqlite3`` -> ``library.sqlite3.damaged-20260412-093015``), with its
``-wal``/``-shm`` journals, so a colleague can still rescue it, and the dialog says
where it went. The file operations are plain functions (no Qt), tested on real files.
"""

from __future__ import annotations

import enum
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import LibraryError, LibraryLockedError, NotALibraryError

BACKUPS_FOLDER = "backups"  # desktop.library.sqlite.BACKUPS_FOLDER (not imported: SQLAlchemy)
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's journals: they belong to the damaged file
SQLITE_MAGIC = b"SQLite format 3\x00"
TEXT_WIDTH = 480
# Library errors that mean "this file is not a usable library" (not: locked, busy, read-only,
# on a server...). "library" is the code of an SQLite error no sentence was written for,
# such as a missing table in a damaged file.
RECOVERABLE_CODES = frozenset({NotALibraryError.code, LibraryError.code})


class Choice(enum.Enum):
    RESTORED = "restored"  # the last automatic copy is now the library
    NEW_LIBRARY = "new"  # the library file is gone aside; opening it creates a new one
    CANCELLED = "cancelled"  # nothing was changed


@dataclass(frozen=True)
class Outcome:
    choice: Choice
    set_aside: Path | None = None  # where the damaged file went
    restored_from: Path | None = None


# --- the file operations (no Qt) ---------------------------------------------------------


def library_file(location: str) -> Path | None:
    """The file behind a library location, or None for a database server / in-memory."""
    if location.startswith("sqlite:///"):
        location = location[len("sqlite:///"):]
    elif re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", location):
        return None
    if not location or location == ":memory:":
        return None
    return Path(location).expanduser()


def is_recoverable(error: BaseException, location: str) -> bool:
    """Whether to offer recovery: a library *file* that exists and is not usable as one."""
    if not isinstance(error, LibraryError) or isinstance(error, LibraryLockedError):
        return False
    if error.code not in RECOVERABLE_CODES:
        return False
    path = library_file(location)
    return path is not None and path.is_file()


def automatic_copies(library: Path) -> list[Path]:
    """The automatic copies of ``library`` in its ``backups/`` folder, newest first.

    Only files that start like an SQLite database count: a copy cut short by a full disk
    is not offered.
    """
    folder = library.parent / BACKUPS_FOLDER
    pattern = re.compile(
        re.escape(library.stem) + r"-(\d{8}-\d{6}(?:-\d+)?).*" + re.escape(library.suffix) + "$")
    found: list[tuple[str, float, Path]] = []
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return []
    for path in candidates:
        match = pattern.match(path.name)
        if match and path.is_file() and _looks_like_sqlite(path):
            found.append((match.group(1), path.stat().st_mtime, path))
    found.sort(reverse=True)
    return [path for _, _, path in found]


def last_automatic_copy(library: Path) -> Path | None:
    copies = automatic_copies(library)
    return copies[0] if copies else None


def set_aside(library: Path, now: datetime | None = None) -> Path:
    """Rename the damaged library (and its journals) beside itself; the new name.

    A rename in the same folder: instant, no copy that could fail half-way, and nothing
    is ever overwritten (an existing name gets a counter).
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = library.with_name(f"{library.name}.damaged-{stamp}")
    counter = 1
    while target.exists() or any(Path(f"{target}{side}").exists() for side in SIDE_FILES):
        counter += 1
        target = library.with_name(f"{library.name}.damaged-{stamp}-{counter}")
    os.rename(library, target)
    for side in SIDE_FILES:
        journal = Path(f"{library}{side}")
        if journal.exists():
            os.rename(journal, Path(f"{target}{side}"))
    return target


def restore_copy(library: Path, copy: Path) -> Path:
    """Put the damaged library aside and a copy of ``copy`` in its place; where it went.

    The copy is written to a temporary name first, so the library path never holds half
    a file; the automatic copy itself stays in ``backups/``.
    """
    temporary = library.with_name(library.name + ".restoring")
    shutil.copyfile(copy, temporary)
    try:
        aside = set_aside(library)
        os.replace(temporary, library)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return aside


def start_new_library(library: Path) -> Path:
    """Put the damaged library aside; opening the location then creates an empty library."""
    return set_aside(library)


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


# --- the dialog ----------------------------------------------------------------------------


class LibraryRecoveryDialog(QDialog):
    """Explains that the library cannot be used and performs the user's choice."""

    def __init__(self, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.copy = last_automatic_copy(library)
        self.outcome = Outcome(Choice.CANCELLED)
        self.setObjectName("libraryRecoveryDialog")
        self.setWindowTitle(self.tr("The Library Cannot Be Opened"))

        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(self.tr(
            "This library file is not a Study Notes library, or it is damaged:"), self)
        self.message.setWordWrap(True)
        self.path_label = QLabel(str(library), self)
        self.path_label.setObjectName("libraryPath")
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.path_label.font()
        font.setBold(True)
        self.path_label.setFont(font)
        self.safety = QLabel(self.tr(
            "Nothing has been changed. Whatever you choose, this file is kept: it is only "
            "renamed, in the same folder, so that it can still be rescued."), self)
        self.safety.setWordWrap(True)
        if self.copy is not None:
            copy_text = self.tr("The last automatic copy of the library was made on {date}.").format(
                date=datetime.fromtimestamp(self.copy.stat().st_mtime).strftime("%Y-%m-%d %H:%M"))
        else:
            copy_text = self.tr("There is no automatic copy of this library to restore.")
        self.copy_label = QLabel(copy_text, self)
        self.copy_label.setObjectName("copyInfo")
        self.copy_label.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore the Last Copy"), self)
        self.restore_button.setEnabled(self.copy is not None)
        self.new_button = QPushButton(self.tr("Start a &New Library"), self)
        self.cancel_button = QPushButton(self.tr("&Close"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        (self.restore_button if self.copy is not None else self.new_button).setDefault(True)
        self.restore_button.clicked.connect(self.restore)
        self.new_button.clicked.connect(self.start_new)
        self.cancel_button.clicked.connect(self.reject)

        text = QVBoxLayout()
        for widget in (self.message, self.path_label, self.safety, self.copy_label):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        text.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        # A wrapped label's height is computed for its minimum width: give it a real one,
        # or the dialog comes out too short for the text.
        for label in (self.message, self.path_label, self.safety, self.copy_label):
            label.setMinimumWidth(TEXT_WIDTH)

    def restore(self) -> None:
        if self.copy is None:
            return
        try:
            aside = restore_copy(self.library, self.copy)
        except OSError as error:
            self._failed(error)
            return
        self.outcome = Outcome(Choice.RESTORED, aside, self.copy)
        self.accept()

    def start_new(self) -> None:
        try:
            aside = start_new_library(self.library)
        except OSError as error:
            self._failed(error)
            return
        self.outcome = Outcome(Choice.NEW_LIBRARY, aside)
        self.accept()

    def _failed(self, error: OSError) -> None:
        QMessageBox.critical(self, self.tr("Nothing Was Changed"), self.tr(
            "The library file could not be renamed or replaced ({reason}). Nothing was "
            "changed. Check that the folder may be written to, or ask for help."
        ).format(reason=error.strerror or str(error)))

    def confirmation(self) -> str:
        """What was done and where the damaged file is now (empty when nothing was done)."""
        if self.outcome.choice is Choice.CANCELLED or self.outcome.set_aside is None:
            return ""
        done = (self.tr("The last automatic copy has been restored.")
                if self.outcome.choice is Choice.RESTORED
                else self.tr("A new, empty library has been started."))
        return self.tr("{done}\n\nThe damaged file has been kept as:\n{path}").format(
            done=done, path=self.outcome.set_aside)


def offer_recovery(parent: QWidget | None, location: str, error: BaseException) -> Outcome:
    """Show the recovery dialog if ``error`` is about an unusable library file.

    Returns the outcome; on RESTORED or NEW_LIBRARY the caller opens ``location`` again.
    The choice is confirmed in a message saying where the damaged file now is.
    """
    path = library_file(location)
    if path is None or not is_recoverable(error, location):
        return Outcome(Choice.CANCELLED)
    dialog = LibraryRecoveryDialog(path, parent)
    try:
        dialog.exec()
        outcome, confirmation = dialog.outcome, dialog.confirmation()
        title = dialog.tr("Library Recovered")
    finally:
        dialog.deleteLater()
    if confirmation:
        QMessageBox.information(parent, title, confirmation)
    return outcome
