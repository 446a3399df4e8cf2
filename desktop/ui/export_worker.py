"""Exporting the material being read as a study brief or a training handout (Ctrl+P).

The flow: the export dialog asks what to print and where; a worker thread reads the
highlights and notes from the library, extracts the keywords (jieba) and typesets the PDF
(reportlab) -- seconds of work the window must not freeze for -- while a busy progress
dialog shows; then the PDF opens in the system's viewer and its path stays in the status
bar, with a message offering to open its folder. A write that fails says so in one
message; the core writes through a temporary file, so nothing half-written is left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from desktop.errors import StudyNotesError
from desktop.ui.export_dialog import BRIEF, ExportDialog, ExportRequest, Kind

if TYPE_CHECKING:
    from desktop.brief import BriefResult
    from desktop.brief_source import KeywordExtractor
    from desktop.library import Library
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)

Opener = Callable[[QUrl], bool]


def export_job(library: Library, request: ExportRequest, keywords: KeywordExtractor | None = None) -> BriefResult:
    """Runs on the worker thread: read the material's annotations, write the PDF.

    ``keywords`` is the window's analysis process: jieba's loading holds the interpreter
    lock for long stretches and would freeze the window if it ran in this process.
    """
    from desktop.brief import build_handout, build_study_brief
    from desktop.brief_source import brief_content_for_material

    # The handout has no keyword figure: do not pay for loading jieba.
    content = brief_content_for_material(
        library, request.material_id, with_keywords=request.kind == BRIEF, keywords=keywords)
    if request.kind == BRIEF:
        return build_study_brief(content, request.cover, request.options, request.output)
    return build_handout(content, request.options, request.output)


class ExportController(QObject):
    """The window's export commands: dialog, worker, progress, viewer and messages.

    ``opener`` opens a file or folder URL in the system (QDesktopServices.openUrl);
    tests replace it so that nothing is launched.
    """

    exported = Signal(object)  # the BriefResult
    exportFailed = Signal(object)  # the exception

    def __init__(self, window: MainWindow, tasks: TaskRunner, opener: Opener | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.opener: Opener = opener or QDesktopServices.openUrl
        self.progress: QProgressDialog | None = None
        self.done_message: QMessageBox | None = None

    # --- the commands -----------------------------------------------------------------

    def export(self, kind: Kind) -> None:
        """Ask how, then export the material being read (Ctrl+P brief, Ctrl+Shift+P handout)."""
        library = self.window.library
        target = self._current_material()
        if library is None or target is None:
            QMessageBox.information(self.window, self._title(kind), self.tr(
                "Open a material in the library first: the export prints the material being read."))
            return
        if self.progress is not None:
            self.window.statusBar().showMessage(self.tr("An export is already being generated…"), 5000)
            return
        material_id, headline = target
        dialog = ExportDialog(kind, material_id, headline, self.window.settings, self.window)
        try:
            result = dialog.exec()
            if getattr(result, "value", result) != QDialog.DialogCode.Accepted.value:
                return
            request = dialog.request()
        finally:
            dialog.deleteLater()
        self.start(library, request)

    def start(self, library: Library, request: ExportRequest) -> None:
        """Write the PDF on the worker thread, with a busy indicator meanwhile."""
        self.progress = self._progress_dialog(request)
        self.window.statusBar().showMessage(self.tr("Generating {name}…").format(name=request.output.name))
        self.tasks.start(export_job, library, request, self.window.annotations.service.material_keywords,
                         on_success=self._on_exported, on_failure=self._on_failed)

    # --- outcome ----------------------------------------------------------------------

    def _on_exported(self, result: BriefResult) -> None:
        self._close_progress()
        path = Path(result.path)
        self.window.statusBar().showMessage(self.tr("Exported to {path}").format(path=path))
        self.opener(QUrl.fromLocalFile(str(path)))
        self._show_done_message(path, result.pages)
        self.exported.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self._close_progress()
        self.window.statusBar().clearMessage()
        QMessageBox.critical(self.window, self.tr("Export Failed"), self._error_text(error))
        self.exportFailed.emit(error)

    def _error_text(self, error: BaseException) -> str:
        from desktop.brief import BriefError

        if isinstance(error, BriefError):
            if error.details.get("path") and Path(str(error.details["path"])).suffix.lower() in (".ttf", ".ttc", ".otf"):
                return self.tr(
                    "The chosen font cannot be used in a PDF. Choose a TrueType font (.ttf or .ttc), "
                    "or the default bundled font.\n\nDetails: {reason}").format(reason=error.message)
            return self.tr(
                "The PDF could not be written. Check that the folder exists and that you may save "
                "files there; if a PDF of the same name is open in another program, close it and "
                "try again. Nothing was saved.\n\nDetails: {reason}").format(reason=error.message)
        if isinstance(error, StudyNotesError):
            return self.tr("The export could not be made: {reason}").format(reason=error.message)
        log.error("unexpected error during export", exc_info=error)
        return self.tr("An unexpected error stopped the export: {reason}").format(
            reason=str(error) or type(error).__name__)

    def _show_done_message(self, path: Path, pages: int) -> None:
        """A non-blocking message: the PDF is already open, the folder is one click away."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export Finished"), self.tr(
            "Exported to {path} ({pages} pages).").format(path=path, pages=pages),
            QMessageBox.StandardButton.Close, self.window)
        box.setObjectName("exportDoneMessage")
        folder_button = box.addButton(self.tr("Open Containing Folder"), QMessageBox.ButtonRole.ActionRole)
        folder_button.setObjectName("openFolderButton")
        folder_button.clicked.connect(lambda: self.opener(QUrl.fromLocalFile(str(path.parent))))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_done_message)
        if self.done_message is not None:
            self.done_message.close()
        self.done_message = box
        box.open()

    def _forget_done_message(self) -> None:
        self.done_message = None

    # --- helpers ------------------------------------------------------------------------

    def _progress_dialog(self, request: ExportRequest) -> QProgressDialog:
        progress = QProgressDialog(self.window)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(self._title(request.kind))
        progress.setLabelText(self.tr("Generating…"))
        progress.setCancelButtonText(self.tr("Hide"))
        progress.setRange(0, 0)  # busy: the typesetting reports no steps
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.canceled.connect(self._on_hidden)
        progress.show()
        return progress

    def _on_hidden(self) -> None:
        """The button hides the dialog and gives the window back; the export goes on
        (stopping reportlab half-way gains nothing) and reports as usual when done."""
        if self.progress is not None:
            self.progress.hide()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._on_hidden)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _current_material(self) -> tuple[int, str] | None:
        reading = self.window.reading
        reflection = reading.reflection
        if reflection is not None:
            return reflection.material_id, reflection.material_headline
        material = reading.material
        if material is not None:
            return material.id, material.headline
        return None

    def _title(self, kind: Kind) -> str:
        return self.tr("Export Study Brief") if kind == BRIEF else self.tr("Export Training Handout")

