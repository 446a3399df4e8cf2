"""The search panel (搜索): one box over the whole library, results with marked snippets.

The library answers a search in well under 50 ms (an FTS5 trigram index over the text
spread out with a filler character, so its tokens amount to single characters and
pairs), so the query runs on the GUI thread, 250 ms after the last keystroke (debounced) or at
once on Enter. Each result shows the reflection's title and byline and a plain-text
snippet whose hit ranges the delegate paints bold on a tint with QTextLayout format
ranges: the text is never turned into HTML, so a ``<`` in a page stays a ``<``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import StudyNotesError
from desktop.search_results import SearchHit, SearchResults
from desktop.ui.row_style import paint_row_background

if TYPE_CHECKING:
    from desktop.library import Library

AnyIndex = QModelIndex | QPersistentModelIndex

DEBOUNCE_MS = 250
REFRESH_MS = 600  # after a change in the library (autosaves come every half second)
RESULT_LIMIT = 200

HitRole = Qt.ItemDataRole.UserRole + 1
SnippetRole = Qt.ItemDataRole.UserRole + 2
MarksRole = Qt.ItemDataRole.UserRole + 3
PlaceRole = Qt.ItemDataRole.UserRole + 4  # "in the body", "in your note", ...

MARK_BACKGROUND = QColor("#f6e3a1")
MARK_INK = QColor("#7a1f1a")

PANEL_STYLE = """
#searchPanel { background: #f4f2ee; }
#searchPanel QLineEdit { padding: 6px 8px; border: 1px solid #d3cec4; border-radius: 6px;
                         background: #fcfbf8; }
#searchPanel QLineEdit:focus { border: 1px solid #a8322d; }
#searchPanel QListView { background: #fcfbf8; border: 1px solid #dedad2; border-radius: 6px; }
"""


def field_names() -> dict[str, str]:
    """Where a hit is, as a short label under the snippet."""
    return {
        "title": QCoreApplication.translate("SearchPanel", "in the title"),
        "author": QCoreApplication.translate("SearchPanel", "in the author"),
        "affiliation": QCoreApplication.translate("SearchPanel", "in the affiliation"),
        "body": QCoreApplication.translate("SearchPanel", "in the text"),
        "note": QCoreApplication.translate("SearchPanel", "in your note"),
        "comment": QCoreApplication.translate("SearchPanel", "in a highlight's comment"),
    }


class SearchResultsModel(QAbstractListModel):
    """The hits of the last search, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()
        self._fields = field_names()

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = hit.title or QCoreApplication.translate("SearchPanel", "Untitled reflection")
            byline = "\u3000".join(part for part in (hit.affiliation, hit.author) if part)
            return f"{title}\u3000{byline}" if byline else title
        if role == HitRole:
            return hit
        if role == SnippetRole:
            return hit.snippet
        if role == MarksRole:
            return hit.marks
        if role == PlaceRole:
            where = self._fields.get(hit.place.field, "")
            if hit.hit_count > 1:
                more = QCoreApplication.translate("SearchPanel", "{count} hits").format(count=hit.hit_count)
                return f"{where} · {more}"
            return where
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Title and byline, the snippet with its hits marked, and where the hit is."""

    PADDING_V = 8
    PADDING_H = 12
    MUTED = QColor("#6b6b70")
    INK = QColor("#1f1f22")

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        snippet = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(9.0, option.font.pointSizeF() * 0.86))
        return title, snippet, small

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        title, snippet, small = self._fonts(option)
        height = (QFontMetrics(title).height() + QFontMetrics(snippet).height()
                  + QFontMetrics(small).height() + 2 * self.PADDING_V + 6)
        return QSize(240, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_row_background(painter, opt)

        title_font, snippet_font, small_font = self._fonts(opt)
        rect = opt.rect.adjusted(self.PADDING_H, self.PADDING_V, -self.PADDING_H, -self.PADDING_V)
        title_metrics = QFontMetrics(title_font)
        snippet_metrics = QFontMetrics(snippet_font)
        small_metrics = QFontMetrics(small_font)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        title_rect = QRect(rect.left(), rect.top(), rect.width(), title_metrics.height())
        painter.setFont(title_font)
        painter.setPen(self.INK)
        painter.drawText(title_rect, align, title_metrics.elidedText(
            str(index.data() or ""), Qt.TextElideMode.ElideRight, rect.width()))

        snippet_top = title_rect.bottom() + 3
        self._paint_snippet(painter, str(index.data(SnippetRole) or ""), index.data(MarksRole) or (),
                            snippet_font, QPointF(rect.left(), snippet_top), rect.width())

        place_rect = QRect(rect.left(), snippet_top + snippet_metrics.height() + 3, rect.width(),
                           small_metrics.height())
        painter.setFont(small_font)
        painter.setPen(self.MUTED)
        painter.drawText(place_rect, align, small_metrics.elidedText(
            str(index.data(PlaceRole) or ""), Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def _paint_snippet(self, painter: QPainter, snippet: str, marks, font: QFont, origin: QPointF,
                       width: int) -> None:
        """One line of plain text; the marked ranges bold, dark red, on a soft yellow."""
        layout = QTextLayout(snippet, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        formats = []
        for start, end in marks:
            mark = QTextLayout.FormatRange()
            mark.start = _utf16(snippet, start)
            mark.length = _utf16(snippet, end) - mark.start
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold)
            char.setForeground(MARK_INK)
            char.setBackground(MARK_BACKGROUND)
            mark.format = char
            formats.append(mark)
        layout.setFormats(formats)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setLineWidth(100000)  # one line; clipped at the row's edge
        layout.endLayout()
        painter.save()
        painter.setClipRect(QRect(int(origin.x()), int(origin.y()), width, int(layout.boundingRect().height()) + 2))
        painter.setPen(self.INK)
        layout.draw(painter, origin)
        painter.restore()


def _utf16(text: str, offset: int) -> int:
    """A character offset as Qt counts it (UTF-16 units: rare CJK characters count two)."""
    return len(text[:offset].encode("utf-16-le")) // 2


class SearchPanel(QWidget):
    """The search box and its results."""

    hitActivated = Signal(object)  # the SearchHit to open
    searched = Signal(object)  # the SearchResults just shown (for tests and the status bar)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PANEL_STYLE)
        self._library: Library | None = None
        self.results: SearchResults | None = None

        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Search titles, authors, texts, notes…"))
        self.box.setAccessibleName(self.tr("Search"))
        self.model = SearchResultsModel(self)
        self.view = QListView(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchHitDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(48)
        self.view.setMouseTracking(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a query is never markup
        palette = self.status.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#6b6b70"))
        self.status.setPalette(palette)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self.run_search)
        # Results shown while the library changes (a note saved, a highlight commented, a
        # material imported or deleted) are searched again, keeping the reader's place.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._refresh)
        self._show_status("")

    def library_changed(self) -> None:
        """The library's contents changed: search the shown query again, soon."""
        if self.results is not None and self.box.text().strip():
            self._refresh_timer.start()

    def _refresh(self) -> None:
        if self._timer.isActive():
            return  # a new query is on its way anyway
        current = self.view.currentIndex()
        kept = self.model.hit(current.row()).reflection_id if current.isValid() else None  # one hit per reflection
        scroll = self.view.verticalScrollBar().value()
        self.run_search()
        if kept is not None:
            for row in range(self.model.rowCount()):
                if self.model.hit(row).reflection_id == kept:
                    self.view.setCurrentIndex(self.model.index(row))
                    break
        self.view.verticalScrollBar().setValue(scroll)

    def set_library(self, library: Library | None) -> None:
        self._library = library
        if self.box.text().strip():
            self.run_search()

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search(self, query: str) -> None:
        """Search for ``query`` now (e.g. a keyword clicked elsewhere in the window)."""
        blocker = self.box.blockSignals(True)
        try:
            self.box.setText(query)
        finally:
            self.box.blockSignals(blocker)
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.box.text()
        if self._library is None or not query.strip():
            self.results = None
            self.model.set_hits(())
            self._show_status(query)
            return
        try:
            results = self._library.search(query, RESULT_LIMIT)
        except StudyNotesError as error:
            self.model.set_hits(())
            self.status.setText(error.message)
            return
        self.results = results
        self.model.set_hits(results.hits)
        self._show_status(query)
        self.searched.emit(results)

    def _show_status(self, query: str) -> None:
        results = self.results
        if self._library is None:
            text = self.tr("The library is opening…") if query.strip() else ""
        elif not query.strip():
            text = self.tr("Type a word to search the whole library; one character is enough.")
        elif results is None or not results.hits:
            text = self.tr("Nothing found for “{query}”.").format(query=query.strip())
        elif results.truncated:
            text = self.tr("The best {shown} of {total} reflections; add a word to narrow the search.").format(
                shown=len(results.hits), total=results.total)
        else:
            text = self.tr("{count} reflections found").format(count=len(results.hits))
        self.status.setText(text)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hitActivated.emit(index.data(HitRole))
