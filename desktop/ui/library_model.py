"""The library panel's model and row painter: materials, each with its reflections.

A two-level QAbstractItemModel (material -> reflections) over the plain summaries the
library returns. It holds only titles and bylines (no bodies), answers every lookup
from dictionaries and lets the view create rows lazily, so a library of ten thousand
reflections loads and scrolls as fast as one of ten. Top-level rows carry internal id 0;
a reflection row carries its material's row + 1, which is how ``parent()`` finds it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.material import MaterialSummary, ReflectionSummary

MATERIAL = "material"
REFLECTION = "reflection"

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
AuthorRole = Qt.ItemDataRole.UserRole + 3
AffiliationRole = Qt.ItemDataRole.UserRole + 4
SecondLineRole = Qt.ItemDataRole.UserRole + 5
MaterialIdRole = Qt.ItemDataRole.UserRole + 6

AnyIndex = QModelIndex | QPersistentModelIndex


def byline_text(affiliation: str, author: str) -> str:
    """Affiliation then author, as the page prints it (单位职务 + 姓名)."""
    return "\u3000".join(part for part in (affiliation, author) if part)


class LibraryModel(QAbstractItemModel):
    """Materials at the top level, their reflections (in page order) below."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._materials: list[MaterialSummary] = []
        self._reflections: list[list[ReflectionSummary]] = []
        self._material_rows: dict[int, int] = {}
        self._reflection_rows: dict[int, tuple[int, int]] = {}

    # --- filling -------------------------------------------------------------------

    def set_contents(
        self, materials: Sequence[MaterialSummary], reflections: Sequence[ReflectionSummary]
    ) -> None:
        """Replace everything (one reset: cheaper than row inserts for a whole library)."""
        self.beginResetModel()
        self._materials = list(materials)
        self._material_rows = {m.id: row for row, m in enumerate(self._materials)}
        grouped: list[list[ReflectionSummary]] = [[] for _ in self._materials]
        for reflection in reflections:
            row = self._material_rows.get(reflection.material_id)
            if row is not None:
                grouped[row].append(reflection)
        self._reflections = [sorted(group, key=lambda r: r.position) for group in grouped]
        self._reflection_rows = {
            r.id: (m_row, r_row)
            for m_row, group in enumerate(self._reflections)
            for r_row, r in enumerate(group)
        }
        self.endResetModel()

    def material_count(self) -> int:
        return len(self._materials)

    def reflection_count(self) -> int:
        return len(self._reflection_rows)

    # --- lookups -------------------------------------------------------------------

    def material_index(self, material_id: int) -> QModelIndex:
        row = self._material_rows.get(material_id)
        return self.index(row, 0) if row is not None else QModelIndex()

    def reflection_index(self, reflection_id: int) -> QModelIndex:
        rows = self._reflection_rows.get(reflection_id)
        if rows is None:
            return QModelIndex()
        return self.createIndex(rows[1], 0, rows[0] + 1)

    def first_reflection_index(self, material_id: int | None = None) -> QModelIndex:
        """The first reflection of a material (of the first material that has one if None)."""
        rows = range(len(self._materials))
        if material_id is not None:
            row = self._material_rows.get(material_id)
            rows = range(row, row + 1) if row is not None else range(0)
        for m_row in rows:
            if self._reflections[m_row]:
                return self.createIndex(0, 0, m_row + 1)
        return QModelIndex()

    def material_summary(self, index: AnyIndex) -> MaterialSummary | None:
        if index.isValid() and index.internalId() == 0 and index.row() < len(self._materials):
            return self._materials[index.row()]
        return None

    def reflection_summary(self, index: AnyIndex) -> ReflectionSummary | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        m_row = index.internalId() - 1
        if m_row < len(self._reflections) and index.row() < len(self._reflections[m_row]):
            return self._reflections[m_row][index.row()]
        return None

    def reflections_of(self, material_id: int) -> list[ReflectionSummary]:
        row = self._material_rows.get(material_id)
        return list(self._reflections[row]) if row is not None else []

    def step(self, index: AnyIndex, delta: int) -> QModelIndex:
        """The reflection ``delta`` places away in reading order, across materials.

        From a material row, +1 is its first reflection and -1 the last one before it.
        Returns an invalid index past either end.
        """
        if not index.isValid():
            return QModelIndex()
        if index.internalId() == 0:
            m_row, r_row = index.row(), -1 if delta > 0 else 0
        else:
            m_row, r_row = index.internalId() - 1, index.row()
        step = 1 if delta > 0 else -1
        for _ in range(abs(delta)):
            m_row, r_row = self._neighbour(m_row, r_row, step)
            if m_row < 0:
                return QModelIndex()
        return self.createIndex(r_row, 0, m_row + 1)

    def _neighbour(self, m_row: int, r_row: int, step: int) -> tuple[int, int]:
        r_row += step
        while not 0 <= r_row < len(self._reflections[m_row]):
            m_row += step
            if not 0 <= m_row < len(self._reflections):
                return -1, -1
            r_row = 0 if step > 0 else len(self._reflections[m_row]) - 1
        return m_row, r_row

    # --- QAbstractItemModel --------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._materials) else QModelIndex()
        if parent.internalId() == 0 and row < len(self._reflections[parent.row()]):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._materials)
        if parent.internalId() == 0 and parent.row() < len(self._reflections):
            return len(self._reflections[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        material = self.material_summary(index)
        if material is not None:
            return self._material_data(material, role)
        reflection = self.reflection_summary(index)
        if reflection is not None:
            return self._reflection_data(reflection, role)
        return None

    def _material_data(self, material: MaterialSummary, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return material.headline or material.subtitle or self.tr("Untitled material")
        if role == SecondLineRole:
            return self.tr("{count} reflections · {source}").format(
                count=material.reflection_count, source=material.source_name
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (material.headline, material.subtitle, material.source_name) if p)
        if role == KindRole:
            return MATERIAL
        if role in (IdRole, MaterialIdRole):
            return material.id
        return None

    def _reflection_data(self, reflection: ReflectionSummary, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return reflection.title or self.tr("Untitled reflection")
        if role == SecondLineRole:
            return byline_text(reflection.affiliation, reflection.author)
        if role == Qt.ItemDataRole.ToolTipRole:
            byline = byline_text(reflection.affiliation, reflection.author)
            return "\n".join(p for p in (reflection.title, byline) if p)
        if role == AuthorRole:
            return reflection.author
        if role == AffiliationRole:
            return reflection.affiliation
        if role == KindRole:
            return REFLECTION
        if role == IdRole:
            return reflection.id
        if role == MaterialIdRole:
            return reflection.material_id
        return None


class LibraryItemDelegate(QStyledItemDelegate):
    """Draws a row as two lines: title (or headline) above, byline (or count) below.

    Every row has the same height, so the view can use uniform row heights (fast with
    thousands of rows), and the height is a generous click target.
    """

    PADDING_V = 9
    PADDING_H = 12
    SECOND_LINE_COLOUR = QColor("#6b6b70")
    MARK_COLOUR = QColor("#a8322d")

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        first = QFont(option.font)
        second = QFont(option.font)
        second.setPointSizeF(max(8.0, option.font.pointSizeF() * 0.86))
        return first, second

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        first, second = self._fonts(option)
        height = QFontMetrics(first).height() + QFontMetrics(second).height() + 2 * self.PADDING_V + 3
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # Imported here: QStyle's many enums cost ~10 ms, and no row is painted before
        # the library has opened (after the window is on screen).
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        self._paint_background(painter, opt, selected, bool(opt.state & QStyle.StateFlag.State_MouseOver))
        active = bool(opt.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        first_colour = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        # A dark selection (native styles) needs the light highlight text on both lines.
        light_on_dark = selected and first_colour.lightness() > 128
        second_colour = first_colour if light_on_dark else self.SECOND_LINE_COLOUR
        first_font, second_font = self._fonts(opt)
        if index.data(KindRole) == MATERIAL:
            first_font.setBold(True)
        rect = opt.rect.adjusted(self.PADDING_H, self.PADDING_V, -self.PADDING_H, -self.PADDING_V)
        first_metrics, second_metrics = QFontMetrics(first_font), QFontMetrics(second_font)
        first_rect = QRect(rect.left(), rect.top(), rect.width(), first_metrics.height())
        second_rect = QRect(rect.left(), first_rect.bottom() + 3, rect.width(), second_metrics.height())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setFont(first_font)
        painter.setPen(first_colour)
        painter.drawText(first_rect, align, first_metrics.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""), Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(second_font)
        painter.setPen(second_colour)
        painter.drawText(second_rect, align, second_metrics.elidedText(
            str(index.data(SecondLineRole) or ""), Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def _paint_background(self, painter: QPainter, opt: QStyleOptionViewItem, selected: bool,
                          hovered: bool) -> None:
        """A soft rounded card for the selected row, with a red mark at its left edge."""
        if not (selected or hovered):
            return
        card = QRectF(opt.rect).adjusted(2, 2, -4, -2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        colour = opt.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        painter.setBrush(colour if selected else colour.lighter(106))
        painter.drawRoundedRect(card, 6, 6)
        if selected:
            painter.setBrush(self.MARK_COLOUR)
            painter.drawRoundedRect(QRectF(card.left(), card.top() + 8, 3, card.height() - 16), 1.5, 1.5)
