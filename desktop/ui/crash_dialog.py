"""The dialog shown after an unexpected error, instead of a window that vanishes.

:mod:`desktop.logs` writes the crash report; this module shows it: one sentence that
something went wrong and that saved work is kept, the report's path (selectable), and
buttons to open its folder or copy the path, so the user can send the file to whoever
looks after the PCs. :func:`install_crash_dialog` connects the two: a crash on a worker
thread is carried to the GUI thread by a queued signal before a dialog is shown; an
unattended run (``--screenshot``, benchmarks) gets no dialog nobody could close, but the
report on stderr and exit code 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import logs

EXIT_CRASHED = 1
TEXT_WIDTH = 480


class CrashDialog(QDialog):
    """Says that an unexpected error happened and where its report is."""

    def __init__(self, report: Path | None, error: BaseException | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Study Notes Ran Into a Problem"))

        from PySide6.QtWidgets import QStyle  # its enums cost ~10 ms: not at start-up

        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(self.tr(
            "An unexpected error occurred. What was already saved in the library is kept."), self)
        self.message.setWordWrap(True)
        if report is not None:
            where = self.tr("A report describing the problem was saved here. Please send "
                            "this file to the person who looks after Study Notes:")
        else:
            where = self.tr("The report could not be saved (the disk may be full or "
                            "read-only). Please copy the details below and send them to "
                            "the person who looks after Study Notes:")
        self.where = QLabel(where, self)
        self.where.setWordWrap(True)
        self.path_label = QLabel(str(report) if report else "", self)
        self.path_label.setObjectName("reportPath")
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setVisible(report is not None)
        font = self.path_label.font()
        font.setBold(True)
        self.path_label.setFont(font)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setPlainText(_summary(error))
        self.details.setMaximumHeight(120)

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Open Folder"), self)
        self.copy_button = QPushButton(self.tr("&Copy Path") if report else self.tr("&Copy Details"), self)
        self.close_button = QPushButton(self.tr("C&lose"), self)
        self.open_button.setEnabled(report is not None)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        self.open_button.clicked.connect(self.open_folder)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.close_button.clicked.connect(self.reject)

        text = QVBoxLayout()
        for widget in (self.message, self.where, self.path_label, self.details):
            text.addWidget(widget)
        for label in (self.message, self.where, self.path_label):
            label.setMinimumWidth(TEXT_WIDTH)  # wrapped labels get their height for this width
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

    def open_folder(self) -> bool:
        """Show the report's folder in the file manager (Explorer, the desktop's own)."""
        if self.report is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.parent)))

    def copy_to_clipboard(self) -> None:
        text = str(self.report) if self.report is not None else self.details.toPlainText()
        QGuiApplication.clipboard().setText(text)


def _summary(error: BaseException | None) -> str:
    if error is None:
        return ""
    import traceback

    return "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()


class _CrashPresenter(QObject):
    """Shows crash dialogs on the GUI thread, one at a time."""

    crashed = Signal(object, object)  # report path or None, the exception

    def __init__(self, app: QCoreApplication, interactive: bool) -> None:
        super().__init__(None)
        self.moveToThread(app.thread())
        self.interactive = interactive
        self.showing = False
        self.shown: list[Path | None] = []
        # Emitted from a worker thread, the signal is queued to this (GUI-thread) object.
        self.crashed.connect(self.present, Qt.ConnectionType.QueuedConnection)

    def __call__(self, report: Path | None, error: BaseException, thread_name: str | None) -> None:
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is not app.thread():
            self.crashed.emit(report, error)
        else:
            self.present(report, error)

    @Slot(object, object)
    def present(self, report: Path | None, error: BaseException) -> None:
        self.shown.append(report)
        if not self.interactive or not isinstance(QCoreApplication.instance(), QApplication):
            logs.print_report(report, error, None)  # the same words as the CLI
            QCoreApplication.exit(EXIT_CRASHED)
            return
        if self.showing:  # a crash storm (e.g. in a paint event): one dialog, every report
            return
        self.showing = True
        try:
            dialog = CrashDialog(report, error, QApplication.activeWindow())
            dialog.exec()
            dialog.deleteLater()
        finally:
            self.showing = False


_presenter: _CrashPresenter | None = None


def install_crash_dialog(app: QCoreApplication, *, interactive: bool = True,
                         force: bool = False) -> _CrashPresenter:
    """Report unhandled exceptions (any thread) with a dialog; call once the app exists.

    ``force`` also replaces hooks installed by others (see :func:`logs.install_excepthooks`).
    """
    global _presenter
    if _presenter is not None:
        _presenter.deleteLater()
    _presenter = _CrashPresenter(app, interactive)
    logs.install_excepthooks(_presenter, force=force)
    return _presenter


def uninstall_crash_dialog() -> None:
    """Back to reporting on stderr (tests; the end of run_app)."""
    global _presenter
    logs.set_crash_presenter(None)
    if _presenter is not None:
        _presenter.deleteLater()
        _presenter = None


if __name__ == "__main__":  # pragma: no cover - look at the dialog: python -m desktop.ui.crash_dialog
    application = QApplication(sys.argv)
    try:
        raise RuntimeError("example failure")
    except RuntimeError as example:
        CrashDialog(Path.home() / "crash-example.txt", example).exec()
