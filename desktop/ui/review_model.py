"""The import review's table of reflections (model/view).

The model only shows a tuple of :class:`Reflection` values; it never changes them.
An edit made in place in the table is reported through :attr:`editRequested`, and the
dialog turns it into an undoable command over the core review operations, then hands
the model the new reflections. So the table, the detail editor and the undo history can
never disagree about what the page looks like.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.importer.review import has_byline, opening_words
from desktop.material import Reflection

AnyIndex = QModelIndex | QPersistentModelIndex

# Rows the parser was least sure about get a soft highlight, so the eye goes there first.
_DOUBTFUL_BACKGROUND = QColor("#FFF6D5")
_PLACEHOLDER_FOREGROUND = QColor("#7A7A7A")


class ReflectionTableModel(QAbstractTableModel):
    """Rows: reflections. Columns: No., title, author, affiliation, opening words, paragraphs."""

    (
        COLUMN_NUMBER,
        COLUMN_TITLE,
        COLUMN_AUTHOR,
        COLUMN_AFFILIATION,
        COLUMN_OPENING,
        COLUMN_PARAGRAPHS,
    ) = range(6)
    EDITABLE_FIELDS = {
        COLUMN_TITLE: "title",
        COLUMN_AUTHOR: "author",
        COLUMN_AFFILIATION: "affiliation",
    }

    #: (row, field, new value) — the user edited a title, author or affiliation in place.
    editRequested = Signal(int, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reflections: tuple[Reflection, ...] = ()

    # --- content ---------------------------------------------------------------------

    def set_reflections(self, reflections: Sequence[Reflection]) -> None:
        """Show new reflections; the same row count only signals dataChanged, so selection stays."""
        reflections = tuple(reflections)
        if len(reflections) == len(self._reflections):
            self._reflections = reflections
            if reflections:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(reflections) - 1, self.columnCount() - 1)
                )
            return
        self.beginResetModel()
        self._reflections = reflections
        self.endResetModel()

    def reflection(self, row: int) -> Reflection:
        return self._reflections[row]

    # --- QAbstractTableModel ---------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._reflections)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("No."),
                self.tr("Title"),
                self.tr("Author"),
                self.tr("Affiliation"),
                self.tr("Opening words of the body"),
                self.tr("Paragraphs"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in self.EDITABLE_FIELDS:
            return self.tr("Double-click or press F2 to correct it here.")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self.EDITABLE_FIELDS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._reflections):
            return None
        reflection = self._reflections[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(reflection, index.row(), column)
        if role == Qt.ItemDataRole.EditRole and column in self.EDITABLE_FIELDS:
            return getattr(reflection, self.EDITABLE_FIELDS[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(reflection, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COLUMN_NUMBER,
            self.COLUMN_PARAGRAPHS,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.COLUMN_TITLE
            and not reflection.title
        ):
            return QBrush(_PLACEHOLDER_FOREGROUND)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.COLUMN_TITLE
            and not reflection.title
        ):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self._doubtful(reflection):
            return QBrush(_DOUBTFUL_BACKGROUND)
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in self.EDITABLE_FIELDS:
            return False
        field = self.EDITABLE_FIELDS[index.column()]
        text = str(value or "").strip()
        if text == getattr(self._reflections[index.row()], field):
            return False
        self.editRequested.emit(index.row(), field, text)
        return True

    # --- presentation ----------------------------------------------------------------

    @staticmethod
    def _doubtful(reflection: Reflection) -> bool:
        """Untitled bodies and titles found away from their body are the usual parser slips."""
        return (
            reflection.title_position == "far"
            or not has_byline(reflection)
            or not reflection.paragraphs
        )

    def _display(self, reflection: Reflection, row: int, column: int) -> str:
        if column == self.COLUMN_NUMBER:
            return str(row + 1)
        if column == self.COLUMN_TITLE:
            return reflection.title or self.tr("(no title)")
        if column == self.COLUMN_AUTHOR:
            return reflection.author
        if column == self.COLUMN_AFFILIATION:
            return reflection.affiliation
        if column == self.COLUMN_OPENING:
            return opening_words(reflection) or self.tr("(no body)")
        return str(len(reflection.paragraphs))

    def _tooltip(self, reflection: Reflection, column: int) -> str | None:
        if column == self.COLUMN_OPENING and reflection.paragraphs:
            return opening_words(reflection, 160)
        if column in self.EDITABLE_FIELDS:
            value = getattr(reflection, self.EDITABLE_FIELDS[column])
            return (
                f"{value}\n{self.position_text(reflection)}"
                if value
                else self.position_text(reflection)
            )
        return None

    def position_text(self, reflection: Reflection) -> str:
        """One sentence telling where the title and byline stood on the page."""
        if not has_byline(reflection):
            return self.tr("This body has no title or byline of its own.")
        if reflection.title_position == "before":
            return self.tr("On the page, the title and byline stood before this body.")
        if reflection.title_position == "after":
            return self.tr("On the page, the title and byline stood after this body.")
        if reflection.title_position == "far":
            return self.tr(
                "On the page, the title and byline stood away from this body: check that they belong to it."
            )
        return self.tr("The title and byline belong to this body.")
