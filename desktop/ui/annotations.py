"""Annotating in the reading pane: highlights, comments, suggested commitments, keywords.

:class:`AnnotationController` connects the pane (:mod:`desktop.ui.reading_view`), the
window's actions and the Library. Every edit goes through the QUndoStack as a command of
:mod:`desktop.ui.undo_commands`; library writes are single-row transactions, quick enough
for the GUI thread. jieba work (suggestions, keywords, word spans) runs in
:class:`desktop.ui.suggestions.SuggestionService` on a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.annotation import CATEGORIES, COMMITMENT, Highlight, sentence_key
from desktop.errors import StudyNotesError
from desktop.material import StoredReflection
from desktop.ui import undo_commands as commands
from desktop.ui.highlight_format import category_label
from desktop.ui.keyword_bar import KeywordBar
from desktop.ui.reading_view import PaneSuggestion, ReadingView
from desktop.ui.suggestions import Analysis, SuggestionService

if TYPE_CHECKING:
    from desktop.library import Library
    from desktop.ui.actions import MainActions

log = logging.getLogger(__name__)

QUOTE_PREVIEW = 18  # characters of a detached highlight shown in its menu entry

INFO_BAR_STYLE = """
QFrame#detachedBar { background: #fff4d6; border-bottom: 1px solid #e8d49a; }
QFrame#detachedBar QPushButton { padding: 4px 14px; }
"""


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_PREVIEW else text[:QUOTE_PREVIEW] + "…"


class DetachedBar(QFrame):
    """"2 highlights could not be placed": lists them; one is re-attached to the selection."""

    reattachRequested = Signal(object)  # Highlight
    removeRequested = Signal(object)  # Highlight

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detachedBar")
        self.setStyleSheet(INFO_BAR_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Re-attach…"), self)
        self.button.setToolTip(self.tr(
            "Select the words in the text, then choose the highlight they belong to"))
        self.menu = QMenu(self)
        self.button.setMenu(self.menu)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def set_highlights(self, detached: Sequence[Highlight]) -> None:
        self.menu.clear()
        self.label.setText(self.tr(
            "%n highlight(s) could not be placed in the corrected text. "
            "Select the words and re-attach them, or remove them.", "", len(detached)))
        for highlight in detached:
            text = f"{category_label(highlight.category)}：“{_preview(highlight.anchor.exact)}”"
            sub = self.menu.addMenu(text)
            sub.addAction(self.tr("Re-attach to the Selected Words"),
                          partial(self.reattachRequested.emit, highlight))
            sub.addAction(self.tr("Remove Highlight"), partial(self.removeRequested.emit, highlight))
        self.setVisible(bool(detached))


class CommentDialog(QDialog):
    """A small editor for a highlight's comment (批注)."""

    def __init__(self, highlight: Highlight, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comment"))
        layout = QVBoxLayout(self)
        quote = QLabel(f"“{_preview(highlight.anchor.exact)}”", self)
        quote.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(highlight.comment)
        self.editor.setPlaceholderText(self.tr("Write your comment on the highlighted words"))
        self.editor.setMinimumSize(420, 140)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(quote)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)


def ask_comment(parent: QWidget, highlight: Highlight) -> str | None:
    """The new comment, or None if the user cancelled."""
    dialog = CommentDialog(highlight, parent)
    try:
        return dialog.editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class AnnotationController(QObject):
    """Highlights, comments, suggestions and keywords of the reflection in the pane."""

    keywordActivated = Signal(str)
    annotationsChanged = Signal(int)  # reflection id (for lists of highlights elsewhere)
    message = Signal(str)  # a short status-bar message

    def __init__(self, window: QWidget, reading: ReadingView, actions: MainActions) -> None:
        super().__init__(window)
        self.window = window
        self.reading = reading
        self.actions = actions
        self.library: Library | None = None
        # True while the window fills its library panel: jieba waits (resume_analysis).
        self.hold_analysis = False
        self.undo_stack = QUndoStack(self)
        self.service = SuggestionService(self)
        self.keyword_bar = KeywordBar(reading)
        self.detached_bar = DetachedBar(reading)
        self.keyword_bar.hide()
        reading.set_bars(self.detached_bar, self.keyword_bar)
        reading.annotation_menu = True
        self.ask_comment: Callable[[QWidget, Highlight], str | None] = ask_comment
        self.suggestion_menu: QMenu | None = None
        self.context_menu: QMenu | None = None
        self._connect()
        self._update_actions()

    # --- wiring --------------------------------------------------------------------------

    def _connect(self) -> None:
        a = self.actions
        a.mark_commitment.triggered.connect(partial(self.mark_selection, "commitment"))
        a.mark_quote.triggered.connect(partial(self.mark_selection, "quote"))
        a.mark_question.triggered.connect(partial(self.mark_selection, "question"))
        a.edit_comment.triggered.connect(self.edit_comment_at_cursor)
        a.remove_highlight.triggered.connect(self.remove_highlight_at_cursor)
        a.undo.triggered.connect(self.undo_stack.undo)
        a.redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_text)
        self.undo_stack.redoTextChanged.connect(self._redo_text)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        self.reading.reflectionShown.connect(self._on_reflection_shown)
        self.reading.reflectionCleared.connect(partial(self._on_reflection_shown, None))
        self.reading.suggestionActivated.connect(self.show_suggestion_menu)
        self.reading.contextMenuWanted.connect(self.show_context_menu)
        self.reading.selectionChanged.connect(self._update_actions)
        self.reading.cursorPositionChanged.connect(self._update_actions)
        self.keyword_bar.keywordActivated.connect(self.keywordActivated)
        self.detached_bar.reattachRequested.connect(self.reattach)
        self.detached_bar.removeRequested.connect(self.remove)
        self.service.analysed.connect(self._on_analysed)
        self.service.failed.connect(self._on_analysis_failed)

    def _undo_text(self, text: str) -> None:
        self.actions.undo.setText(self.tr("&Undo {action}").format(action=text).strip()
                                  if text else self.tr("&Undo"))

    def _redo_text(self, text: str) -> None:
        self.actions.redo.setText(self.tr("&Redo {action}").format(action=text).strip()
                                  if text else self.tr("&Redo"))

    def set_library(self, library: Library | None) -> None:
        self.library = library
        reflection = self.reading.reflection
        if reflection is not None:
            self._on_reflection_shown(reflection)

    def resume_analysis(self) -> None:
        """Start the analysis held back by ``hold_analysis`` (of the reflection shown)."""
        self.hold_analysis = False
        if self.reading.reflection is not None:
            self._on_reflection_shown(self.reading.reflection)

    def shutdown(self) -> None:
        self.service.shutdown()

    # --- showing ---------------------------------------------------------------------------

    def _on_reflection_shown(self, reflection: StoredReflection | None) -> None:
        if reflection is None:
            self.keyword_bar.hide()
            self.detached_bar.hide()
            self.reading.layout_bars()
            self._update_actions()
            return
        self.refresh(reflection.id)
        # No jieba before the library is open: start-up stays light (see desktop/ui/app.py).
        if (self.library is not None and not self.hold_analysis
                and self.service.cached(reflection) is None):
            loading = not self.service.segmenter_loaded()
            self.keyword_bar.set_status(self.tr("Analysing…"))
            self.keyword_bar.show()
            self.reading.layout_bars()
            if loading:
                self.message.emit(self.tr("Analysing… (the first time takes a few seconds)"))
            self.service.request(reflection)

    def _on_analysed(self, analysis: Analysis) -> None:
        reflection = self.reading.reflection
        if reflection is not None and reflection.id == analysis.reflection_id:
            self.refresh(reflection.id)
            self.message.emit("")

    def _on_analysis_failed(self, reflection_id: int, error: object) -> None:
        reflection = self.reading.reflection
        if reflection is not None and reflection.id == reflection_id:
            self.keyword_bar.set_status(self.tr("The text could not be analysed."))
        self.message.emit("")  # the loading is over either way: no "Analysing…" left behind

    def refresh(self, reflection_id: int) -> None:
        """Redraw the annotations of ``reflection_id`` if it is shown; tell the others."""
        reflection = self.reading.reflection
        if reflection is not None and reflection.id == reflection_id:
            highlights = self._highlights(reflection_id)
            analysis = self.service.cached(reflection)
            suggestions = self._visible_suggestions(reflection_id, highlights, analysis)
            self.reading.set_annotations(reflection_id, highlights, suggestions,
                                         analysis.words if analysis else None)
            self.detached_bar.set_highlights([h for h in highlights if h.detached])
            if analysis is not None:
                self.keyword_bar.set_keywords(analysis.keywords)
                self.keyword_bar.show()
            self.reading.layout_bars()
            self._update_actions()
        self.annotationsChanged.emit(reflection_id)

    def _highlights(self, reflection_id: int) -> list[Highlight]:
        if self.library is None:
            return []
        try:
            return self.library.highlights(reflection_id)
        except StudyNotesError as error:
            self.message.emit(error.message)
            return []

    def _visible_suggestions(self, reflection_id: int, highlights: Sequence[Highlight],
                             analysis: Analysis | None) -> list[PaneSuggestion]:
        """Suggestions not dismissed and not already marked as commitments."""
        if analysis is None or self.library is None:
            return []
        try:
            dismissed = self.library.dismissed_suggestions(reflection_id)
        except StudyNotesError:
            dismissed = set()
        marked = [h.anchor for h in highlights if not h.detached and h.category == COMMITMENT]
        visible = []
        for s in analysis.suggestions:
            if sentence_key(s.sentence) in dismissed:
                continue
            if any(a.paragraph == s.paragraph and a.start < s.end and s.start < a.end for a in marked):
                continue
            visible.append(PaneSuggestion(s.paragraph, s.start, s.end, s.sentence))
        return visible

    # --- state of the actions -----------------------------------------------------------------

    def current_highlight(self) -> Highlight | None:
        """The highlight at the text cursor (or at the start of the selection)."""
        cursor = self.reading.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        return self.reading.highlight_at(position)

    def _update_actions(self) -> None:
        ready = self.library is not None and self.reading.reflection is not None
        selected = ready and bool(self.reading.selected_ranges())
        current = self.current_highlight() if ready else None
        for action in (self.actions.mark_commitment, self.actions.mark_quote, self.actions.mark_question):
            action.setEnabled(selected or current is not None)
        self.actions.edit_comment.setEnabled(current is not None)
        self.actions.remove_highlight.setEnabled(current is not None)

    # --- edits -----------------------------------------------------------------------------------

    def _push(self, command_type: type, text: str, *args: object) -> None:
        assert self.library is not None
        self.undo_stack.push(command_type(text, self.library, *args, self.refresh, self._failed))

    def _failed(self, error: StudyNotesError) -> None:
        self.message.emit(error.message)

    def mark_selection(self, category: str) -> list[Highlight]:
        """Highlight the selected words (one highlight per paragraph); with no selection,
        give the highlight at the cursor this category."""
        reflection = self.reading.reflection
        if self.library is None or reflection is None:
            return []
        ranges = self.reading.selected_ranges()
        if not ranges:
            current = self.current_highlight()
            if current is not None:
                self.change_category(current, category)
            else:
                self.message.emit(self.tr("Select the words to highlight first."))
            return []
        from desktop.anchoring import make_anchor

        added: list[Highlight] = []
        text = self.tr("Highlight as {category}").format(category=category_label(category))
        several = len(ranges) > 1  # over a paragraph break: one undo step for all parts
        if several:
            self.undo_stack.beginMacro(text)
        try:
            for paragraph, start, end in ranges:
                anchor = make_anchor(reflection.paragraphs, paragraph, start, end)
                highlight = self.library.add_highlight(reflection.id, anchor, category)
                added.append(highlight)
                self._push(commands.AddHighlight, text, highlight)
        except StudyNotesError as error:
            self.message.emit(error.message)
        finally:
            if several:
                self.undo_stack.endMacro()
        self.refresh(reflection.id)
        return added

    def change_category(self, highlight: Highlight, category: str) -> None:
        if self.library is None or highlight.category == category:
            return
        try:
            after = self.library.update_highlight(highlight.id, category=category)
        except StudyNotesError as error:
            self.message.emit(error.message)
            return
        self._push(commands.UpdateHighlight, self.tr("Change Category"), highlight, after)
        self.refresh(highlight.reflection_id)

    def set_comment(self, highlight: Highlight, comment: str) -> None:
        if self.library is None or comment == highlight.comment:
            return
        try:
            after = self.library.update_highlight(highlight.id, comment=comment)
        except StudyNotesError as error:
            self.message.emit(error.message)
            return
        text = self.tr("Edit Comment") if comment.strip() else self.tr("Delete Comment")
        self._push(commands.UpdateHighlight, text, highlight, after)
        self.refresh(highlight.reflection_id)

    def edit_comment(self, highlight: Highlight) -> None:
        comment = self.ask_comment(self.window, highlight)
        if comment is not None:
            self.set_comment(highlight, comment.strip())

    def edit_comment_at_cursor(self) -> None:
        highlight = self.current_highlight()
        if highlight is not None:
            self.edit_comment(highlight)

    def remove(self, highlight: Highlight) -> None:
        if self.library is None:
            return
        try:
            removed = self.library.remove_highlight(highlight.id)
        except StudyNotesError as error:
            self.message.emit(error.message)
            return
        self._push(commands.RemoveHighlight, self.tr("Remove Highlight"), removed)
        self.refresh(highlight.reflection_id)

    def remove_highlight_at_cursor(self) -> None:
        highlight = self.current_highlight()
        if highlight is not None:
            self.remove(highlight)

    def reattach(self, highlight: Highlight) -> None:
        """Place a detached highlight on the selected words (within one paragraph)."""
        reflection = self.reading.reflection
        ranges = self.reading.selected_ranges()
        if self.library is None or reflection is None:
            return
        if len(ranges) != 1:
            self.message.emit(self.tr("Select the words of the highlight (within one paragraph) first."))
            return
        from desktop.anchoring import make_anchor

        try:
            anchor = make_anchor(reflection.paragraphs, *ranges[0])
            self.library.reattach_highlight(highlight.id, anchor)
        except StudyNotesError as error:
            self.message.emit(error.message)
            return
        self._push(commands.ReattachHighlight, self.tr("Re-attach Highlight"), highlight, anchor)
        self.refresh(highlight.reflection_id)

    def accept_suggestion(self, suggestion: PaneSuggestion) -> Highlight | None:
        reflection = self.reading.reflection
        if self.library is None or reflection is None:
            return None
        from desktop.anchoring import make_anchor

        try:
            anchor = make_anchor(reflection.paragraphs, suggestion.paragraph, suggestion.start,
                                 suggestion.end)
            highlight = self.library.add_highlight(reflection.id, anchor, COMMITMENT)
        except StudyNotesError as error:
            self.message.emit(error.message)
            return None
        self._push(commands.AddHighlight, self.tr("Accept Suggested Commitment"), highlight)
        self.refresh(reflection.id)
        return highlight

    def dismiss_suggestion(self, suggestion: PaneSuggestion) -> None:
        reflection = self.reading.reflection
        if self.library is None or reflection is None:
            return
        place = (suggestion.paragraph, suggestion.start, suggestion.end)
        try:
            self.library.dismiss_suggestion(reflection.id, *place, suggestion.sentence)
        except StudyNotesError as error:
            self.message.emit(error.message)
            return
        self._push(commands.DismissSuggestion, self.tr("Dismiss Suggestion"), reflection.id,
                   *place, suggestion.sentence)
        self.refresh(reflection.id)

    # --- menus -------------------------------------------------------------------------------------

    def show_suggestion_menu(self, suggestion: PaneSuggestion, where: QPoint) -> QMenu:
        """Accept or dismiss: offered on a click on a suggested sentence (or Enter in it)."""
        menu = QMenu(self.window)
        menu.setObjectName("suggestionMenu")
        self._add_suggestion_actions(menu, suggestion)
        self._replace_menu("suggestion_menu", menu)
        menu.popup(where)
        return menu

    def _add_suggestion_actions(self, menu: QMenu, suggestion: PaneSuggestion) -> None:
        title = menu.addAction(self.tr("Suggested commitment"))
        title.setEnabled(False)
        accept = menu.addAction(self.tr("&Accept as Commitment"), partial(self.accept_suggestion, suggestion))
        accept.setObjectName("acceptSuggestion")
        dismiss = menu.addAction(self.tr("&Dismiss Suggestion"), partial(self.dismiss_suggestion, suggestion))
        dismiss.setObjectName("dismissSuggestion")

    def show_context_menu(self, where: QPoint, position: int) -> QMenu:
        menu = QMenu(self.window)
        menu.setObjectName("readingContextMenu")
        if self.reading.selected_ranges():
            for action in (self.actions.mark_commitment, self.actions.mark_quote, self.actions.mark_question):
                menu.addAction(action)
            menu.addSeparator()
        highlight = self.reading.highlight_at(position)
        if highlight is not None:
            sub = menu.addMenu(self.tr("Change &Category"))
            for category in CATEGORIES:
                action = sub.addAction(category_label(category),
                                       partial(self.change_category, highlight, category))
                action.setCheckable(True)
                action.setChecked(category == highlight.category)
            menu.addAction(self.tr("Edit &Comment…") if highlight.comment else self.tr("Add &Comment…"),
                           partial(self.edit_comment, highlight))
            menu.addAction(self.tr("&Remove Highlight"), partial(self.remove, highlight))
            menu.addSeparator()
        suggestion = self.reading.suggestion_at(position)
        if suggestion is not None and highlight is None:
            self._add_suggestion_actions(menu, suggestion)
            menu.addSeparator()
        copy = menu.addAction(self.tr("&Copy"), self.reading.copy)
        copy.setEnabled(self.reading.textCursor().hasSelection())
        select_all = menu.addAction(self.tr("Select &All"), self.reading.selectAll)
        select_all.setEnabled(True)
        menu.addSeparator()
        menu.addAction(self.actions.undo)
        menu.addAction(self.actions.redo)
        self._replace_menu("context_menu", menu)
        menu.popup(where)
        return menu

    def _replace_menu(self, name: str, menu: QMenu) -> None:
        old = getattr(self, name)
        if old is not None:
            old.deleteLater()
        setattr(self, name, menu)


def find_action(menu: QMenu, object_name: str) -> QAction | None:
    """The menu's action with this object name (tests and accessibility tools use it)."""
    return next((a for a in menu.actions() if a.objectName() == object_name), None)
