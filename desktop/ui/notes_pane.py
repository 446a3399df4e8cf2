"""The notes pane: the reader's note (笔记) on the reflection being read, and the study
reflection (学习心得) on its material, beside the text.

There is no Save command: what is typed is stored at most a second after the last
keystroke (a single-shot timer restarted on every change), and at once when another
reflection is opened or the window closes (:meth:`NotesPane.flush`). A crash therefore
loses at most that second. Writes are one short transaction each, so they run on the GUI
thread: queueing them on the worker would only widen the window in which a crash loses
text, and the order of two saves of the same note would have to be managed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.errors import StudyNotesError
from desktop.material import StoredReflection
from desktop.ui.fonts import reading_font

if TYPE_CHECKING:
    from desktop.library import Library

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 500
"""After the last keystroke; with the write itself, well inside the promised second."""

NOTE_POINT_SIZE = 13  # legible for readers past fifty, smaller than the reading text

PANE_STYLE = """
#notesPane { background: #f4f2ee; }
#notesPane QLabel[role="heading"] { font-weight: bold; color: #1f1f22; padding: 0 2px; }
#notesPane QLabel[role="status"] { color: #6b6b70; padding: 0 2px; }
#notesPane QPlainTextEdit { background: #fcfbf8; border: 1px solid #dedad2; border-radius: 6px;
                            padding: 6px; selection-background-color: #e7d9b8;
                            selection-color: #1f1f22; }
#notesPane QPlainTextEdit:focus { border: 1px solid #a8322d; }
#notesPane QPlainTextEdit:disabled { background: #efece6; }
"""


class _NoteEditor(QPlainTextEdit):
    """One note: which record it belongs to, and whether it has unsaved changes."""

    def __init__(self, object_name: str, placeholder: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)  # Tab leaves the note; a note needs no tab characters
        self.owner_id: int | None = None  # reflection id / material id
        self.dirty = False

    def load(self, owner_id: int | None, text: str) -> None:
        """Show ``text`` without counting it as an edit (no autosave, no dirty flag)."""
        blocker = self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(blocker)
        self.document().setModified(False)
        self.owner_id = owner_id
        self.dirty = False
        self.setEnabled(owner_id is not None)


class NotesPane(QWidget):
    """本篇笔记 above, 本材料学习心得 below; both saved as the user types."""

    saved = Signal()  # a note or study reflection was written to the library
    saveFailed = Signal(str)  # the error's sentence, for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANE_STYLE)
        self._library: Library | None = None
        self._shown: tuple[int | None, int | None] = (None, None)  # reflection, material

        self.note_label = self._label(self.tr("Note on This Reflection"), "heading")
        self.note_edit = _NoteEditor("noteEdit", self.tr(
            "Your note on this reflection: what struck you, what to do. Saved as you type."), self)
        self.study_label = self._label(self.tr("Study Reflection on This Material"), "heading")
        self.study_edit = _NoteEditor("studyReflectionEdit", self.tr(
            "What you learned from this page as a whole. Saved as you type."), self)
        self.status_label = self._label("", "status")
        for editor in (self.note_edit, self.study_edit):
            editor.setFont(reading_font(NOTE_POINT_SIZE))
            editor.setMinimumHeight(40)  # a small window must still fit every pane
        self.note_label.setBuddy(self.note_edit)
        self.study_label.setBuddy(self.study_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        heading = QHBoxLayout()  # "Saved" at the right of the first heading: no extra row
        heading.addWidget(self.note_label)
        heading.addStretch(1)
        heading.addWidget(self.status_label)
        layout.addLayout(heading)
        layout.addWidget(self.note_edit, 3)
        layout.addSpacing(6)
        layout.addWidget(self.study_label)
        layout.addWidget(self.study_edit, 2)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        for editor in (self.note_edit, self.study_edit):
            editor.textChanged.connect(lambda editor=editor: self._on_edited(editor))
            editor.setEnabled(False)

    def _label(self, text: str, role: str) -> QLabel:
        label = QLabel(text, self)
        label.setProperty("role", role)
        if role == "status":
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor("#6b6b70"))
            label.setPalette(palette)
        return label

    # --- what is shown ------------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        self.flush()
        self._library = library
        self.show_notes(*self._shown)

    def show_reflection(self, reflection: StoredReflection | None) -> None:
        self.show_notes(reflection.id if reflection else None,
                        reflection.material_id if reflection else None)

    def show_notes(self, reflection_id: int | None, material_id: int | None) -> None:
        """Save what was typed for the previous reflection, then load these notes.

        A material shown without a reflection (its overview) gets its study reflection
        only; the note editor is then disabled.
        """
        self.flush()
        self._shown = (reflection_id, material_id)
        library = self._library
        note = study = ""
        if library is None:
            reflection_id = material_id = None
        try:
            if reflection_id is not None:
                note = library.note(reflection_id)
            if material_id is not None:
                study = library.study_reflection(material_id)
        except StudyNotesError as error:
            self.saveFailed.emit(error.message)
            reflection_id = material_id = None
            note = study = ""
        self.note_edit.load(reflection_id, note)
        self.study_edit.load(material_id, study)
        self.status_label.setText("")

    def select_in_note(self, start: int, end: int) -> None:
        """Select characters ``start:end`` of the note (a search hit) and go there."""
        from PySide6.QtGui import QTextCursor

        text = self.note_edit.toPlainText()

        def units(offset: int) -> int:  # Qt counts UTF-16 units
            return len(text[:max(0, min(offset, len(text)))].encode("utf-16-le")) // 2

        cursor = self.note_edit.textCursor()
        cursor.setPosition(units(start))
        cursor.setPosition(units(end), QTextCursor.MoveMode.KeepAnchor)
        self.note_edit.setTextCursor(cursor)
        self.note_edit.ensureCursorVisible()
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving -------------------------------------------------------------------

    def _on_edited(self, editor: _NoteEditor) -> None:
        if editor.owner_id is None:
            return
        editor.dirty = True
        self._timer.start()  # restarted on every keystroke
        self.status_label.setText(self.tr("Editing…"))

    def has_unsaved_changes(self) -> bool:
        return self.note_edit.dirty or self.study_edit.dirty

    def flush(self) -> bool:
        """Write unsaved text now; False if the library refused it (the text stays dirty)."""
        self._timer.stop()
        if self._library is None or not self.has_unsaved_changes():
            return True
        ok = True
        for editor, write in ((self.note_edit, self._library.set_note),
                              (self.study_edit, self._library.set_study_reflection)):
            if not editor.dirty or editor.owner_id is None:
                continue
            try:
                write(editor.owner_id, editor.toPlainText())
            except StudyNotesError as error:
                log.error("could not save a note: %s", error.message)
                self.status_label.setText(self.tr("Not saved: {reason}").format(reason=error.message))
                self.saveFailed.emit(error.message)
                ok = False
                continue
            editor.dirty = False
        if ok:
            self.status_label.setText(self.tr("Saved"))
            self.saved.emit()
        return ok
