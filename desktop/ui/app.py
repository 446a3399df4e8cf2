"""Start the window: `studynotes` with no sub-command ends up in :func:`run_app`.

Start-up time is a feature: until the main window has painted, only Qt, this package's
UI modules and the small start-up snapshot are loaded. The library (SQLAlchemy,
migrations), the importer and everything else come after, on a worker thread.
``--screenshot`` renders the window offscreen with the sample selected and saves it;
``--exit-when-shown`` quits right after the first paint (bench/startup.py times it).
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_LIBRARY_ERROR = 2
SCREENSHOT_SIZE = (1280, 800)
# bench/startup.py only: quit once the library has opened and the panel is filled.
EXIT_WHEN_READY_ENV = "STUDYNOTES_EXIT_WHEN_READY"


def run_app(args: argparse.Namespace) -> int:
    """Show the main window until it is closed; the process exit code."""
    screenshot = getattr(args, "screenshot", None)
    exit_when_shown = bool(getattr(args, "exit_when_shown", False))
    exit_when_ready = bool(os.environ.get(EXIT_WHEN_READY_ENV))
    if screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists

    from PySide6.QtWidgets import QApplication

    from desktop.paths import library_location
    from desktop.ui import fonts, i18n, snapshot
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings, configure_application

    app = QApplication.instance() or QApplication(sys.argv[:1] or ["studynotes"])
    configure_application(app)
    translators = i18n.install_translators(app)
    fonts.apply_application_font(app)

    location = library_location(getattr(args, "library", None))
    unattended = bool(screenshot) or exit_when_shown or exit_when_ready
    # First run: create the app's folders, log to a file, and show a crash report's
    # location in a dialog (stderr and exit code 1 when unattended) instead of vanishing.
    from desktop import logs
    from desktop.ui.crash_dialog import install_crash_dialog, uninstall_crash_dialog

    logs.set_library_location(location)
    install_crash_dialog(app, interactive=not unattended)
    window = MainWindow(location, Settings(), snapshot.load_reflection(location),
                        interactive=not unattended, remember=not unattended)
    # The log file (logging.handlers, the app's folders) right after the first paint:
    # nothing is logged before it, and a crash report does not need it.
    window.firstPainted.connect(_set_up_logging_soon)
    session = _Session(app, window, screenshot=screenshot, exit_when_shown=exit_when_shown,
                       exit_when_ready=exit_when_ready)
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    else:
        window.restore_layout()
    window.show()
    try:
        code = app.exec()
    finally:
        window.shutdown()
        window.deleteLater()
        i18n.remove_translators(app, translators)
        uninstall_crash_dialog()
    return session.exit_code if session.exit_code is not None else code


def _set_up_logging_soon() -> None:
    from PySide6.QtCore import QTimer

    from desktop import logs

    QTimer.singleShot(0, logs.setup_logging)


class _Session:
    """Wires the window's milestones to what this run was asked to do."""

    def __init__(self, app, window, *, screenshot: str | None, exit_when_shown: bool,
                 exit_when_ready: bool) -> None:
        self.app = app
        self.window = window
        self.screenshot = screenshot
        self.exit_when_ready = exit_when_ready
        self.exit_code: int | None = None
        window.firstPainted.connect(self._quit if exit_when_shown else window.start_loading)
        window.libraryLoaded.connect(self._on_loaded)
        window.libraryFailed.connect(self._on_failed)

    def _finish(self, code: int) -> None:
        self.exit_code = code
        self.app.exit(code)

    def _quit(self) -> None:
        self._finish(EXIT_OK)

    def _on_failed(self, error: object) -> None:
        if self.window.interactive and self._recover(error):
            return
        self._finish(EXIT_LIBRARY_ERROR)

    def _recover(self, error: object) -> bool:
        """A damaged library: offer its last automatic copy or a new library, then reopen."""
        from desktop.ui.library_recovery import Choice, offer_recovery

        outcome = offer_recovery(self.window, self.window.location, error)  # type: ignore[arg-type]
        if outcome.choice is Choice.CANCELLED:
            return False
        self.window.start_loading()
        return True

    def _on_loaded(self) -> None:
        if self.screenshot:
            self._save_screenshot(self.screenshot)
        elif self.exit_when_ready:
            self._finish(EXIT_OK)

    def _save_screenshot(self, path: str) -> None:
        from PySide6.QtWidgets import QApplication

        self.window.show_sample()
        QApplication.processEvents()
        if self.window.grab().save(path, "PNG"):
            self._finish(EXIT_OK)
        else:
            print(f"studynotes: error: cannot write the screenshot {path}", file=sys.stderr)
            self._finish(EXIT_FAILURE)
