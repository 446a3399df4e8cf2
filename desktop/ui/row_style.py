"""The look shared by the side panes' list rows (highlights, search results).

One place for the selected/hovered background and the separator line, so the two panes
keep looking like one family as either changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

SELECTED = QColor("#e7e0d2")
HOVERED = QColor("#f1ede5")
SEPARATOR = QColor("#ebe7df")


def paint_row_background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """A rounded tint for the selected or hovered row, and a thin line under every row."""
    from PySide6.QtWidgets import QStyle  # its enums cost ~10 ms: not before the first row

    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
    if selected or hovered:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SELECTED if selected else HOVERED)
        painter.drawRoundedRect(option.rect.adjusted(3, 2, -3, -2), 5, 5)
    painter.setPen(SEPARATOR)
    rect = option.rect
    painter.drawLine(rect.left() + 8, rect.bottom(), rect.right() - 8, rect.bottom())
