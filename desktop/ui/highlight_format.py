"""How highlights (标注) and suggested commitments look in the reading pane.

Briefs are often printed on an office laser printer in grayscale, and some readers see
colours poorly, so a category is never told by hue alone: each has a tint of a different
lightness *and* a different underline (commitment: the darkest tint with a solid line;
quote: a light tint with a wavy line; question: a pale tint with a dashed line). A
suggested commitment has no tint at all, only a dotted line, so it never looks marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QTextCharFormat

from desktop.annotation import COMMITMENT, QUESTION, QUOTE, Category

UnderlineStyle = QTextCharFormat.UnderlineStyle


@dataclass(frozen=True)
class CategoryStyle:
    background: QColor
    underline: QColor
    underline_style: QTextCharFormat.UnderlineStyle
    swatch: str  # a short mark for menus and lists


STYLES: dict[str, CategoryStyle] = {
    # Gray levels (luma) 192 / 212 / 232 on paper at 251: three distinct grays in print.
    COMMITMENT: CategoryStyle(QColor("#f5b95a"), QColor("#b25a00"), UnderlineStyle.SingleUnderline, "■"),
    QUOTE: CategoryStyle(QColor("#b9e3cc"), QColor("#2d7d6a"), UnderlineStyle.WaveUnderline, "■"),
    QUESTION: CategoryStyle(QColor("#ebe3f7"), QColor("#6a4fa3"), UnderlineStyle.DashUnderline, "■"),
}

SUGGESTION_UNDERLINE = QColor("#c0631a")
SUGGESTION_STYLE = UnderlineStyle.DotLine
MARKER_COLOUR = QColor("#a8322d")
COMMENT_MARKER = "※"


def category_label(category: str) -> str:
    """The category's name for the user (承诺 / 金句 / 疑问 in Chinese)."""
    labels = {
        COMMITMENT: QCoreApplication.translate("Highlights", "Commitment"),
        QUOTE: QCoreApplication.translate("Highlights", "Quote"),
        QUESTION: QCoreApplication.translate("Highlights", "Question"),
    }
    return labels.get(category, category)


def highlight_format(category: Category | str) -> QTextCharFormat:
    """The character format merged over a highlight's words."""
    style = STYLES[category]
    fmt = QTextCharFormat()
    fmt.setBackground(style.background)
    fmt.setUnderlineStyle(style.underline_style)
    fmt.setUnderlineColor(style.underline)
    return fmt


def suggestion_format() -> QTextCharFormat:
    """A suggested commitment: a dotted line only, no tint (it is not marked yet)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(SUGGESTION_STYLE)
    fmt.setUnderlineColor(SUGGESTION_UNDERLINE)
    return fmt


def marker_format(base: QTextCharFormat) -> QTextCharFormat:
    """The superscript ※ after a highlight that has a comment."""
    fmt = QTextCharFormat(base)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setForeground(MARKER_COLOUR)
    fmt.setFontWeight(700)
    fmt.clearBackground()
    fmt.setUnderlineStyle(UnderlineStyle.NoUnderline)
    return fmt
