"""The reading pane: a reflection (or a material's lead) typeset for comfortable reading.

The document is built block by block with QTextCursor and QTextBlockFormat, never from
HTML strings, so whatever a page contains is shown as text and cannot turn into markup.
Typesetting follows Chinese print habits: body paragraphs indented by two characters,
generous leading (1.8), a measure of at most ~34 characters centred in the pane, the
byline set apart under the title. The size follows the zoom actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.material import ReflectionSummary, StoredMaterial, StoredReflection
from desktop.ui.fonts import reading_font
from desktop.ui.library_model import byline_text
from desktop.ui.settings import DEFAULT_READING_SIZE, clamp_reading_size

PAPER = QColor("#fcfbf8")
INK = QColor("#1f1f22")
MUTED = QColor("#6b6b70")
ACCENT = QColor("#a8322d")  # the red of a Chinese newspaper's masthead
RULE = QColor("#d9d5cc")
LEAD_BACKGROUND = QColor("#f3f0e8")

LINE_HEIGHT_PERCENT = 180
MEASURE_CHARACTERS = 34
MIN_SIDE_MARGIN = 28


@dataclass(frozen=True)
class _Placeholder:
    text: str


if TYPE_CHECKING:
    _Content = StoredReflection | tuple[StoredMaterial, tuple[ReflectionSummary, ...]] | _Placeholder | None


class ReadingView(QTextBrowser):
    """Shows one reflection, one material, or a short placeholder message."""

    def __init__(self, parent: QWidget | None = None, font_size: int = DEFAULT_READING_SIZE) -> None:
        super().__init__(parent)
        self.setObjectName("readingView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Base, PAPER)
            palette.setColor(group, QPalette.ColorRole.Text, INK)
        # Qt draws a block's horizontal rule in the inactive WindowText colour.
        palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.WindowText, RULE)
        self.setPalette(palette)
        self.document().setDocumentMargin(0)
        self._font_size = clamp_reading_size(font_size)
        self._at_start = True
        self._count: int | None = None
        self._content: _Content = None
        self._apply_font()

    # --- what is shown -------------------------------------------------------------

    @property
    def reflection(self) -> StoredReflection | None:
        return self._content if isinstance(self._content, StoredReflection) else None

    @property
    def material(self) -> StoredMaterial | None:
        return self._content[0] if isinstance(self._content, tuple) else None

    def show_reflection(self, reflection: StoredReflection, count: int | None = None) -> None:
        """Typeset ``reflection``; ``count`` (reflections in its material) adds "2 of 10".

        Showing the reflection already shown only adds what changed (its count, once
        the library has opened) and keeps the reader's scroll position.
        """
        same = reflection == self._content
        if same and count == self._count:
            return
        self._content = reflection
        self._count = count
        self._render(keep_scroll=same)

    def show_material(self, material: StoredMaterial, reflections: Sequence[ReflectionSummary]) -> None:
        self._content = (material, tuple(reflections))
        self._render(keep_scroll=False)

    def show_placeholder(self, text: str) -> None:
        self._content = _Placeholder(text)
        self._render(keep_scroll=False)

    # --- size ------------------------------------------------------------------------

    def font_size(self) -> int:
        return self._font_size

    def set_font_size(self, size: int) -> int:
        """Change the reading size (clamped); returns the size now in effect."""
        size = clamp_reading_size(size)
        if size != self._font_size:
            self._font_size = size
            self._apply_font()
            self._render(keep_scroll=True)
        return self._font_size

    def _apply_font(self) -> None:
        font = reading_font(self._font_size)
        self.document().setDefaultFont(font)
        self._em = QFontMetricsF(font).horizontalAdvance("\u4e2d")  # width of one CJK character

    # --- layout ----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()

    def _update_margins(self) -> None:
        """Centre a column of ~34 characters: long lines tire the eye."""
        # maximumViewportSize(), not viewport(): wrapping the viewport widget for Python
        # builds ~60 enum types (~15 ms) on the way to the first window.
        width = self.maximumViewportSize().width() - self.verticalScrollBar().sizeHint().width()
        measure = self._em * MEASURE_CHARACTERS
        side = max(MIN_SIDE_MARGIN, (width - measure) / 2)
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if abs(frame_format.leftMargin() - side) < 0.5:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(self._em * 2.2)
        frame_format.setBottomMargin(self._em * 3)
        root.setFrameFormat(frame_format)

    # --- typesetting -----------------------------------------------------------------

    def _render(self, keep_scroll: bool) -> None:
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if keep_scroll and bar.maximum() else 0.0
        document = self.document()
        document.clear()
        self._at_start = True
        self._update_margins_force()
        cursor = QTextCursor(document)
        content = self._content
        if isinstance(content, StoredReflection):
            self._typeset_reflection(cursor, content)
        elif isinstance(content, tuple):
            self._typeset_material(cursor, *content)
        elif isinstance(content, _Placeholder):
            self._typeset_placeholder(cursor, content.text)
        bar.setValue(round(ratio * bar.maximum()))

    def _update_margins_force(self) -> None:
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        frame_format.setLeftMargin(-1)  # force _update_margins to recompute
        root.setFrameFormat(frame_format)
        self._update_margins()

    def _char_format(self, scale: float, colour: QColor, bold: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(self._font_size * scale)
        font.setBold(bold)
        fmt.setFont(font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
        fmt.setForeground(colour)
        return fmt

    def _block_format(self, line_height: int = 130, top: float = 0, bottom: float = 0,
                      indent: float = 0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setTextIndent(indent)
        return fmt

    def _add_block(self, cursor: QTextCursor, text: str, block: QTextBlockFormat,
                   char: QTextCharFormat) -> None:
        if self._at_start:  # the empty document already has its first block: format it
            self._at_start = False
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(char)
        else:
            cursor.insertBlock(block, char)
        cursor.insertText(text, char)

    def _add_rule(self, cursor: QTextCursor, bottom: float) -> None:
        block = self._block_format(line_height=100, top=self._em * 0.6, bottom=bottom)
        block.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
        block.setForeground(RULE)
        cursor.insertBlock(block, self._char_format(0.3, RULE))

    def _add_paragraphs(self, cursor: QTextCursor, paragraphs: Sequence[str], colour: QColor = INK) -> None:
        char = self._char_format(1.0, colour)
        for paragraph in paragraphs:
            block = self._block_format(LINE_HEIGHT_PERCENT, bottom=self._em * 0.5, indent=self._em * 2)
            block.setAlignment(Qt.AlignmentFlag.AlignJustify)
            self._add_block(cursor, paragraph, block, char)

    def _typeset_reflection(self, cursor: QTextCursor, reflection: StoredReflection) -> None:
        em = self._em
        kicker = reflection.material_headline
        if self._count:
            where = self.tr("{position} of {count}").format(position=reflection.position + 1,
                                                            count=self._count)
            kicker = f"{kicker} · {where}" if kicker else where
        if kicker:
            self._add_block(cursor, kicker,
                            self._block_format(bottom=em * 0.8), self._char_format(0.8, ACCENT))
        title = reflection.title or self.tr("Untitled reflection")
        self._add_block(cursor, title, self._block_format(line_height=140, bottom=em * 0.6),
                        self._char_format(1.5, INK, bold=True))
        byline = byline_text(reflection.affiliation, reflection.author)
        if byline:
            block = self._block_format(bottom=0)
            self._add_block(cursor, reflection.affiliation, block, self._char_format(0.9, MUTED))
            if reflection.author:
                if reflection.affiliation:
                    cursor.insertText("\u3000", self._char_format(0.9, MUTED))
                cursor.insertText(reflection.author, self._char_format(0.9, INK, bold=True))
        self._add_rule(cursor, bottom=em * 1.0)
        self._add_paragraphs(cursor, reflection.paragraphs)

    def _typeset_material(self, cursor: QTextCursor, material: StoredMaterial,
                          reflections: Sequence[ReflectionSummary]) -> None:
        em = self._em
        imported = material.imported_at.astimezone().strftime("%Y-%m-%d")
        kicker = self.tr("{source} · imported {date}").format(source=material.source_name, date=imported)
        self._add_block(cursor, kicker, self._block_format(bottom=em * 0.8), self._char_format(0.8, ACCENT))
        self._add_block(cursor, material.headline or self.tr("Untitled material"),
                        self._block_format(line_height=140, bottom=em * 0.4),
                        self._char_format(1.6, INK, bold=True))
        if material.subtitle:
            self._add_block(cursor, "\u2014\u2014" + material.subtitle,
                            self._block_format(line_height=140, bottom=0), self._char_format(1.05, MUTED))
        self._add_rule(cursor, bottom=em * 1.0)
        if material.lead:
            self._add_paragraphs(cursor, material.lead.split("\n"), colour=MUTED)
        if reflections:
            heading = self.tr("Reflections in this material ({count})").format(count=len(reflections))
            self._add_block(cursor, heading, self._block_format(top=em * 1.2, bottom=em * 0.6),
                            self._char_format(0.9, ACCENT, bold=True))
            for reflection in reflections:
                block = self._block_format(line_height=150, bottom=em * 0.3)
                self._add_block(cursor, reflection.title or self.tr("Untitled reflection"), block,
                                self._char_format(1.0, INK))
                byline = byline_text(reflection.affiliation, reflection.author)
                if byline:
                    cursor.insertText("\u3000" + byline, self._char_format(0.85, MUTED))

    def _typeset_placeholder(self, cursor: QTextCursor, text: str) -> None:
        block = self._block_format(top=self._em * 4)
        block.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._add_block(cursor, text, block, self._char_format(1.0, MUTED))
