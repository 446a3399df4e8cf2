"""An unexpected error shows where its report is, instead of the window vanishing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import logs
from desktop.ui import crash_dialog
from desktop.ui.crash_dialog import CrashDialog, install_crash_dialog, uninstall_crash_dialog

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def restore_hooks():
    yield
    uninstall_crash_dialog()
    logs.uninstall_excepthooks()
    logs.shutdown_logging()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Crash dialogs 'shown' (exec() recorded instead of blocking), with the showing thread."""
    dialogs: list[CrashDialog] = []

    def record(self) -> int:
        self.shown_on_gui_thread = QThread.currentThread() is QApplication.instance().thread()
        self.shown_path = self.path_label.text()  # the dialog is deleted once closed
        dialogs.append(self)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", record)
    return dialogs


def test_dialog_shows_the_report_path_and_offers_its_folder(qtbot, tmp_path: Path, monkeypatch) -> None:
    report = tmp_path / "log" / "crash-20260412-093015-000000.txt"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    try:
        raise ValueError("the page could not be drawn")
    except ValueError as error:
        dialog = CrashDialog(report, error)
    qtbot.addWidget(dialog)
    assert dialog.path_label.text() == str(report)
    assert "ValueError: the page could not be drawn" in dialog.details.toPlainText()
    dialog.open_button.click()
    assert [url.toLocalFile() for url in opened] == [str(report.parent)]
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(report)


def test_without_a_report_the_details_can_be_copied(qtbot) -> None:
    error = RuntimeError("disk full")
    dialog = CrashDialog(None, error)
    qtbot.addWidget(dialog)
    assert not dialog.open_button.isEnabled()
    assert dialog.path_label.isHidden()
    dialog.copy_button.click()
    assert "RuntimeError: disk full" in QGuiApplication.clipboard().text()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_writes_a_report_and_shows_it(qtbot, shown, studynotes_home: Path) -> None:
    install_crash_dialog(QApplication.instance())

    def broken_slot() -> None:
        raise KeyError("reflection 42")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    report = shown[0].report
    assert report is not None and report.parent == studynotes_home / "log"
    assert "KeyError: 'reflection 42'" in report.read_text(encoding="utf-8")
    assert shown[0].shown_path == str(report)


def test_a_worker_thread_crash_is_shown_on_the_gui_thread(qtbot, shown, studynotes_home: Path) -> None:
    install_crash_dialog(QApplication.instance(), force=True)  # over pytest's thread hook

    def work() -> None:
        raise OSError("library file vanished")

    worker = threading.Thread(target=work, name="library-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert shown[0].shown_on_gui_thread
    text = shown[0].report.read_text(encoding="utf-8")
    assert "OSError: library file vanished" in text and "library-worker" in text


def test_a_crash_while_the_dialog_is_open_adds_a_report_not_a_dialog(
        qtbot, monkeypatch, studynotes_home: Path) -> None:
    presenter = install_crash_dialog(QApplication.instance())
    dialogs: list[CrashDialog] = []

    def exec_and_crash_again(self) -> int:
        dialogs.append(self)
        if len(dialogs) == 1:
            presenter(logs.write_crash_report(RuntimeError, RuntimeError("second"), None),
                      RuntimeError("second"), None)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_and_crash_again)
    presenter(logs.write_crash_report(RuntimeError, RuntimeError("first"), None), RuntimeError("first"), None)
    assert len(dialogs) == 1
    assert len(logs.crash_reports()) == 2


def test_unattended_runs_print_the_report_and_exit_instead_of_waiting(
        qtbot, shown, monkeypatch, capsys, studynotes_home: Path) -> None:
    exits: list[int] = []
    monkeypatch.setattr(crash_dialog.QCoreApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    presenter = install_crash_dialog(QApplication.instance(), interactive=False)
    error = RuntimeError("during a screenshot")
    report = logs.write_crash_report(RuntimeError, error, None)
    presenter(report, error, None)
    assert shown == []  # no dialog nobody could close
    assert exits == [crash_dialog.EXIT_CRASHED]
    assert f"a report was written to {report}" in capsys.readouterr().err


@pytest.mark.slow
def test_the_app_reports_a_crash_in_its_window(tmp_path: Path) -> None:
    """End to end through `studynotes --screenshot`: a failing window leaves a report and exit 1."""
    home = tmp_path / "home"
    script = (
        "import sys\n"
        "from desktop.ui import main_window\n"
        "def broken(self):\n    raise RuntimeError('the sample could not be selected')\n"
        "main_window.MainWindow.show_sample = broken\n"
        "from desktop.cli import main\n"
        f"sys.exit(main(['--screenshot', {str(tmp_path / 'shot.png')!r}]))\n"
    )
    env = {**os.environ, "STUDYNOTES_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == crash_dialog.EXIT_CRASHED, result.stderr
    reports = list((home / "log").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: the sample could not be selected" in text
    assert "Qt:         Qt 6." in text
    assert f"a report was written to {reports[0]}" in result.stderr
    assert (home / "log" / logs.LOG_FILE_NAME).is_file()
    for folder in ("data", "cache", "log"):
        assert (home / folder).is_dir()
