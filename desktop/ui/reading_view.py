"""The reading pane: a reflection (or a material's lead) typeset for comfortable reading.

The document is built block by block with QTextCursor and QTextBlockFormat, never from
HTML strings, so whatever a page contains is shown as text and cannot turn into markup.
Typesetting follows Chinese print habits: body paragraphs indented by two characters,
generous leading (1.8), a measure of at most ~34 characters centred in the pane, the
byline set apart under the title. The size follows the zoom actions.

Annotations are drawn over a reflection's paragraphs: highlights (tint + underline, see
:mod:`desktop.ui.highlight_format`), a superscript ※ after a highlight with a comment,
and suggested commitments (dotted line). The pane maps document positions to
``(paragraph, offset)`` in the reflection's stored paragraphs, skipping the kicker, title
and byline blocks and the ※ markers, so anchors are always made on the stored text.
Selecting Chinese by mouse is helped: Ctrl+click or triple-click selects a sentence,
double-click a word (:mod:`desktop.text.sentences`), never into the next sentence.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QTextBrowser, QToolTip, QWidget

from desktop.material import ReflectionSummary, StoredMaterial, StoredReflection
from desktop.ui.fonts import reading_font
from desktop.ui.highlight_format import (
    COMMENT_MARKER,
    category_label,
    highlight_format,
    marker_format,
    suggestion_format,
)
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


@dataclass(frozen=True)
class PaneSuggestion:
    """A suggested commitment as the pane draws it: ``paragraphs[paragraph][start:end]``."""

    paragraph: int
    start: int
    end: int
    sentence: str


ParagraphRange = tuple[int, int, int]  # (paragraph, start, end)


if TYPE_CHECKING:  # desktop.text (sentences, words) is imported when first selecting
    from desktop.annotation import Highlight
    from desktop.text.sentences import Span

    _Content = StoredReflection | tuple[StoredMaterial, tuple[ReflectionSummary, ...]] | _Placeholder | None


class ReadingView(QTextBrowser):
    """Shows one reflection, one material, or a short placeholder message."""

    reflectionShown = Signal(object)  # the StoredReflection now shown (a different one)
    reflectionCleared = Signal()  # a material or a message shown instead (never emit None:
    # PySide6 on Python 3.10/3.11 miscounts None's references through Signal(object))
    suggestionActivated = Signal(object, QPoint)  # PaneSuggestion, global position for a menu
    contextMenuWanted = Signal(QPoint, int)  # global position, document position

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
        # Annotations of the reflection shown (set by the annotation controller).
        self._annotated_id: int | None = None
        self._highlights: tuple[Highlight, ...] = ()
        self._suggestions: tuple[PaneSuggestion, ...] = ()
        self._words: dict[int, list[Span]] = {}
        # Where the reflection's paragraphs are in the document.
        self._paragraph_blocks: list[int] = []
        self._block_paragraph: dict[int, int] = {}
        self._markers: dict[int, list[tuple[int, int]]] = {}  # paragraph -> (offset, length)
        self._title_block: int | None = None
        # Mouse state for sentence / word selection.
        self._last_double_click: tuple[float, QPoint] | None = None
        self._swallow_release = False
        self._press_pos: QPoint | None = None
        self.setMinimumSize(240, 160)  # not the scroll area's hint plus the bars: small windows stay possible
        self.annotation_menu = False  # True once someone builds the context menu (contextMenuWanted)
        self._top_bar: QWidget | None = None
        self._bottom_bar: QWidget | None = None
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
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
        previous = self.reflection
        self._content = reflection
        self._count = count
        if reflection.id != self._annotated_id:
            self._clear_annotations()
        self._render(keep_scroll=same)
        if previous is None or previous.id != reflection.id or previous != reflection:
            self.reflectionShown.emit(reflection)

    def show_material(self, material: StoredMaterial, reflections: Sequence[ReflectionSummary]) -> None:
        self._content = (material, tuple(reflections))
        self._clear_annotations()
        self._render(keep_scroll=False)
        self.reflectionCleared.emit()

    def show_placeholder(self, text: str) -> None:
        self._content = _Placeholder(text)
        self._clear_annotations()
        self._render(keep_scroll=False)
        self.reflectionCleared.emit()

    # --- annotations -------------------------------------------------------------------

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        """The shown reflection's highlights, detached ones included."""
        return self._highlights

    @property
    def suggestions(self) -> tuple[PaneSuggestion, ...]:
        return self._suggestions

    def set_annotations(self, reflection_id: int, highlights: Sequence[Highlight],
                        suggestions: Sequence[PaneSuggestion] = (),
                        words: dict[int, list[Span]] | None = None) -> None:
        """Draw these annotations on the reflection ``reflection_id`` (if it is shown).

        The reader's selection and scroll position stay where they were.
        """
        reflection = self.reflection
        if reflection is None or reflection.id != reflection_id:
            return
        self._annotated_id = reflection_id
        self._highlights = tuple(highlights)
        self._suggestions = tuple(suggestions)
        self._words = dict(words or {})
        selection = self._selection_points()
        self._render(keep_scroll=True, exact_scroll=True)
        self._restore_selection(selection)

    def _clear_annotations(self) -> None:
        self._annotated_id = None
        self._highlights = ()
        self._suggestions = ()
        self._words = {}

    def attached_highlights(self) -> list[Highlight]:
        return [h for h in self._highlights if not h.detached]

    def detached_highlights(self) -> list[Highlight]:
        return [h for h in self._highlights if h.detached]

    # --- positions: document <-> (paragraph, offset) -------------------------------------

    def paragraph_count(self) -> int:
        return len(self._paragraph_blocks)

    def document_position(self, paragraph: int, offset: int, *, end: bool = False) -> int:
        """The document position of ``offset`` in ``paragraph`` (after any ※ marker at that
        offset, or before it for ``end=True``: a range's end stops short of its marker)."""
        block = self.document().findBlockByNumber(self._paragraph_blocks[paragraph])
        shift = sum(length for at, length in self._markers.get(paragraph, ())
                    if (at < offset if end else at <= offset))
        return block.position() + _utf16_units(self.paragraph_text(paragraph), offset) + shift

    def paragraph_position(self, position: int) -> tuple[int, int] | None:
        """``(paragraph, offset)`` for a document position; None outside the paragraphs."""
        block = self.document().findBlock(position)
        paragraph = self._block_paragraph.get(block.blockNumber())
        if paragraph is None:
            return None
        inside = position - block.position()
        shift = 0
        text = self.paragraph_text(paragraph)
        for at, length in self._markers.get(paragraph, ()):
            marker = _utf16_units(text, at) + shift
            if inside <= marker:
                break
            if inside < marker + length:
                return paragraph, at
            shift += length
        return paragraph, _code_points(self.paragraph_text(paragraph), inside - shift)

    def paragraph_text(self, paragraph: int) -> str:
        reflection = self.reflection
        return reflection.paragraphs[paragraph] if reflection else ""

    def selected_ranges(self) -> list[ParagraphRange]:
        """The selection cut into one ``(paragraph, start, end)`` per paragraph it covers
        (title and byline left out); empty when nothing of the body is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.reflection is None:
            return []
        first = self._nearest_paragraph_position(cursor.selectionStart(), forward=True)
        last = self._nearest_paragraph_position(cursor.selectionEnd(), forward=False)
        if first is None or last is None or first > last:
            return []
        ranges = []
        for paragraph in range(first[0], last[0] + 1):
            text = self.paragraph_text(paragraph)
            start = first[1] if paragraph == first[0] else 0
            end = last[1] if paragraph == last[0] else len(text)
            if text[start:end].strip():
                ranges.append((paragraph, start, end))
        return ranges

    def selected_body_text(self) -> str:
        """The selected words of the body, without ※ markers (paragraphs joined by newlines)."""
        return "\n".join(self.paragraph_text(p)[s:e] for p, s, e in self.selected_ranges())

    def select_range(self, paragraph: int, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.document_position(paragraph, start))
        cursor.setPosition(self.document_position(paragraph, end, end=True),
                           QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def select_sentence_at(self, position: int) -> bool:
        """Select the sentence holding the character at ``position`` (with its 。)."""
        place = self.paragraph_position(position)
        if place is None:
            return False
        from desktop.text.sentences import sentence_at

        start, end = sentence_at(self.paragraph_text(place[0]), place[1])
        if start == end:
            return False
        self.select_range(place[0], start, end)
        return True

    def select_word_at(self, position: int) -> bool:
        """Select the word under ``position``: jieba's token when the analysis has run,
        else the run of characters of one kind; never past the sentence."""
        place = self.paragraph_position(position)
        if place is None:
            return False
        from desktop.text.sentences import word_at

        text = self.paragraph_text(place[0])
        start, end = word_at(text, place[1], self._words.get(place[0]))
        if start == end:
            return False
        self.select_range(place[0], start, end)
        return True

    def highlight_at(self, position: int) -> Highlight | None:
        place = self.paragraph_position(position)
        if place is None:
            return None
        found = [h for h in self.attached_highlights()
                 if h.anchor.paragraph == place[0] and h.anchor.start <= place[1] < h.anchor.end]
        # The innermost (shortest) highlight wins where they nest.
        return min(found, key=lambda h: h.anchor.end - h.anchor.start, default=None)

    def suggestion_at(self, position: int) -> PaneSuggestion | None:
        place = self.paragraph_position(position)
        if place is None:
            return None
        return next((s for s in self._suggestions
                     if s.paragraph == place[0] and s.start <= place[1] < s.end), None)

    def character_position_at(self, point: QPoint) -> int:
        """The document position of the character under ``point`` (viewport coordinates).

        cursorForPosition() gives the nearest gap between characters, which on the right
        half of a 。 is the start of the next sentence; step back one in that case.
        """
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        rect = self.cursorRect(cursor)
        if point.x() < rect.x() and position > cursor.block().position():
            position -= 1
        return position

    def _nearest_paragraph_position(self, position: int, *, forward: bool) -> tuple[int, int] | None:
        """Clip a selection end that lies in the title or byline to the body."""
        place = self.paragraph_position(position)
        if place is not None or not self._paragraph_blocks:
            return place
        block_number = self.document().findBlock(position).blockNumber()
        if forward:
            later = [p for p, b in enumerate(self._paragraph_blocks) if b > block_number]
            return (later[0], 0) if later else None
        earlier = [p for p, b in enumerate(self._paragraph_blocks) if b < block_number]
        return (earlier[-1], len(self.paragraph_text(earlier[-1]))) if earlier else None

    def _selection_points(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        cursor = self.textCursor()
        anchor = self.paragraph_position(cursor.anchor())
        position = self.paragraph_position(cursor.position())
        return (anchor, position) if anchor is not None and position is not None else None

    def _restore_selection(self, points: tuple[tuple[int, int], tuple[int, int]] | None) -> None:
        if points is None or not self._paragraph_blocks:
            return
        (pa, oa), (pp, op) = points
        if max(pa, pp) >= len(self._paragraph_blocks):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.document_position(pa, oa))
        cursor.setPosition(self.document_position(pp, op), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # --- mouse and keys: sentences, words, suggestions -------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        self._press_pos = point
        if event.button() == Qt.MouseButton.LeftButton and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier or self._is_triple_click(point)
        ):
            self._last_double_click = None
            if self.select_sentence_at(self.character_position_at(point)):
                self._swallow_release = True
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton:
            self._last_double_click = (time.monotonic(), point)
            if self.select_word_at(self.character_position_at(point)):
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._swallow_release:
            self._swallow_release = False
            event.accept()
            return
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        clicked = (self._press_pos is not None
                   and (point - self._press_pos).manhattanLength() < QApplication.startDragDistance())
        if (event.button() == Qt.MouseButton.LeftButton and clicked
                and not self.textCursor().hasSelection() and self._last_double_click is None):
            position = self.character_position_at(point)
            suggestion = self.suggestion_at(position)
            if suggestion is not None and self.highlight_at(position) is None:
                self.suggestionActivated.emit(suggestion, self.viewport().mapToGlobal(point))

    def _is_triple_click(self, point: QPoint) -> bool:
        if self._last_double_click is None:
            return False
        when, where = self._last_double_click
        quick = (time.monotonic() - when) * 1000 <= QApplication.doubleClickInterval()
        return quick and (point - where).manhattanLength() < QApplication.startDragDistance()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cursor = self.textCursor()
            suggestion = self.suggestion_at(cursor.position())
            if suggestion is not None:
                rect = self.cursorRect(cursor)
                self.suggestionActivated.emit(suggestion, self.viewport().mapToGlobal(rect.bottomLeft()))
                event.accept()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.reflection is None or not self.annotation_menu:
            super().contextMenuEvent(event)
            return
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            position = self.character_position_at(event.pos())
        else:
            position = self.textCursor().position()
        self.contextMenuWanted.emit(event.globalPos(), position)
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip_at(self.character_position_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _tooltip_at(self, position: int) -> str:
        highlight = self.highlight_at(position)
        if highlight is not None:
            label = category_label(highlight.category)
            return f"{label}\n{highlight.comment}" if highlight.comment else label
        if self.suggestion_at(position) is not None:
            return self.tr("Suggested commitment: click to accept or dismiss it")
        return ""

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
        self.layout_bars()

    def set_bars(self, top: QWidget | None, bottom: QWidget | None) -> None:
        """Widgets shown above and below the text inside the pane (an info bar, the
        keywords); they take their height from the viewport, not from the text."""
        self._top_bar, self._bottom_bar = top, bottom
        for bar in (top, bottom):
            if bar is not None:
                bar.setParent(self)
        self.layout_bars()

    def layout_bars(self) -> None:
        """Place the bars and reserve their room; call after showing or hiding one."""
        top = self._top_bar if self._top_bar is not None and not self._top_bar.isHidden() else None
        bottom = self._bottom_bar if self._bottom_bar is not None and not self._bottom_bar.isHidden() else None
        frame = self.frameWidth()
        width = self.width() - 2 * frame
        top_height = top.heightForWidth(width) if top is not None and top.hasHeightForWidth() else (
            top.sizeHint().height() if top is not None else 0)
        bottom_height = max(bottom.sizeHint().height(), bottom.minimumHeight()) if bottom is not None else 0
        self.setViewportMargins(0, top_height, 0, bottom_height)
        if top is not None:
            top.setGeometry(frame, frame, width, top_height)
            top.raise_()
        if bottom is not None:
            bottom.setGeometry(frame, self.height() - frame - bottom_height, width, bottom_height)
            bottom.raise_()

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

    def _render(self, keep_scroll: bool, exact_scroll: bool = False) -> None:
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if keep_scroll and bar.maximum() else 0.0
        value = bar.value()
        document = self.document()
        document.clear()
        self._at_start = True
        self._paragraph_blocks = []
        self._block_paragraph = {}
        self._markers = {}
        self._title_block = None
        self._update_margins_force()
        cursor = QTextCursor(document)
        content = self._content
        if isinstance(content, StoredReflection):
            self._typeset_reflection(cursor, content)
        elif isinstance(content, tuple):
            self._typeset_material(cursor, *content)
        elif isinstance(content, _Placeholder):
            self._typeset_placeholder(cursor, content.text)
        if not keep_scroll:
            # A new text is read from its top: leave the caret there too, or the next
            # resize (the side panes arriving after the first paint) scrolls to keep the
            # caret — left at the end by typesetting — in view.
            self.moveCursor(QTextCursor.MoveOperation.Start)
        bar.setValue(value if exact_scroll else round(ratio * bar.maximum()))

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
        self._title_block = cursor.blockNumber() if reflection.title else None
        byline = byline_text(reflection.affiliation, reflection.author)
        if byline:
            block = self._block_format(bottom=0)
            self._add_block(cursor, reflection.affiliation, block, self._char_format(0.9, MUTED))
            if reflection.author:
                if reflection.affiliation:
                    cursor.insertText("\u3000", self._char_format(0.9, MUTED))
                cursor.insertText(reflection.author, self._char_format(0.9, INK, bold=True))
        self._add_rule(cursor, bottom=em * 1.0)
        self._add_body(cursor, reflection.paragraphs)
        self._decorate()

    def _add_body(self, cursor: QTextCursor, paragraphs: Sequence[str]) -> None:
        """The reflection's paragraphs, with a ※ after each highlight that has a comment;
        remembers which block holds which paragraph and where the markers are."""
        char = self._char_format(1.0, INK)
        commented: dict[int, list[Highlight]] = {}
        for highlight in self.attached_highlights():
            if highlight.comment.strip():
                commented.setdefault(highlight.anchor.paragraph, []).append(highlight)
        for index, paragraph in enumerate(paragraphs):
            block = self._block_format(LINE_HEIGHT_PERCENT, bottom=self._em * 0.5, indent=self._em * 2)
            block.setAlignment(Qt.AlignmentFlag.AlignJustify)
            markers = sorted(commented.get(index, ()), key=lambda h: (h.anchor.end, h.id))
            self._add_block(cursor, paragraph[: markers[0].anchor.end] if markers else paragraph,
                            block, char)
            number = cursor.blockNumber()
            self._paragraph_blocks.append(number)
            self._block_paragraph[number] = index
            done = markers[0].anchor.end if markers else len(paragraph)
            for position, highlight in enumerate(markers):
                marker = marker_format(char)
                marker.setToolTip(highlight.comment)
                cursor.insertText(COMMENT_MARKER, marker)
                self._markers.setdefault(index, []).append((highlight.anchor.end, len(COMMENT_MARKER)))
                following = markers[position + 1].anchor.end if position + 1 < len(markers) else len(paragraph)
                cursor.insertText(paragraph[done:following], char)
                done = following

    def _decorate(self) -> None:
        """Suggestions first (dotted line), then highlights over them (tint + underline)."""
        if self.reflection is None or len(self._paragraph_blocks) != len(self.reflection.paragraphs):
            return
        dotted = suggestion_format()
        for suggestion in self._suggestions:
            self._merge(suggestion.paragraph, suggestion.start, suggestion.end, dotted)
        ordered = sorted(self.attached_highlights(), key=lambda h: h.anchor.end - h.anchor.start,
                         reverse=True)  # longer first, so a nested short one stays visible
        for highlight in ordered:
            anchor = highlight.anchor
            self._merge(anchor.paragraph, anchor.start, anchor.end, highlight_format(highlight.category))

    def _merge(self, paragraph: int, start: int, end: int, fmt: QTextCharFormat) -> None:
        if paragraph >= len(self._paragraph_blocks) or end > len(self.paragraph_text(paragraph)):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.document_position(paragraph, start))
        cursor.setPosition(self.document_position(paragraph, end, end=True),
                           QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

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

    # --- revealing a place (used by the highlights and search panels) ----------------

    def reveal_range(self, paragraph: int | None, start: int, end: int) -> bool:
        """Select characters ``start:end`` of body paragraph ``paragraph`` of the shown
        reflection (``None``: of its title) and scroll them to the middle of the pane.

        Offsets are Python characters, as the library stores them; False when the
        place is not in what is shown (another reflection, or a paragraph that is gone).
        """
        reflection = self.reflection
        if reflection is None:
            return False
        if paragraph is None:
            if self._title_block is None:
                return False
            text = reflection.title
            block = self.document().findBlockByNumber(self._title_block)
            start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + _utf16_units(text, start))
            cursor.setPosition(block.position() + _utf16_units(text, end), QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        elif 0 <= paragraph < len(self._paragraph_blocks):
            text = self.paragraph_text(paragraph)
            start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
            self.select_range(paragraph, start, end)
        else:
            return False
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        middle = self.cursorRect(self.textCursor()).center().y() - self.viewport().height() // 2
        bar.setValue(bar.value() + middle)
        return True


def _utf16_units(text: str, offset: int) -> int:
    """Qt counts positions in UTF-16 units; the library in characters (rare CJK
    extension characters are two units)."""
    head = text[:offset]
    return len(head) if head.isascii() or all(ord(c) < 0x10000 for c in head) else len(head.encode("utf-16-le")) // 2


def _code_points(text: str, units: int) -> int:
    """The character offset of a UTF-16 position in ``text``."""
    if all(ord(c) < 0x10000 for c in text):
        return max(0, min(units, len(text)))
    count = 0
    for index, char in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(char) >= 0x10000 else 1
    return len(text)
