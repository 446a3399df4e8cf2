"""The import review: check and correct a parsed page before it is stored.

The dialog shows the material the importer produced — headline, subtitle, lead and every
reflection — and lets the user fix what automatic structure got wrong. It holds one
current :class:`Material`; every correction is a core function from
:mod:`desktop.importer.review` turned into a :class:`QUndoCommand` that stores the
material before and after, so undo and redo are exact and the table, the detail editor
and the result can never disagree.

Typed edits (a field, the lead, a body) are committed as one undo step when the field is
left, when another reflection is selected, or before any command runs, so the user never
has to "apply" anything.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.importer import review
from desktop.material import Material
from desktop.ui.notice_text import notice_text
from desktop.ui.review_model import ReflectionTableModel

MIN_POINT_SIZE = 12.0
DEFAULT_POINT_SIZE = 13.0

RowChoice = Callable[[Material, Material], "int | None"]


def _legible(font: QFont, scale: float = 1.0, *, bold: bool = False) -> QFont:
    """A copy of ``font`` at no less than the dialog's minimum size, scaled."""
    result = QFont(font)
    size = result.pointSizeF()
    base = size if size >= MIN_POINT_SIZE else DEFAULT_POINT_SIZE
    result.setPointSizeF(base * scale)
    result.setBold(bold)
    return result


class _MaterialCommand(QUndoCommand):
    """One correction: the whole material before and after, and the row to select."""

    def __init__(
        self,
        show: Callable[[Material, int | None], None],
        text: str,
        before: Material,
        after: Material,
        row_before: int | None,
        row_after: int | None,
    ) -> None:
        super().__init__(text)
        self._show = show
        self._before, self._after = before, after
        self._row_before, self._row_after = row_before, row_after

    def redo(self) -> None:
        self._show(self._after, self._row_after)

    def undo(self) -> None:
        self._show(self._before, self._row_before)


class MoveBylineDialog(QDialog):
    """Ask which body should receive a title and byline; lists the bodies by opening words."""

    def __init__(self, material: Material, from_index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move title and byline"))
        self.setFont(_legible(self.font()))
        source = material.reflections[from_index]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)

        question = QLabel(
            self.tr("Give the title and byline of No. {number} to which body?").format(
                number=from_index + 1
            )
        )
        question.setFont(_legible(self.font(), 1.1, bold=True))
        layout.addWidget(question)
        moving = QLabel(
            "《{title}》  {byline}".format(
                title=source.title or self.tr("(no title)"), byline=source.byline
            )
        )
        moving.setWordWrap(True)
        layout.addWidget(moving)
        explain = QLabel(
            self.tr("The body you choose gives its own title and byline, if any, in exchange.")
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)

        self.targets = QListWidget()
        self.targets.setSpacing(3)
        self.targets.setAlternatingRowColors(True)
        preferred: int | None = None
        for index, reflection in enumerate(material.reflections):
            if index == from_index:
                continue
            now = (
                self.tr("now titled: {title}").format(title=reflection.title)
                if reflection.title
                else self.tr("now without a title")
            )
            opening = review.opening_words(reflection) or self.tr("(no body)")
            item = QListWidgetItem(f"{index + 1}.  {opening}\n      {now}")
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setSizeHint(QSize(0, int(self.fontMetrics().height() * 2.6)))
            self.targets.addItem(item)
            if preferred is None and index > from_index and not review.has_byline(reflection):
                preferred = self.targets.count() - 1
        self.targets.setCurrentRow(preferred if preferred is not None else 0)
        self.targets.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.targets, 1)

        buttons = QDialogButtonBox()
        self.move_button = buttons.addButton(
            self.tr("Move"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.move_button, self.cancel_button):
            button.setMinimumSize(120, 40)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def target_index(self) -> int | None:
        """The chosen body's index in the material, or None if nothing is chosen."""
        item = self.targets.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select_target(self, index: int) -> None:
        """Choose the body with this index (for keyboard automation and tests)."""
        for row in range(self.targets.count()):
            if self.targets.item(row).data(Qt.ItemDataRole.UserRole) == index:
                self.targets.setCurrentRow(row)
                return
        raise IndexError(f"No body with index {index} to choose.")


class ImportReviewDialog(QDialog):
    """Review a parsed page; ``exec()`` returns Accepted when the user presses Import.

    Widgets and actions are public attributes so keyboard automation and tests can drive
    the dialog the way a user does.
    """

    def __init__(self, material: Material, source_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._material = material
        self._source_name = source_name
        self._loading = False
        self._dirty: set[str] = set()
        self._detail_row: int | None = None
        self.undo_stack = QUndoStack(self)
        self.model = ReflectionTableModel(self)

        self.setWindowTitle(self.tr("Check the import — {name}").format(name=source_name))
        self.setFont(_legible(self.font()))
        self.setSizeGripEnabled(True)
        self._build_actions()
        self._build_ui()
        self._connect()
        self._show(material, 0 if material.reflections else None)
        self._fit_to_screen()
        self.table.setFocus()

    # --- public API --------------------------------------------------------------------

    def reviewed_material(self) -> Material:
        """The corrected material (source text and warnings kept; emptied reflections left out)."""
        self.commit_pending_edits()
        return review.without_empty_reflections(self._material)

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, ReflectionTableModel.COLUMN_TITLE))

    def commit_pending_edits(self, row_after: int | None = None) -> bool:
        """Turn typed but uncommitted edits into one undo step; True if anything changed."""
        if self._loading or not self._dirty:
            return False
        before = self._material
        after = self._pending_material()
        labels = [
            self._edit_labels()[field] for field in self._edit_order() if field in self._dirty
        ]
        self._dirty.clear()
        if after == before:
            return False
        text = labels[0] if len(labels) == 1 else self.tr("Edit several fields")
        row = self._detail_row
        self._push(text, before, after, row, row if row_after is None else row_after)
        return True

    def merge_with_previous(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        return self._run(
            self.tr("Merge with previous"),
            lambda m: review.merge_with_previous(m, row),
            lambda _before, _after: row - 1,
        )

    def merge_with_next(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        return self._run(
            self.tr("Merge with next"),
            lambda m: review.merge_with_next(m, row),
            lambda _before, _after: row,
        )

    def split_at_cursor(self) -> bool:
        """Split the selected reflection where the cursor stands in the body editor."""
        row = self.current_row()
        if row is None:
            return False
        try:
            paragraph, offset = review.locate_in_text(
                self.body_edit.toPlainText(), self.body_edit.textCursor().position()
            )
        except review.ReviewError as error:
            self._explain(error)
            return False
        return self._run(
            self.tr("Split at cursor"),
            lambda m: review.split_at_text(m, row, paragraph, offset),
            lambda _before, _after: row + 1,
        )

    def mark_as_lead(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        return self._run(
            self.tr("Mark as lead"),
            lambda m: review.mark_as_lead(m, row),
            lambda _before, after: (
                min(row, len(after.reflections) - 1) if after.reflections else None
            ),
        )

    def lead_to_reflection(self) -> bool:
        return self._run(
            self.tr("Lead to reflection"),
            review.lead_to_reflection,
            lambda _before, _after: 0,
        )

    def move_byline_to(self, target: int) -> bool:
        """Give the selected reflection's title and byline to the body at ``target``."""
        row = self.current_row()
        if row is None:
            return False
        return self._run(
            self.tr("Move title and byline"),
            lambda m: review.move_byline(m, row, target),
            lambda before, _after: review.index_after_move(before, row, target),
        )

    def choose_byline_target(self) -> bool:
        """Ask for the body that should receive the selected title and byline, then move it."""
        self.commit_pending_edits()
        row = self.current_row()
        if row is None or not self.move_byline_action.isEnabled():
            return False
        picker = MoveBylineDialog(self._material, row, self)
        try:
            if picker.exec() != QDialog.DialogCode.Accepted:
                return False
            target = picker.target_index()
        finally:
            picker.deleteLater()
        return target is not None and self.move_byline_to(target)

    def undo(self) -> None:
        self.commit_pending_edits()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.commit_pending_edits()
        self.undo_stack.redo()

    # --- QDialog -----------------------------------------------------------------------

    def accept(self) -> None:
        self.commit_pending_edits()
        super().accept()

    def reject(self) -> None:
        """Close without importing; ask first when that would throw corrections away."""
        self.commit_pending_edits()
        if not self.undo_stack.isClean():
            answer = QMessageBox.question(
                self,
                self.tr("Discard the corrections?"),
                self.tr(
                    "You have corrected this page. Close without importing it and discard the corrections?"
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter finishes a field; it must never import the page (QDialog would press the
        # default button). Ctrl+Enter is the Import shortcut.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Plain text editors have no editingFinished: leaving them commits the edit.
        if event.type() == QEvent.Type.FocusOut and watched in (self.lead_edit, self.body_edit):
            self.commit_pending_edits()
        return super().eventFilter(watched, event)

    # --- building ----------------------------------------------------------------------

    def _action(
        self,
        text: str,
        tip: str,
        shortcut: QKeySequence | str,
        icon: QStyle.StandardPixmap | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        sequence = QKeySequence(shortcut)
        action.setShortcut(sequence)
        action.setToolTip(f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.undo_action = self._action(
            self.tr("Undo"),
            self.tr("Undo the last correction"),
            QKeySequence.StandardKey.Undo,
            pixmap.SP_ArrowBack,
            self.undo,
        )
        self.redo_action = self._action(
            self.tr("Redo"),
            self.tr("Redo the correction just undone"),
            QKeySequence.StandardKey.Redo,
            pixmap.SP_ArrowForward,
            self.redo,
        )
        self.merge_previous_action = self._action(
            self.tr("Merge with previous"),
            self.tr("Join the selected reflection to the one above it"),
            "Ctrl+Shift+Up",
            pixmap.SP_ArrowUp,
            self.merge_with_previous,
        )
        self.merge_next_action = self._action(
            self.tr("Merge with next"),
            self.tr("Join the selected reflection to the one below it"),
            "Ctrl+Shift+Down",
            pixmap.SP_ArrowDown,
            self.merge_with_next,
        )
        self.split_action = self._action(
            self.tr("Split at cursor"),
            self.tr("Cut the selected reflection in two where the cursor stands in its body"),
            "Ctrl+Shift+Return",
            pixmap.SP_MediaSkipForward,
            self.split_at_cursor,
        )
        self.mark_lead_action = self._action(
            self.tr("Mark as lead"),
            self.tr("Use the selected body as the lead of the page"),
            "Ctrl+Shift+L",
            None,
            self.mark_as_lead,
        )
        self.lead_to_reflection_action = self._action(
            self.tr("Lead to reflection"),
            self.tr("Turn the lead into an untitled first reflection"),
            "Ctrl+Shift+K",
            None,
            self.lead_to_reflection,
        )
        self.move_byline_action = self._action(
            self.tr("Move title+byline to…"),
            self.tr("Give the selected title and byline to a different body"),
            "Ctrl+Shift+M",
            None,
            self.choose_byline_target,
        )
        # Tool buttons strip a trailing ellipsis from the text; it says "a choice follows".
        self.move_byline_action.setIconText(self.move_byline_action.text())
        self.import_action = self._action(
            self.tr("Import"),
            self.tr("Store the page as corrected"),
            "Ctrl+Return",
            None,
            self.accept,
        )

    def _build_ui(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(20, 16, 20, 16)
        root.setSpacing(10)

        heading = QLabel(self.tr("Check the import before it is stored"))
        heading.setFont(_legible(self.font(), 1.3, bold=True))
        source = QLabel(self.tr("Page: {name}").format(name=self._source_name))
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _mute(source)
        title_row = QHBoxLayout()
        title_row.addWidget(heading)
        title_row.addStretch(1)
        title_row.addWidget(source)
        root.addLayout(title_row)
        hint = QLabel(
            self.tr(
                "Automatic structure is never perfect. Correct the page and each reflection below; "
                "nothing is stored until you press Import."
            )
        )
        hint.setWordWrap(True)
        root.addWidget(hint)

        self.warnings_box = self._build_warnings(self._material.warnings)
        root.addWidget(self.warnings_box)
        root.addWidget(self._section_heading(self.tr("Study material")))
        root.addWidget(self._build_page_group())

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(22, 22))
        self.toolbar.addActions(
            [self.merge_previous_action, self.merge_next_action, self.split_action]
        )
        self.toolbar.addSeparator()
        self.toolbar.addActions(
            [self.mark_lead_action, self.lead_to_reflection_action, self.move_byline_action]
        )
        # Framed, labelled buttons: easier to find and hit than bare icons.
        self.toolbar.setStyleSheet(
            f"QToolButton {{ font-size: {self._point_size()}; padding: 5px 10px; margin: 2px 3px;"
            " border: 1px solid #B9C0C8; border-radius: 5px; background: #FBFBFB; }"
            " QToolButton:hover { background: #E8F1FB; border-color: #6F9FD8; }"
            " QToolButton:pressed { background: #D3E4F8; }"
            " QToolButton:disabled { color: #9A9A9A; border-color: #D8D8D8;"
            " background: transparent; }"
        )
        root.addWidget(self.toolbar)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(
            f"QLabel {{ font-size: {self._point_size()}; background: #FDECEA; color: #7A1C12;"
            " border: 1px solid #E6A29A; border-radius: 4px; padding: 6px 10px; }"
        )
        self.message_label.hide()
        root.addWidget(self.message_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_table())
        self.splitter.addWidget(self._build_detail())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        root.addWidget(self.splitter, 1)

        bottom = QHBoxLayout()
        self.history_toolbar = QToolBar()
        self.history_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_toolbar.setIconSize(QSize(22, 22))
        self.history_toolbar.setStyleSheet(self.toolbar.styleSheet())
        self.history_toolbar.addActions([self.undo_action, self.redo_action])
        bottom.addWidget(self.history_toolbar)
        bottom.addStretch(1)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.import_button, self.cancel_button):
            # No default button: Enter in a field must finish the edit, never import the page.
            button.setAutoDefault(False)
            button.setDefault(False)
            button.setMinimumSize(140, 44)
        # The one primary action is filled, so it is found at a glance.
        self.import_button.setStyleSheet(
            f"QPushButton {{ font-size: {self._point_size()}; font-weight: bold; color: white;"
            " background: #2F6DB5; border: 1px solid #245A96; border-radius: 5px;"
            " padding: 6px 18px; }"
            " QPushButton:hover { background: #3A7CC7; }"
            " QPushButton:pressed { background: #255A96; }"
            " QPushButton:focus { border: 2px solid #F2B01E; }"
        )
        self.import_button.setToolTip(self.import_action.toolTip())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        root.addLayout(bottom)

    def _point_size(self) -> str:
        """The dialog's size for style sheets, which do not inherit the widget font."""
        return f"{self.font().pointSizeF():g}pt"

    def _build_warnings(self, warnings: tuple[str, ...]) -> QFrame:
        box = QFrame()
        box.setObjectName("warningsBox")
        box.setStyleSheet(
            "#warningsBox { background: #FFF4CE; border: 1px solid #D9A400; border-radius: 6px; }"
            f" #warningsBox QLabel {{ font-size: {self._point_size()}; color: #4D3800;"
            " background: transparent; }"
        )
        layout = QHBoxLayout(box)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        text = QLabel(
            "<b>{intro}</b><br>{items}".format(
                intro=self.tr("Please check: the importer was unsure about this page."),
                items="<br>".join("• " + _escape(notice_text(w)) for w in warnings),
            )
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text, 1)
        box.setVisible(bool(warnings))
        return box

    def _section_heading(self, text: str) -> QLabel:
        heading = QLabel(text)
        heading.setFont(_legible(self.font(), 1.08, bold=True))
        return heading

    def _build_page_group(self) -> QGroupBox:
        group = QGroupBox()
        grid = QGridLayout(group)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        self.headline_edit = QLineEdit()
        self.headline_edit.setFont(_legible(self.font(), 1.15, bold=True))
        self.subtitle_edit = QLineEdit()
        self.lead_edit = QPlainTextEdit()
        self.lead_edit.setTabChangesFocus(True)
        self.lead_edit.setFixedHeight(int(self.fontMetrics().lineSpacing() * 3.6))
        self.lead_edit.setPlaceholderText(self.tr("No lead was found on this page."))
        # Headline and subtitle share a row: vertical space goes to the reflections.
        cells = (
            (self.tr("Headline"), self.headline_edit, 0, 0, 1),
            (self.tr("Subtitle"), self.subtitle_edit, 0, 2, 1),
            (self.tr("Lead"), self.lead_edit, 1, 0, 3),
        )
        for label, editor, row, column, span in cells:
            caption = QLabel(label)
            caption.setBuddy(editor)
            vertical = (
                Qt.AlignmentFlag.AlignTop
                if editor is self.lead_edit
                else Qt.AlignmentFlag.AlignVCenter
            )
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | vertical)
            if isinstance(editor, QLineEdit):
                editor.setMinimumHeight(38)
            grid.addWidget(caption, row, column)
            grid.addWidget(editor, row, column + 1, 1, span)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        return group

    def _build_table(self) -> QWidget:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.1))
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumHeight(int(self.fontMetrics().height() * 1.9))
        char = self.fontMetrics().horizontalAdvance("中")
        model = ReflectionTableModel
        widths = {
            model.COLUMN_TITLE: char * 10,
            model.COLUMN_AUTHOR: char * 4,
            model.COLUMN_AFFILIATION: char * 8,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        for column in (model.COLUMN_NUMBER, model.COLUMN_PARAGRAPHS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(model.COLUMN_OPENING, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(char * 2)
        return self.table

    def _build_detail(self) -> QWidget:
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(8, 0, 0, 0)
        pane_layout.setSpacing(6)
        self.detail_heading = self._section_heading("")
        pane_layout.addWidget(self.detail_heading)
        self.detail_group = QGroupBox()
        pane_layout.addWidget(self.detail_group, 1)
        layout = QVBoxLayout(self.detail_group)
        layout.setSpacing(8)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.title_edit = QLineEdit()
        self.title_edit.setFont(_legible(self.font(), bold=True))
        self.author_edit = QLineEdit()
        self.affiliation_edit = QLineEdit()
        for row, (label, editor) in enumerate(
            (
                (self.tr("Title"), self.title_edit),
                (self.tr("Author"), self.author_edit),
                (self.tr("Affiliation"), self.affiliation_edit),
            )
        ):
            caption = QLabel(label)
            caption.setBuddy(editor)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor.setMinimumHeight(36)
            grid.addWidget(caption, row, 0)
            grid.addWidget(editor, row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.position_label = QLabel()
        self.position_label.setWordWrap(True)
        _mute(self.position_label)
        layout.addWidget(self.position_label)
        body_caption = QLabel(
            self.tr("Body (to split it, first click where the next piece begins)")
        )
        body_caption.setWordWrap(True)
        layout.addWidget(body_caption)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setTabChangesFocus(True)
        body_caption.setBuddy(self.body_edit)
        layout.addWidget(self.body_edit, 1)
        return pane

    def _connect(self) -> None:
        for field, editor in (
            ("headline", self.headline_edit),
            ("subtitle", self.subtitle_edit),
            ("title", self.title_edit),
            ("author", self.author_edit),
            ("affiliation", self.affiliation_edit),
        ):
            editor.textChanged.connect(lambda _text, f=field: self._mark_dirty(f))
            editor.editingFinished.connect(self.commit_pending_edits)
        self.lead_edit.textChanged.connect(lambda: self._mark_dirty("lead"))
        self.body_edit.textChanged.connect(lambda: self._mark_dirty("body"))
        self.lead_edit.installEventFilter(self)
        self.body_edit.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.editRequested.connect(self._on_table_edit)
        self.undo_stack.indexChanged.connect(self._on_history_changed)

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 1280, 900
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.95))
            height = min(height, int(available.height() * 0.92))
        self.resize(width, height)
        self.splitter.setSizes([int(width * 0.58), int(width * 0.42)])

    # --- state -------------------------------------------------------------------------

    def _show(self, material: Material, row: int | None) -> None:
        """Display ``material`` and select ``row`` (clamped); the single way state changes."""
        self._loading = True
        try:
            self._material = material
            self.model.set_reflections(material.reflections)
            _set_line(self.headline_edit, material.headline)
            _set_line(self.subtitle_edit, material.subtitle)
            _set_plain(self.lead_edit, material.lead)
            count = len(material.reflections)
            if row is not None and count:
                row = max(0, min(row, count - 1))
                column = self.table.currentIndex().column()
                index = self.model.index(
                    row, column if column >= 0 else ReflectionTableModel.COLUMN_TITLE
                )
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
            else:
                row = None
                self.table.selectionModel().clear()
            self._load_detail(row)
            self._dirty.clear()
        finally:
            self._loading = False
        self.message_label.hide()
        self._update_actions()

    def _load_detail(self, row: int | None) -> None:
        was_loading, self._loading = self._loading, True
        try:
            self._detail_row = row
            enabled = row is not None
            for widget in (
                self.title_edit,
                self.author_edit,
                self.affiliation_edit,
                self.body_edit,
            ):
                widget.setEnabled(enabled)
            if row is None:
                self.detail_heading.setText(self.tr("No reflection selected"))
                for edit in (self.title_edit, self.author_edit, self.affiliation_edit):
                    _set_line(edit, "")
                _set_plain(self.body_edit, "")
                self.position_label.clear()
                return
            reflection = self._material.reflections[row]
            self.detail_heading.setText(
                self.tr("Reflection {number} of {count}").format(
                    number=row + 1, count=len(self._material.reflections)
                )
            )
            _set_line(self.title_edit, reflection.title)
            _set_line(self.author_edit, reflection.author)
            _set_line(self.affiliation_edit, reflection.affiliation)
            _set_plain(self.body_edit, review.paragraphs_to_text(reflection.paragraphs))
            self.position_label.setText(self.model.position_text(reflection))
        finally:
            self._loading = was_loading

    def _edit_order(self) -> tuple[str, ...]:
        return ("headline", "subtitle", "lead", "title", "author", "affiliation", "body")

    def _edit_labels(self) -> dict[str, str]:
        return {
            "headline": self.tr("Edit headline"),
            "subtitle": self.tr("Edit subtitle"),
            "lead": self.tr("Edit lead"),
            "title": self.tr("Edit title"),
            "author": self.tr("Edit author"),
            "affiliation": self.tr("Edit affiliation"),
            "body": self.tr("Edit body"),
        }

    def _pending_material(self) -> Material:
        """The current material with the typed, not yet committed edits applied."""
        material = self._material
        if not self._dirty:
            return material
        header_text = {
            "headline": self.headline_edit.text,
            "subtitle": self.subtitle_edit.text,
            "lead": self.lead_edit.toPlainText,
        }
        for field, text in header_text.items():
            if field in self._dirty:
                material = review.edit_header(material, field, text())
        row = self._detail_row
        if row is not None and 0 <= row < len(material.reflections):
            reflection_text = {
                "title": self.title_edit.text,
                "author": self.author_edit.text,
                "affiliation": self.affiliation_edit.text,
            }
            for field, text in reflection_text.items():
                if field in self._dirty:
                    material = review.edit_reflection(material, row, field, text())
            if "body" in self._dirty:
                paragraphs = review.paragraphs_from_text(self.body_edit.toPlainText())
                material = review.edit_paragraphs(material, row, paragraphs)
        return material

    def _mark_dirty(self, field: str) -> None:
        if self._loading:
            return
        self._dirty.add(field)
        self._update_actions()

    def _push(
        self,
        text: str,
        before: Material,
        after: Material,
        row_before: int | None,
        row_after: int | None,
    ) -> None:
        self.undo_stack.push(
            _MaterialCommand(self._show, text, before, after, row_before, row_after)
        )

    def _run(self, text: str, change: Callable[[Material], Material], row_after: RowChoice) -> bool:
        """Apply one core operation as an undoable command; explain it if it is refused."""
        self.commit_pending_edits()
        before = self._material
        row_before = self.current_row()
        try:
            after = change(before)
            row = row_after(before, after)
        except (review.ReviewError, review.ReviewIndexError) as error:
            self._explain(error)
            return False
        if after == before:
            return False
        self._push(text, before, after, row_before, row)
        return True

    def _explain(self, error: Exception) -> None:
        """Say in the dialog (not in a pop-up) why a command could not be done."""
        code = getattr(error, "code", "")
        messages = {
            "review-split-edge": self.tr(
                "Put the cursor inside the body where the second piece begins: a split at the very "
                "start or end would leave one part without text."
            ),
            "review-empty-text": self.tr("This reflection has no body to split."),
            "review-no-previous": self.tr(
                "The first reflection has no reflection above it to merge with."
            ),
            "review-no-next": self.tr(
                "The last reflection has no reflection below it to merge with."
            ),
            "review-no-byline": self.tr("This reflection has no title or byline to move."),
            "review-no-body": self.tr("This reflection has no body to use as the lead."),
            "review-no-lead": self.tr("The page has no lead to turn into a reflection."),
        }
        self.message_label.setText(messages.get(code, str(error)))
        self.message_label.show()

    def _update_actions(self) -> None:
        try:
            material = self._pending_material()
        except (review.ReviewError, review.ReviewIndexError):
            material = self._material
        row = self.current_row()
        count = len(material.reflections)
        reflection = material.reflections[row] if row is not None and row < count else None
        self.merge_previous_action.setEnabled(reflection is not None and row > 0)
        self.merge_next_action.setEnabled(reflection is not None and row < count - 1)
        has_body = reflection is not None and bool(reflection.paragraphs)
        self.split_action.setEnabled(has_body)
        self.mark_lead_action.setEnabled(has_body)
        self.lead_to_reflection_action.setEnabled(bool(material.lead.strip()))
        self.move_byline_action.setEnabled(
            reflection is not None and count > 1 and review.has_byline(reflection)
        )
        self.undo_action.setEnabled(self.undo_stack.canUndo() or bool(self._dirty))
        self.redo_action.setEnabled(self.undo_stack.canRedo() and not self._dirty)
        self.undo_action.setToolTip(
            self._history_tip(self.tr("Undo"), self.undo_stack.undoText(), self.undo_action)
        )
        self.redo_action.setToolTip(
            self._history_tip(self.tr("Redo"), self.undo_stack.redoText(), self.redo_action)
        )

    def _on_history_changed(self, _index: int) -> None:
        # The stack clears itself (and signals) while the dialog is being destroyed.
        if shiboken6.isValid(self.undo_stack):
            self._update_actions()

    def _history_tip(self, verb: str, what: str, action: QAction) -> str:
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return f"{verb}: {what} ({shortcut})" if what else f"{verb} ({shortcut})"

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        row = current.row() if current.isValid() else None
        if row == self._detail_row:
            return
        if not self.commit_pending_edits(row_after=row):
            self._load_detail(row)
        self.message_label.hide()
        self._update_actions()

    def _on_table_edit(self, row: int, field: str, value: str) -> None:
        labels = self._edit_labels()
        self._run(
            labels.get(field, self.tr("Edit several fields")),
            lambda m: review.edit_reflection(m, row, field, value),
            lambda _before, _after: row,
        )


def _set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)


def _set_plain(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.setPlainText(text)


def _mute(label: QLabel) -> None:
    """Secondary text: dark grey, still well above the contrast older eyes need."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#4A4A4A"))
    label.setPalette(palette)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
