"""The highlights panel (标注列表): every highlight of the current material or of the
whole library, filtered by category, each opening its reflection at its place.

Model/view: :class:`HighlightsModel` holds plain rows (the library's
:class:`~desktop.annotation.Highlight` with its reflection's title and author), the
delegate draws each as a card (category chip, quote, comment, source), and the panel
asks the library again whenever the window says highlights changed. Listing runs on the
GUI thread: one indexed query, a few milliseconds even for a whole library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.annotation import COMMITMENT, QUESTION, QUOTE, Category, Highlight
from desktop.errors import StudyNotesError
from desktop.material import ReflectionSummary
from desktop.ui.row_style import paint_row_background

if TYPE_CHECKING:
    from desktop.library import Library

AnyIndex = QModelIndex | QPersistentModelIndex

HighlightRole = Qt.ItemDataRole.UserRole + 1
CategoryRole = Qt.ItemDataRole.UserRole + 2
CommentRole = Qt.ItemDataRole.UserRole + 3
SourceRole = Qt.ItemDataRole.UserRole + 4  # "title · author"
ReflectionIdRole = Qt.ItemDataRole.UserRole + 5

MATERIAL_SCOPE = "material"
LIBRARY_SCOPE = "library"

CATEGORY_COLOURS: dict[str, QColor] = {
    COMMITMENT: QColor("#c0392b"),  # red: what the writer promises to do
    QUOTE: QColor("#b8860b"),  # gold: a sentence worth quoting
    QUESTION: QColor("#2e6da4"),  # blue: something to ask about
}

PANEL_STYLE = """
#highlightsPanel { background: #f4f2ee; }
#highlightsPanel QPushButton { padding: 4px 9px; border: 1px solid #d3cec4; background: #fcfbf8;
                               border-radius: 4px; min-height: 22px; }
#highlightsPanel QPushButton:hover { background: #ece8e0; }
#highlightsPanel QPushButton:checked { background: #a8322d; color: white; border-color: #a8322d; }
#highlightsPanel QListView { background: #fcfbf8; border: 1px solid #dedad2; border-radius: 6px; }
"""


def category_names() -> dict[str, str]:
    """The categories as the reader calls them (承诺 / 金句 / 疑问 when translated)."""
    return {
        COMMITMENT: QCoreApplication.translate("HighlightsPanel", "Commitment"),
        QUOTE: QCoreApplication.translate("HighlightsPanel", "Quote"),
        QUESTION: QCoreApplication.translate("HighlightsPanel", "Question"),
    }


@dataclass(frozen=True)
class HighlightRow:
    highlight: Highlight
    title: str
    author: str


class HighlightsModel(QAbstractListModel):
    """The listed highlights, in the order the library gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HighlightRow] = []
        self._names = category_names()

    def set_rows(self, rows: list[HighlightRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def highlight(self, row: int) -> Highlight:
        return self._rows[row].highlight

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        highlight = row.highlight
        if role == Qt.ItemDataRole.DisplayRole:
            return highlight.anchor.exact
        if role == HighlightRole:
            return highlight
        if role == CategoryRole:
            return highlight.category
        if role == CommentRole:
            return highlight.comment
        if role == ReflectionIdRole:
            return highlight.reflection_id
        if role == SourceRole:
            title = row.title or QCoreApplication.translate("HighlightsPanel", "Untitled reflection")
            return f"{title} · {row.author}" if row.author else title
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"【{self._names.get(highlight.category, highlight.category)}】{highlight.anchor.exact}"]
            if highlight.comment:
                parts.append(highlight.comment)
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._names.get(highlight.category, '')}: {highlight.anchor.exact}"
        return None


class HighlightDelegate(QStyledItemDelegate):
    """A card per highlight: chip and quote, then the comment, then where it is from."""

    PADDING_V = 8
    PADDING_H = 12
    MUTED = QColor("#6b6b70")
    INK = QColor("#1f1f22")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = category_names()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        quote = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(9.0, option.font.pointSizeF() * 0.88))
        chip = QFont(small)
        chip.setBold(True)
        return quote, small, chip

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        quote, small, _ = self._fonts(option)
        height = QFontMetrics(quote).height() + 2 * QFontMetrics(small).height() + 2 * self.PADDING_V + 8
        return QSize(240, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_row_background(painter, opt)

        quote_font, small_font, chip_font = self._fonts(opt)
        rect = opt.rect.adjusted(self.PADDING_H, self.PADDING_V, -self.PADDING_H, -self.PADDING_V)
        quote_metrics, small_metrics = QFontMetrics(quote_font), QFontMetrics(small_font)
        chip_metrics = QFontMetrics(chip_font)
        category = str(index.data(CategoryRole) or "")
        name = self._names.get(category, category)
        chip_width = chip_metrics.horizontalAdvance(name) + 14
        line_height = quote_metrics.height()
        chip_rect = QRect(rect.left(), rect.top() + 1, chip_width, line_height - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CATEGORY_COLOURS.get(category, self.MUTED))
        painter.drawRoundedRect(chip_rect, 4, 4)
        painter.setFont(chip_font)
        painter.setPen(QColor("white"))
        painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, name)

        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        quote_rect = QRect(chip_rect.right() + 8, rect.top(), rect.right() - chip_rect.right() - 8, line_height)
        painter.setFont(quote_font)
        painter.setPen(self.INK)
        painter.drawText(quote_rect, align, quote_metrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, quote_rect.width()))

        small_height = small_metrics.height()
        comment_rect = QRect(rect.left(), quote_rect.bottom() + 4, rect.width(), small_height)
        source_rect = QRect(rect.left(), comment_rect.bottom() + 2, rect.width(), small_height)
        painter.setFont(small_font)
        comment = str(index.data(CommentRole) or "")
        painter.setPen(self.INK if comment else self.MUTED)
        painter.drawText(comment_rect, align, small_metrics.elidedText(
            comment or QCoreApplication.translate("HighlightsPanel", "(no comment)"), Qt.TextElideMode.ElideRight, rect.width()))
        painter.setPen(self.MUTED)
        painter.drawText(source_rect, align, small_metrics.elidedText(
            str(index.data(SourceRole) or ""), Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class HighlightsPanel(QWidget):
    """Scope (current material / whole library), category filter, and the list."""

    highlightActivated = Signal(object)  # the Highlight to open

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlightsPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)
        self._library: Library | None = None
        self._material_id: int | None = None
        self._lookup: Callable[[int], ReflectionSummary | None] = lambda _id: None

        self.scope_buttons = QButtonGroup(self)
        self.material_button = self._button(self.tr("Current Material"), self.scope_buttons)
        self.library_button = self._button(self.tr("Whole Library"), self.scope_buttons)
        self.material_button.setChecked(True)
        self.scope_buttons.buttonToggled.connect(lambda _b, on: on and self.refresh())

        self.category_buttons = QButtonGroup(self)
        self.all_button = self._button(self.tr("All"), self.category_buttons)
        self.all_button.setChecked(True)
        self._category_of: dict[QPushButton, Category | None] = {self.all_button: None}
        for category, name in category_names().items():
            button = self._button(name, self.category_buttons)
            self._category_of[button] = category  # type: ignore[assignment]
        self.category_buttons.buttonToggled.connect(lambda _b, on: on and self.refresh())

        self.model = HighlightsModel(self)
        self.view = QListView(self)
        self.view.setObjectName("highlightsList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(HighlightDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(48)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)  # Enter on the keyboard
        self.status = QLabel(self)
        self.status.setObjectName("highlightsStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a query is never markup
        palette = self.status.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#6b6b70"))
        self.status.setPalette(palette)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(4)
        for buttons in ((self.material_button, self.library_button),
                        tuple(self._category_of)):
            row = QHBoxLayout()
            row.setSpacing(4)
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def _button(self, text: str, group: QButtonGroup) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        group.addButton(button)
        return button

    # --- state --------------------------------------------------------------------

    def set_library(self, library: Library | None,
                    lookup: Callable[[int], ReflectionSummary | None] | None = None) -> None:
        """``lookup`` names a highlight's reflection (the library panel already has them)."""
        self._library = library
        if lookup is not None:
            self._lookup = lookup
        self.refresh()

    def set_material(self, material_id: int | None) -> None:
        if material_id != self._material_id:
            self._material_id = material_id
            if self.scope == MATERIAL_SCOPE:
                self.refresh()

    @property
    def scope(self) -> str:
        return LIBRARY_SCOPE if self.library_button.isChecked() else MATERIAL_SCOPE

    def set_scope(self, scope: str) -> None:
        (self.library_button if scope == LIBRARY_SCOPE else self.material_button).setChecked(True)

    @property
    def category(self) -> Category | None:
        return self._category_of.get(self.category_buttons.checkedButton())  # type: ignore[arg-type]

    def set_category(self, category: Category | None) -> None:
        for button, value in self._category_of.items():
            if value == category:
                button.setChecked(True)

    # --- listing --------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the library again (after any change to highlights, scope or filter)."""
        rows: list[HighlightRow] = []
        library = self._library
        if library is not None and not (self.scope == MATERIAL_SCOPE and self._material_id is None):
            material_id = self._material_id if self.scope == MATERIAL_SCOPE else None
            try:
                found = library.highlights(material_id=material_id, category=self.category)
            except StudyNotesError as error:
                self.model.set_rows([])
                self.status.setText(error.message)
                return
            for highlight in found:
                summary = self._lookup(highlight.reflection_id)
                rows.append(HighlightRow(highlight, summary.title if summary else "",
                                         summary.author if summary else ""))
        self.model.set_rows(rows)
        self.status.setText(self._status_text(len(rows)))

    def _status_text(self, count: int) -> str:
        if self._library is None:
            return self.tr("The library is opening…")
        if count:
            return self.tr("{count} highlights").format(count=count)
        if self.scope == MATERIAL_SCOPE:
            return self.tr("No highlights in this material yet. Select words in the text to mark them.")
        return self.tr("No highlights in the library yet.")

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.highlightActivated.emit(index.data(HighlightRole))
