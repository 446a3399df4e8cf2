"""Fixtures for the window's tests.

Each test already has its own STUDYNOTES_HOME (tests/conftest.py), which also holds the
QSettings ini file, the start-up snapshot and the library, so no test sees another's
preferences. Message boxes and the review dialog are replaced by recorders: a modal
dialog would block an offscreen test forever.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.material import Material
from desktop.paths import library_location


@pytest.fixture(autouse=True)
def english_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read English source strings unless they switch to Chinese themselves."""
    monkeypatch.setenv("STUDYNOTES_LANG", "en")


@dataclass
class Messages:
    """Every QMessageBox shown: (kind, title, text)."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.shown]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    record = Messages()

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent, title, text, *args, **kwargs):
            record.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return record


@pytest.fixture(autouse=True)
def recovery_dialog_closed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The damaged-library dialog (desktop.ui.library_recovery) answers Close at once,
    unless a test drives it itself: the library files it was shown for."""
    from desktop.ui.library_recovery import LibraryRecoveryDialog

    shown: list[Path] = []

    def close(self) -> int:
        shown.append(self.library)
        self.reject()
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(LibraryRecoveryDialog, "exec", close)
    return shown


@dataclass
class Reviews:
    """The import review dialog, answered without a user: (material, source name) per call."""

    accept: bool = True
    seen: list[tuple[Material, str]] = field(default_factory=list)


@pytest.fixture
def reviews(monkeypatch: pytest.MonkeyPatch) -> Reviews:
    import desktop.ui.review_dialog as review_dialog

    record = Reviews()

    class AnsweringReviewDialog:
        def __init__(self, material: Material, source_name: str, parent=None) -> None:
            self._material = material
            record.seen.append((material, source_name))

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted if record.accept else QDialog.DialogCode.Rejected

        def reviewed_material(self) -> Material:
            return self._material

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(review_dialog, "ImportReviewDialog", AnsweringReviewDialog)
    return record


@pytest.fixture
def location() -> str:
    return library_location(None)


@pytest.fixture
def make_window(qtbot, location: str):
    """Build a main window as the app does (snapshot first), show it and open its library."""
    from desktop.ui import snapshot
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    def make(load: bool = True) -> MainWindow:
        window = MainWindow(location, Settings(), snapshot.load_reflection(location))
        qtbot.addWidget(window)
        window.resize(1100, 700)
        window.show()
        if load:
            with qtbot.waitSignal(window.libraryLoaded, timeout=30000):
                window.start_loading()
        return window

    return make


@pytest.fixture
def window(make_window):
    """A window on a fresh library, which the first run fills with the sample page."""
    return make_window()


@pytest.fixture
def second_page(seed_path: Path, tmp_path: Path) -> Path:
    """A page the library does not hold yet: the sample with its congress number changed."""
    text = seed_path.read_text(encoding="utf-8").replace("十四", "十五")
    path = tmp_path / "second_page.txt"
    path.write_text(text, encoding="utf-8")
    return path
