"""The main window: library panel on the left, reading pane on the right.

Start-up order is the point of this module. The window is built and shown with only
Qt and the small start-up snapshot (the reflection the user last read); the library,
which needs SQLAlchemy and migrations, opens on a worker thread once the window has
painted (:meth:`MainWindow.start_loading`), then fills the panel and keeps the same
reflection selected. Imports read and parse on the worker, the review dialog runs on
the GUI thread, and storing goes back to the worker.
"""

from __future__ import annotations

import logging
import sys
from functools import partial
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QMainWindow,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import InputError, LibraryError, LibraryLockedError, NotALibraryError, StudyNotesError
from desktop.material import ImportResult, Material, MaterialSummary, ReflectionSummary, StoredReflection
from desktop.ui import snapshot
from desktop.ui.actions import MainActions
from desktop.ui.library_model import (
    MATERIAL,
    REFLECTION,
    IdRole,
    KindRole,
    LibraryItemDelegate,
    LibraryModel,
    MaterialIdRole,
)
from desktop.ui.reading_view import ReadingView
from desktop.ui.settings import DEFAULT_READING_SIZE, Settings
from desktop.ui.workers import TaskRunner

if TYPE_CHECKING:  # the library module imports SQLAlchemy: never at start-up
    from desktop.annotation import Highlight
    from desktop.library import Library
    from desktop.search_results import SearchHit

log = logging.getLogger(__name__)

EXPAND_ALL_UP_TO = 12  # materials; beyond that only the current one is expanded
PANEL_BACKGROUND = "#f4f2ee"
WINDOW_STYLE = """
QMenuBar { background: #f4f2ee; }
QToolBar#mainToolbar { spacing: 4px; padding: 3px 6px; border: none; background: #f4f2ee;
                       border-bottom: 1px solid #dedad2; }
QToolBar#mainToolbar QToolButton { padding: 5px 12px; border-radius: 4px; }
QToolBar#mainToolbar QToolButton:hover { background: #e6e2da; }
QToolBar#mainToolbar QToolButton:pressed { background: #dcd7cc; }
QSplitter#mainSplitter::handle { background: #dedad2; }
QTreeView#libraryPanel { show-decoration-selected: 0; }
QStatusBar { border-top: 1px solid #dedad2; background: #f4f2ee; }
QStatusBar::item { border: none; }
QScrollBar:vertical { background: transparent; width: 12px; margin: 0; }
QScrollBar::handle:vertical { background: #cfcac0; border-radius: 4px; min-height: 32px;
                              margin: 2px 3px; }
QScrollBar::handle:vertical:hover { background: #b5afa3; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QDockWidget::title { background: #ebe7df; padding: 7px 10px; border-bottom: 1px solid #dedad2; }
QMainWindow > QTabBar::tab { padding: 6px 18px; background: #ebe7df; color: #4a4a50;
                             border: 1px solid #dedad2; border-top: none; }
QMainWindow > QTabBar::tab:selected { background: #f4f2ee; color: #a8322d; font-weight: bold; }
"""
# The dock rules are here rather than added when the docks are built: changing the
# style sheet after the first paint would re-polish every widget of the window.


# --- work done on the worker thread (plain functions: no Qt, no widgets) ---------------


class LibraryContents(NamedTuple):
    materials: list[MaterialSummary]
    reflections: list[ReflectionSummary]


class OpenedLibrary(NamedTuple):
    library: Any  # desktop.library.Library
    contents: LibraryContents
    sample_material_id: int | None  # the sample page's material, if in the library
    imported_sample: bool  # first run: the sample was imported just now


class ParsedPage(NamedTuple):
    material: Material
    duplicate_id: int | None


class StoredPage(NamedTuple):
    result: ImportResult
    contents: LibraryContents


def _contents(library: Library) -> LibraryContents:
    return LibraryContents(library.materials(), library.reflection_summaries())


def open_library_job(location: str) -> OpenedLibrary:
    """Open (and lock) the library; on first run import the sample page so it is not empty."""
    from desktop.library import open_library

    library = open_library(location, lock=True)
    try:
        imported_sample = library.is_empty() and _import_sample(library) is not None
        contents = _contents(library)
        return OpenedLibrary(library, contents, _sample_id(contents), imported_sample)
    except BaseException:
        library.close()
        raise


def _import_sample(library: Library) -> int | None:
    from desktop.importer import parse_file
    from desktop.resources import sample_page_path

    path = sample_page_path()
    try:
        return library.import_material(parse_file(path), path.name).material_id
    except StudyNotesError:  # a damaged install must not stop the window from opening
        log.exception("could not import the sample page %s", path)
        return None


def _sample_id(contents: LibraryContents) -> int | None:
    from desktop.resources import sample_page_path

    name = sample_page_path().name
    return next((m.id for m in contents.materials if m.source_name == name), None)


def parse_job(library: Library, source: Path | str) -> ParsedPage:
    """Read and parse a file (Path) or pasted text (str), and look for it in the library."""
    from desktop.importer import parse_file, parse_page

    material = parse_file(source) if isinstance(source, Path) else parse_page(source)
    return ParsedPage(material, library.find_duplicate(material))


def delete_job(library: Library, material_id: int) -> LibraryContents:
    library.delete_material(material_id)
    return _contents(library)


def store_job(library: Library, material: Material, source_name: str) -> StoredPage:
    result = library.import_material(material, source_name)
    return StoredPage(result, _contents(library))


# --- the window ------------------------------------------------------------------------


class MainWindow(QMainWindow):
    """Library panel + reading pane, with the import commands."""

    libraryLoaded = Signal()
    libraryFailed = Signal(object)  # the LibraryError (or unexpected exception)
    importFinished = Signal(int)  # material id, new or already present
    readingChanged = Signal()
    firstPainted = Signal()
    highlightsChanged = Signal()  # any highlight added, changed or removed
    keywordActivated = Signal(str)  # a keyword clicked: search the library for it

    def __init__(
        self,
        location: str,
        settings: Settings | None = None,
        startup_reflection: StoredReflection | None = None,
        parent: QWidget | None = None,
        *,
        interactive: bool = True,
        remember: bool = True,
    ) -> None:
        super().__init__(parent)
        self.location = location
        # interactive=False (screenshot, bench): report library errors on stderr, not in a
        # dialog nobody can close; remember=False: leave the user's settings untouched.
        self.interactive = interactive
        self.remember = remember
        self.settings = settings or Settings()
        self._library: Library | None = None
        self._closed = False
        self._painted = False
        self._startup_reflection = startup_reflection
        self.sample_material_id: int | None = None
        # Built right after the first paint (or on first use): see build_after_first_paint.
        self._deferred_built = False
        self._pending_state: Any = None  # saved dock layout, re-applied once the docks exist
        self._annotations: Any = None
        self._exports: Any = None
        self._panes: dict[str, Any] = {}
        self._tasks = TaskRunner(self)
        self._tasks.busyChanged.connect(self._on_busy_changed)

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Study Notes"))
        self.setStyleSheet(WINDOW_STYLE)
        self.main_actions = MainActions(self)
        self.model = LibraryModel(self)
        self.tree = self._build_tree()
        self.reading = ReadingView(self, self.settings.reading_font_size)
        self.splitter = self._build_splitter()
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self._connect_actions()
        self._update_navigation()
        self.tree.setFocus()  # arrow keys move through the library from the start
        self.installEventFilter(self)
        # Window first, everything else after the first paint: the side panes, the
        # annotation and export controllers (and their imports) are not needed to show it.
        self.firstPainted.connect(lambda: QTimer.singleShot(0, self, self._build_if_open))

        if startup_reflection is not None:
            self.reading.show_reflection(startup_reflection)
        else:
            self.reading.show_placeholder(self.tr("Opening the library…"))
        self.statusBar().showMessage(self.tr("Opening the library…"))

    # --- construction -------------------------------------------------------------

    def _build_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("libraryPanel")
        tree.setModel(self.model)
        tree.setItemDelegate(LibraryItemDelegate(tree))
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)  # every row is two lines: fast with 10,000 rows
        tree.setAnimated(False)
        tree.setIndentation(18)
        tree.setFrameShape(QFrame.Shape.NoFrame)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        palette = tree.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Base, QColor(PANEL_BACKGROUND))
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#e7e0d2"))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#1f1f22"))
        tree.setPalette(palette)
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return tree

    def _build_splitter(self) -> QSplitter:
        panel = QWidget(self)
        panel.setObjectName("libraryPane")
        panel.setAutoFillBackground(True)
        palette = panel.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(PANEL_BACKGROUND))
        panel.setPalette(palette)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 10, 4, 0)
        layout.setSpacing(6)
        heading = QLabel(self.tr("Library"), panel)
        heading.setObjectName("libraryHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        heading.setFont(font)
        heading.setContentsMargins(8, 0, 0, 0)
        heading.setBuddy(self.tree)
        layout.addWidget(heading)
        layout.addWidget(self.tree)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(1)
        splitter.addWidget(panel)
        splitter.addWidget(self.reading)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        return splitter

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self._counts_label = QLabel(bar)
        self._location_label = QLabel(self.tr("Library: {location}").format(location=self.location), bar)
        self._location_label.setToolTip(self.location)
        self._location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self._counts_label, self._location_label):
            label.setContentsMargins(12, 0, 12, 0)
            bar.addPermanentWidget(label)

    def _connect_actions(self) -> None:
        a = self.main_actions
        a.import_file.triggered.connect(self.choose_and_import_file)
        a.import_clipboard.triggered.connect(self.import_clipboard)
        a.delete_material.triggered.connect(self.delete_current_material)
        self.tree.addAction(a.delete_material)  # its shortcut and context menu: the panel's
        a.quit.triggered.connect(self.close)
        a.next_reflection.triggered.connect(partial(self.step_reflection, 1))
        a.previous_reflection.triggered.connect(partial(self.step_reflection, -1))
        a.zoom_in.triggered.connect(partial(self.zoom, 1))
        a.zoom_out.triggered.connect(partial(self.zoom, -1))
        a.zoom_reset.triggered.connect(partial(self.zoom, 0))
        a.focus_library.triggered.connect(self.tree.setFocus)
        a.focus_reading.triggered.connect(self.reading.setFocus)
        a.about.triggered.connect(self.show_about)
        # The panes' and exports' actions exist from the start and build what they need.
        a.find.triggered.connect(self.show_search)
        for name, action in (("notes", a.show_notes), ("search", a.show_search),
                             ("highlights", a.show_highlights)):
            action.triggered.connect(self._pane_toggler(name))
        a.export_brief.triggered.connect(partial(self._export, "brief"))
        a.export_handout.triggered.connect(partial(self._export, "handout"))
        for action in (a.mark_commitment, a.mark_quote, a.mark_question, a.edit_comment,
                       a.remove_highlight, a.undo, a.redo):
            action.setEnabled(False)  # the annotation controller enables them when it can

    # --- state --------------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self._library

    def current_reflection(self) -> StoredReflection | None:
        return self.reading.reflection

    def restore_layout(self) -> None:
        """Put the window, toolbars and splitter back where the user left them."""
        if (geometry := self.settings.window_geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if (state := self.settings.window_state) is not None:
            self.restoreState(state)
        if (splitter := self.settings.splitter_state) is not None:
            self.splitter.restoreState(splitter)
        if not self._deferred_built:  # again once the docks exist and take their room
            self._pending_state = (state, splitter)

    def save_layout(self) -> None:
        if not self.remember:
            return
        self.settings.window_geometry = self.saveGeometry()
        if self._deferred_built:  # else the docks were never built: keep their saved layout
            self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()

    # --- first paint, then open the library ---------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            QTimer.singleShot(0, self.firstPainted.emit)  # after this paint has finished
        return super().eventFilter(watched, event)

    def start_loading(self) -> None:
        """Open the library on the worker thread; the panel fills when it is ready."""
        self._tasks.start(open_library_job, self.location,
                          on_success=self._on_library_opened, on_failure=self._on_library_failed)

    def _on_library_opened(self, opened: OpenedLibrary) -> None:
        if self._closed:
            opened.library.close()
            return
        self.build_after_first_paint()  # normally done already, right after the first paint
        self._library = opened.library
        # jieba (suggestions, keywords) only once the panel is filled: it would compete
        # with filling it, and loading its dictionary takes seconds the first time.
        self.annotations.hold_analysis = True
        self.annotations.set_library(opened.library)
        self.sample_material_id = opened.sample_material_id
        self._set_contents(opened.contents)
        self._attach_side_panes(opened.library)
        target = self._restore_target()
        if target.isValid():
            self.select_index(target)
        else:
            self.reading.show_placeholder(
                self.tr("The library is empty. Import a page with File ▸ Import File (Ctrl+O)."))
        if opened.imported_sample:
            self.statusBar().showMessage(
                self.tr("Welcome! A sample page has been imported to start with."), 10000)
        else:
            self.statusBar().clearMessage()
        self.libraryLoaded.emit()
        QTimer.singleShot(0, self, self._start_analysis)

    def _start_analysis(self) -> None:
        if not self._closed and self._annotations is not None:
            self._annotations.resume_analysis()

    def _restore_target(self) -> QModelIndex:
        candidates = [self._startup_reflection.id if self._startup_reflection else None,
                      self.settings.last_reflection_id(self.location)]
        for reflection_id in candidates:
            if reflection_id is not None and (index := self.model.reflection_index(reflection_id)).isValid():
                return index
        return self._sample_index()

    def _sample_index(self) -> QModelIndex:
        """The sample's first reflection, else the library's first."""
        if self.sample_material_id is not None:
            index = self.model.first_reflection_index(self.sample_material_id)
            if index.isValid():
                return index
        return self.model.first_reflection_index()

    def show_sample(self) -> None:
        """Select the sample page's first reflection (what the screenshot shows)."""
        self.select_index(self._sample_index())

    def _on_library_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        title, text = self._library_error_text(error)
        self.statusBar().showMessage(title)
        self.reading.show_placeholder(title)
        if self.interactive:
            _message_box().critical(self, title, text)
        else:
            print(f"studynotes: {title}: {text}", file=sys.stderr)
        self.libraryFailed.emit(error)

    def _library_error_text(self, error: BaseException) -> tuple[str, str]:
        where = self.location
        if isinstance(error, LibraryLockedError):
            return self.tr("Library Already Open"), self.tr(
                "This library is already open in another Study Notes window:\n{location}\n\n"
                "Switch to that window, or close it and start Study Notes again."
            ).format(location=where)
        if isinstance(error, NotALibraryError):
            return self.tr("Not a Study Notes Library"), self.tr(
                "This file is not a Study Notes library, or it is damaged:\n{location}\n\n"
                "It has been left untouched. Start Study Notes with another library file."
            ).format(location=where)
        if isinstance(error, LibraryError):
            return self.tr("Cannot Open the Library"), self.tr(
                "The library cannot be opened:\n{location}\n\n{reason}"
            ).format(location=where, reason=error.message)
        log.error("unexpected error while opening %s", where, exc_info=error)
        return self.tr("Cannot Open the Library"), self.tr(
            "An unexpected error stopped the library from opening:\n{reason}"
        ).format(reason=str(error) or type(error).__name__)

    def _set_contents(self, contents: LibraryContents) -> None:
        self.model.set_contents(contents.materials, contents.reflections)
        if self.model.material_count() <= EXPAND_ALL_UP_TO:
            self.tree.expandAll()
        self._counts_label.setText(self.tr("Materials: {materials} · Reflections: {reflections}").format(
            materials=self.model.material_count(), reflections=self.model.reflection_count()))

    # --- selection and reading ----------------------------------------------------

    def select_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        parent = index.parent()
        if parent.isValid():
            self.tree.expand(parent)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def select_reflection(self, reflection_id: int) -> bool:
        index = self.model.reflection_index(reflection_id)
        self.select_index(index)
        return index.isValid()

    def select_material(self, material_id: int) -> bool:
        index = self.model.material_index(material_id)
        self.select_index(index)
        return index.isValid()

    def step_reflection(self, delta: int) -> None:
        """Previous (-1) or next (+1) reflection in reading order, across materials."""
        current = self.tree.currentIndex()
        if current.isValid():
            target = self.model.step(current, delta)
        else:
            target = self.model.first_reflection_index()
        if target.isValid():
            self.select_index(target)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_navigation()
        if self._library is None or not current.isValid():
            return
        try:
            if current.data(KindRole) == REFLECTION:
                self._show_reflection(self._library.reflection(int(current.data(IdRole))))
            elif current.data(KindRole) == MATERIAL:
                material_id = int(current.data(IdRole))
                self.reading.show_material(self._library.material(material_id),
                                           self.model.reflections_of(material_id))
                self.readingChanged.emit()
        except LibraryError as error:
            self.statusBar().showMessage(error.message, 10000)

    def _show_reflection(self, reflection: StoredReflection) -> None:
        count = len(self.model.reflections_of(reflection.material_id)) or None
        self.reading.show_reflection(reflection, count)  # keeps the snapshot's scroll if the same
        if self.remember:
            snapshot.save_reflection(self.location, reflection)
            self.settings.set_last_reflection_id(self.location, reflection.id)
        self.readingChanged.emit()

    def _update_navigation(self) -> None:
        current = self.tree.currentIndex()
        ready = self._library is not None and self.model.reflection_count() > 0
        if current.isValid():
            has_previous = self.model.step(current, -1).isValid()
            has_next = self.model.step(current, 1).isValid()
        else:
            has_previous, has_next = False, ready
        self.main_actions.previous_reflection.setEnabled(ready and has_previous)
        self.main_actions.next_reflection.setEnabled(ready and has_next)
        self.main_actions.delete_material.setEnabled(self._library is not None and current.isValid())

    # --- reading size ---------------------------------------------------------------

    def zoom(self, direction: int) -> None:
        """Larger (+1), smaller (-1) or normal (0) reading text; remembered for next time."""
        size = DEFAULT_READING_SIZE if direction == 0 else self.reading.font_size() + direction
        size = self.reading.set_font_size(size)
        self.settings.reading_font_size = size
        self.statusBar().showMessage(self.tr("Reading text size: {size} pt").format(size=size), 3000)

    # --- importing --------------------------------------------------------------------

    def choose_and_import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a Page of Reflections"), str(Path.home()),
            self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self._start_import(path, path.name)

    def import_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            _message_box().information(self, self.tr("Nothing to Import"), self.tr(
                "The clipboard holds no text. Copy the page of reflections first "
                "(select it and press Ctrl+C), then choose Import Pasted Text again."))
            return
        stamp = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
        self._start_import(text, self.tr("Pasted text {date}").format(date=stamp))

    def _start_import(self, source: Path | str, source_name: str) -> None:
        if self._library is None:
            _message_box().information(self, self.tr("Library Not Ready"), self.tr(
                "The library is still opening. Please try again in a moment."))
            return
        self.statusBar().showMessage(self.tr("Reading {name}…").format(name=source_name))
        self._tasks.start(parse_job, self._library, source,
                          on_success=partial(self._on_parsed, source_name),
                          on_failure=self._on_import_failed)

    def _on_parsed(self, source_name: str, parsed: ParsedPage) -> None:
        if self._closed or self._library is None:
            return
        if parsed.duplicate_id is not None:
            self._report_duplicate(parsed.duplicate_id)
            return
        from desktop.ui.review_dialog import ImportReviewDialog  # lazily: only when importing

        dialog = ImportReviewDialog(parsed.material, source_name, self)
        try:
            accepted = _is_accepted(dialog.exec())
            material = dialog.reviewed_material() if accepted else None
        finally:
            dialog.deleteLater()
        if material is None:
            self.statusBar().showMessage(self.tr("Import cancelled."), 5000)
            return
        self.statusBar().showMessage(self.tr("Saving {name}…").format(name=source_name))
        self._tasks.start(store_job, self._library, material, source_name,
                          on_success=self._on_stored, on_failure=self._on_import_failed)

    def _on_stored(self, stored: StoredPage) -> None:
        if self._closed:
            return
        self._set_contents(stored.contents)
        material_id = stored.result.material_id
        if not stored.result.created:
            self._report_duplicate(material_id)
        else:
            first = self.model.first_reflection_index(material_id)
            self.select_index(first if first.isValid() else self.model.material_index(material_id))
            self.statusBar().showMessage(self.tr("Imported {count} reflections.").format(
                count=stored.result.reflection_count), 8000)
        self.importFinished.emit(material_id)

    # --- deleting a material ---------------------------------------------------------

    def delete_current_material(self) -> None:
        """Delete the selected material (or the one of the selected reflection), asked first.

        Deleting cannot be undone: the question names the material and what goes with
        it, and Cancel is the default button.
        """
        index = self.tree.currentIndex()
        if self._library is None or not index.isValid():
            return
        material_id = int(index.data(MaterialIdRole))
        headline = str(self.model.material_index(material_id).data(Qt.ItemDataRole.DisplayRole) or "")
        count = len(self.model.reflections_of(material_id))
        if not self._confirm_delete(headline, count):
            return
        if "notes_pane" in self._panes:
            self.notes_pane.flush()  # what was typed is saved before it goes with the material
        row = self.model.material_index(material_id).row()
        self.statusBar().showMessage(self.tr("Deleting “{headline}”…").format(headline=headline))
        self._tasks.start(delete_job, self._library, material_id,
                          on_success=partial(self._on_material_deleted, material_id, headline, row),
                          on_failure=self._on_delete_failed)

    def _confirm_delete(self, headline: str, count: int) -> bool:
        box_type = _message_box()
        box = box_type(box_type.Icon.Warning, self.tr("Delete Material"), self.tr(
            "Delete “{headline}” from the library?").format(headline=headline),
            box_type.StandardButton.Cancel, self)
        box.setInformativeText(self.tr(
            "Its {count} reflections go with it, and so do your highlights, notes and study "
            "reflection on them. This cannot be undone.").format(count=count))
        delete = box.addButton(self.tr("&Delete"), box_type.ButtonRole.DestructiveRole)
        box.setDefaultButton(box_type.StandardButton.Cancel)
        box.exec()
        chosen = box.clickedButton() is delete
        box.deleteLater()
        return chosen

    def _on_material_deleted(self, material_id: int, headline: str, row: int, contents: LibraryContents) -> None:
        if self._closed:
            return
        reflection, material = self.reading.reflection, self.reading.material
        shown_id = reflection.material_id if reflection else material.id if material else None
        was_shown = shown_id == material_id
        self._set_contents(contents)
        if self._annotations is not None:
            self._annotations.undo_stack.clear()  # its commands may name the deleted highlights
        if was_shown or not self.tree.currentIndex().isValid():
            self._select_after_delete(row)
        self.highlightsChanged.emit()
        self.statusBar().showMessage(self.tr("Deleted “{headline}”.").format(headline=headline), 8000)

    def _select_after_delete(self, row: int) -> None:
        """The material that took the deleted one's place (else the one before), or nothing."""
        count = self.model.material_count()
        if count == 0:
            self.reading.show_placeholder(self.tr("The library is empty. Import a page to begin."))
            self.readingChanged.emit()
            self._update_navigation()
            return
        material_index = self.model.index(min(row, count - 1), 0)
        first = self.model.first_reflection_index(int(material_index.data(MaterialIdRole)))
        self.select_index(first if first.isValid() else material_index)

    def _on_delete_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self.statusBar().clearMessage()
        reason = error.message if isinstance(error, StudyNotesError) else (str(error) or type(error).__name__)
        if not isinstance(error, StudyNotesError):
            log.error("unexpected error while deleting a material", exc_info=error)
        _message_box().critical(self, self.tr("Delete Failed"), self.tr(
            "The material could not be deleted: {reason}").format(reason=reason))

    def _report_duplicate(self, material_id: int) -> None:
        self.select_material(material_id)
        self.statusBar().clearMessage()
        _message_box().information(self, self.tr("Already in the Library"), self.tr(
            "This page is already in the library. It has been selected for you; "
            "nothing was imported twice."))

    def _on_import_failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self.statusBar().clearMessage()
        if isinstance(error, InputError):
            _message_box().warning(self, self.tr("Cannot Import This Page"), self._input_error_text(error))
        elif isinstance(error, StudyNotesError):
            _message_box().critical(self, self.tr("Import Failed"), self.tr(
                "The page could not be saved in the library: {reason}").format(reason=error.message))
        else:
            log.error("unexpected error during import", exc_info=error)
            _message_box().critical(self, self.tr("Import Failed"), self.tr(
                "An unexpected error stopped the import: {reason}").format(
                    reason=str(error) or type(error).__name__))

    def _input_error_text(self, error: InputError) -> str:
        """A translated sentence for the importer's error codes; its English one otherwise."""
        texts = {  # the codes of desktop.importer.read_page / decode_page
            "input-binary": self.tr(
                "This file is not a text file. Save the page as plain text (.txt) and try again."),
            "input-empty": self.tr("The page is empty: there is nothing to import."),
            "input-too-large": self.tr("This file is too large to be one page of reflections."),
            "input-encoding": self.tr(
                "The text of this file cannot be read: its encoding is not recognised."),
            "input-unreadable": self.tr(
                "This file cannot be opened. Check that it exists and that you may read it."),
        }
        return texts.get(error.code, error.message)

    # --- annotating: highlights, comments, suggestions, keywords (desktop/ui/annotations.py) ---

    def _build_annotations(self) -> None:
        from desktop.ui.annotations import AnnotationController

        annotations = AnnotationController(self, self.reading, self.main_actions)
        self._annotations = annotations
        annotations.keywordActivated.connect(self.keywordActivated)
        annotations.annotationsChanged.connect(lambda _id: self.highlightsChanged.emit())
        annotations.message.connect(self._show_annotation_message)

    def _show_annotation_message(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 8000)
        else:
            self.statusBar().clearMessage()

    # --- side panes: notes, highlights, search ------------------------------------------

    def _build_side_panes(self) -> None:
        """Docks at the right: notes above, search and highlights as tabs below.

        Docks rather than splitter panes so that the window's saved state (QSettings,
        see save_layout) brings back each pane's visibility and size.
        """
        from PySide6.QtWidgets import QDockWidget

        from desktop.ui.highlights_panel import HighlightsPanel
        from desktop.ui.notes_pane import NotesPane
        from desktop.ui.search_panel import SearchPanel

        notes_pane = NotesPane(self)
        highlights_panel = HighlightsPanel(self)
        search_panel = SearchPanel(self)
        a = self.main_actions
        docks = []
        for name, title, widget, action in (
            ("notesDock", self.tr("Notes"), notes_pane, a.show_notes),
            ("searchDock", self.tr("Search"), search_panel, a.show_search),
            ("highlightsDock", self.tr("Highlights"), highlights_panel, a.show_highlights),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetMovable)
            dock.setMinimumWidth(260)
            dock.toggleViewAction().toggled.connect(action.setChecked)
            docks.append(dock)
        notes_dock, search_dock, highlights_dock = docks
        self._panes = {"notes_pane": notes_pane, "highlights_panel": highlights_panel,
                       "search_panel": search_panel, "notes_dock": notes_dock,
                       "search_dock": search_dock, "highlights_dock": highlights_dock}
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, notes_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, search_dock)
        self.tabifyDockWidget(search_dock, highlights_dock)
        search_dock.raise_()
        self.resizeDocks([notes_dock], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([notes_dock, search_dock], [300, 400], Qt.Orientation.Vertical)

        self.readingChanged.connect(self._on_reading_changed_for_panes)
        self.highlightsChanged.connect(self.highlights_panel.refresh)
        for changed in (self.highlightsChanged, self.notes_pane.saved, self.importFinished):
            changed.connect(self.search_panel.library_changed)
        self.keywordActivated.connect(self.search_for)
        self.highlights_panel.highlightActivated.connect(self.open_highlight)
        self.search_panel.hitActivated.connect(self.open_search_hit)
        self.notes_pane.saveFailed.connect(lambda reason: self.statusBar().showMessage(
            self.tr("Your note could not be saved: {reason}").format(reason=reason), 10000))

    def _pane_toggler(self, name: str) -> Callable[[bool], None]:
        return lambda checked: self._show_pane(self._pane(f"{name}_dock"), checked)

    def _show_pane(self, dock: QWidget, visible: bool) -> None:
        dock.setVisible(visible)
        if visible:
            dock.raise_()

    def _attach_side_panes(self, library: Library) -> None:
        def lookup(reflection_id: int) -> ReflectionSummary | None:
            return self.model.reflection_summary(self.model.reflection_index(reflection_id))

        self.notes_pane.set_library(library)
        self.highlights_panel.set_library(library, lookup)
        self.search_panel.set_library(library)

    def _on_reading_changed_for_panes(self) -> None:
        reflection, material = self.reading.reflection, self.reading.material
        if reflection is not None:
            self.notes_pane.show_reflection(reflection)
            self.highlights_panel.set_material(reflection.material_id)
        elif material is not None:
            self.notes_pane.show_notes(None, material.id)
            self.highlights_panel.set_material(material.id)

    def show_search(self) -> None:
        """Ctrl+F: the search pane, in front, with the box ready for typing."""
        self._show_pane(self.search_dock, True)
        self.search_panel.focus_box()

    def search_for(self, query: str) -> None:
        self._show_pane(self.search_dock, True)
        self.search_panel.search(query)

    def open_highlight(self, highlight: Highlight) -> None:
        """Open the highlight's reflection with its words selected in the middle of the pane."""
        if self.select_reflection(highlight.reflection_id):
            anchor = highlight.anchor
            self.reading.reveal_range(anchor.paragraph, anchor.start, anchor.end)

    def open_search_hit(self, hit: SearchHit) -> None:
        """Open the hit's reflection at the hit: in the text, the title, the note or at
        the highlight whose comment matched."""
        if not self.select_reflection(hit.reflection_id):
            return
        place = hit.place
        if place.field == "body":
            self.reading.reveal_range(place.paragraph, place.start, place.end)
        elif place.field == "title":
            self.reading.reveal_range(None, place.start, place.end)
        elif place.field == "note":
            self._show_pane(self.notes_dock, True)
            self.notes_pane.select_in_note(place.start, place.end)
        elif place.field == "comment" and self._library is not None:
            found = [h for h in self._library.highlights(reflection_id=hit.reflection_id)
                     if h.id == place.highlight_id]
            if found:
                self.open_highlight(found[0])
        else:  # author or affiliation: the byline, under the title
            self.reading.verticalScrollBar().setValue(0)

    # --- exporting: study brief and training handout (desktop/ui/export_worker.py) -----

    def _build_exports(self) -> None:
        from desktop.ui.export_worker import ExportController

        self._exports = ExportController(self, self._tasks)

    def _export(self, kind: str) -> None:
        self.exports.export(kind)

    # --- what is built after the first paint ------------------------------------------

    def build_after_first_paint(self) -> None:
        """The annotation controller, the side panes and the export controller.

        Not needed for the first paint, so built right after it (or when first used,
        whichever comes first); their modules are imported here for the same reason.
        The dock layout saved last time is applied again once the docks exist.
        """
        if self._deferred_built:
            return
        self._deferred_built = True
        self._build_annotations()
        self._build_side_panes()
        self._build_exports()
        if self._pending_state is not None:
            state, splitter = self._pending_state
            self._pending_state = None
            if state is not None:
                self.restoreState(state)
            if splitter is not None:
                self.splitter.restoreState(splitter)
        a = self.main_actions
        for name, action in (("notes", a.show_notes), ("search", a.show_search),
                             ("highlights", a.show_highlights)):
            action.setChecked(not self._panes[f"{name}_dock"].isHidden())
        if self._library is not None:
            self._annotations.set_library(self._library)
            self._attach_side_panes(self._library)
            self._on_reading_changed_for_panes()

    def _build_if_open(self) -> None:
        if not self._closed:
            self.build_after_first_paint()

    def _pane(self, name: str) -> Any:
        self.build_after_first_paint()
        return self._panes[name]

    @property
    def annotations(self) -> Any:  # desktop.ui.annotations.AnnotationController
        self.build_after_first_paint()
        return self._annotations

    @property
    def undo_stack(self) -> Any:  # QUndoStack
        return self.annotations.undo_stack

    @property
    def exports(self) -> Any:  # desktop.ui.export_worker.ExportController
        self.build_after_first_paint()
        return self._exports

    @property
    def notes_pane(self) -> Any:  # desktop.ui.notes_pane.NotesPane
        return self._pane("notes_pane")

    @property
    def highlights_panel(self) -> Any:  # desktop.ui.highlights_panel.HighlightsPanel
        return self._pane("highlights_panel")

    @property
    def search_panel(self) -> Any:  # desktop.ui.search_panel.SearchPanel
        return self._pane("search_panel")

    @property
    def notes_dock(self) -> Any:  # QDockWidget
        return self._pane("notes_dock")

    @property
    def search_dock(self) -> Any:  # QDockWidget
        return self._pane("search_dock")

    @property
    def highlights_dock(self) -> Any:  # QDockWidget
        return self._pane("highlights_dock")

    # --- misc -------------------------------------------------------------------------

    def show_about(self) -> None:
        """Help > About: version and the licences of the font, Qt and the libraries."""
        from desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def _on_busy_changed(self, busy: bool) -> None:
        self.main_actions.import_file.setEnabled(not busy)
        self.main_actions.import_clipboard.setEnabled(not busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def shutdown(self) -> None:
        """Save the layout, let running work finish, release the library (and its lock)."""
        if self._closed:
            return
        self._closed = True
        if self._deferred_built:
            self.notes_pane.flush()  # what was typed in the last second
        self.save_layout()
        self._tasks.wait()
        if self._annotations is not None:
            self._annotations.shutdown()
        # Deliver results already queued (e.g. a library opened just now) so it gets closed.
        QCoreApplication.sendPostedEvents(self._tasks, QEvent.Type.MetaCall.value)
        if self._library is not None:
            self._library.close()
            self._library = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


def _is_accepted(result: object) -> bool:
    from PySide6.QtWidgets import QDialog

    value = getattr(result, "value", result)
    return value == QDialog.DialogCode.Accepted.value


def _message_box() -> type:
    """QMessageBox, imported when a message is shown: not needed to open the window."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox
