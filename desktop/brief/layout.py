"""The document machinery shared by the brief and the handout.

* Pages: A4 (or the 公文 geometry), a running header on content pages, and a footer
  "第 X 页 / 共 Y 页" -- or "— X —" on the outer side in the 公文 layout.
* The total page count and the contents' page numbers are known only at the end, so
  they are printed through PDF form XObjects: every page refers to the form "total",
  every contents row to the form of its entry, and the forms are written when the
  document is saved (:class:`PageLedger` has recorded the pages by then). One layout
  pass is enough -- reportlab's usual way (``multiBuild`` with indexing flowables) lays
  the whole document out twice. The contents rows reserve room for the numbers, so
  nothing moves whatever the numbers turn out to be.
* Every reflection gets a PDF outline entry (bookmark) and a named destination, and its
  contents row links there.
* The PDF is produced in memory and written to a temporary file in the target folder,
  then moved over the target with ``os.replace``: a failure leaves no half-written file.
"""

from __future__ import annotations

import io
import os
import tempfile
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import Flowable

from desktop.brief import BriefError
from desktop.brief import gongwen as gw
from desktop.brief.fonts import FontSet
from desktop.brief.glyph_order import assign_codes, printed_text
from desktop.brief.markup import draw_text, plain, rich, text_width
from desktop.brief.marks import define_wave_forms, draw_run
from desktop.brief.paragraph import (
    BOUNDARY_CALLBACK,
    CHAR_SPACE_CALLBACK,
    CHAR_SPACE_RESET_CALLBACK,
    RUN_CALLBACK,
    CJKParagraph,
    ignore_boundary,
    set_char_space,
)
from desktop.brief.styles import FAINT, RULE, SOFT, Theme

CREATOR = "学习札记 Study Notes"
FOOTER_SIZE = 9.0


class PageLedger:
    """Pages of named places and the page total, recorded while the pages are drawn."""

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        self.total = 0
        self.referenced: set[str] = set()

    @staticmethod
    def form_name(key: str) -> str:
        return f"snpage_{key}"

    TOTAL_FORM = "sntotal"


class Anchor(Flowable):
    """A named destination, an outline entry and a ledger record at this point of the text."""

    def __init__(self, ledger: PageLedger, key: str, title: str | None, level: int = 0, closed: bool = False) -> None:
        super().__init__()
        self.ledger = ledger
        self.key = key
        self.title = plain(title) if title is not None else None
        self.level = level
        self.closed = closed
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkHorizontal(self.key, 0, 2)
        if self.title is not None:
            canvas.addOutlineEntry(self.title or "—", self.key, level=self.level, closed=self.closed)
        self.ledger.pages[self.key] = canvas.getPageNumber()


class ContentsRow(Flowable):
    """One contents entry: title (and byline), dot leader, page number, link to the page."""

    NUMBER_WIDTH = 34.0

    def __init__(self, ledger: PageLedger, key: str, title_markup: str, theme: Theme, byline_markup: str = "", indent: float = 0.0) -> None:
        super().__init__()
        self.ledger = ledger
        self.key = key
        self.theme = theme
        self.indent = indent
        self.title = CJKParagraph(title_markup, theme["toc"])
        self.byline = CJKParagraph(byline_markup, theme["toc_byline"]) if byline_markup else None
        self.gap = 0.0 if theme.gongwen else 5.0

    def paragraphs(self) -> list:
        return [self.title, self.byline] if self.byline else [self.title]

    def wrap(self, availWidth, availHeight):  # noqa: N803
        room = availWidth - self.indent - self.NUMBER_WIDTH - 8
        _, self.title_height = self.title.wrap(room, availHeight)
        self.byline_height = self.byline.wrap(room, availHeight)[1] if self.byline else 0.0
        self.width = availWidth
        self.height = self.title_height + self.byline_height + self.gap
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height - self.gap / 2
        self.title.drawOn(canvas, self.indent, top - self.title_height)
        if self.byline:
            self.byline.drawOn(canvas, self.indent, top - self.title_height - self.byline_height)
        lines = self.title.blPara.lines
        style = self.theme["toc"]
        first_ascent = style.fontSize
        if lines and not rl_config.paraFontSizeHeightOffset:
            first_ascent = getattr(lines[0], "ascent", style.fontSize)
        baseline = top - first_ascent - (len(lines) - 1) * style.leading
        last_width = getattr(lines[-1], "currentWidth", 0.0) if lines else 0.0
        right = self.width
        canvas.saveState()
        canvas.translate(right, baseline)
        canvas.doForm(PageLedger.form_name(self.key))  # the number, right-aligned, written at save
        canvas.restoreState()
        self.ledger.referenced.add(self.key)
        start = self.indent + last_width + 6
        end = right - text_width("888", self.theme.fonts, style.fontSize) - 6  # room for the number
        if end > start:
            canvas.saveState()
            canvas.setStrokeColor(FAINT)
            canvas.setLineWidth(0.7)
            canvas.setDash(0.6, 2.8)
            canvas.line(start, baseline + 1, end, baseline + 1)
            canvas.restoreState()
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class RuledLines(Flowable):
    """Blank ruled lines to write on by hand; ``count=None`` fills the rest of the frame."""

    def __init__(self, pitch: float, count: int | None = None, minimum: int = 6) -> None:
        super().__init__()
        self.pitch = pitch
        self.count = count
        self.minimum = minimum

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        if self.count is not None:
            self.lines = self.count
        else:
            fitting = int((availHeight - 1e-6) // self.pitch)
            self.lines = fitting if fitting >= self.minimum else self.minimum
        self.height = self.lines * self.pitch
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.pitch + 2
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


@dataclass(frozen=True)
class Meta:
    """PDF document information."""

    title: str
    author: str
    subject: str
    keywords: str


def canvas_class(theme: Theme, ledger: PageLedger, counts: dict | None = None) -> type[Canvas]:
    """A canvas that knows our callbacks, starts in an embedded font and, when saved,
    writes the forms holding the numbers known only at the end."""
    fonts = theme.fonts

    class BriefCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            kwargs["initialFontName"] = fonts.latin.name
            super().__init__(*args, **kwargs)
            self.setNamedCB(CHAR_SPACE_CALLBACK, set_char_space)
            self.setNamedCB(CHAR_SPACE_RESET_CALLBACK, set_char_space)
            self.setNamedCB(BOUNDARY_CALLBACK, ignore_boundary)
            self.setNamedCB(RUN_CALLBACK, draw_run)
            if counts:
                assign_codes(self._doc, counts)

        def save(self) -> None:
            if self._code:
                self.showPage()
            total = str(ledger.total)
            self._number_form(PageLedger.TOTAL_FORM, f"共 {total} 页", FAINT, FOOTER_SIZE, "left")
            style = theme["toc"]
            for key in ledger.referenced:
                page = ledger.pages.get(key)
                self._number_form(PageLedger.form_name(key), str(page) if page else "", SOFT, style.fontSize, "right")
            define_wave_forms(self)
            super().save()

        def _number_form(self, name: str, text: str, colour, size: float, align: str) -> None:
            self.beginForm(name, lowerx=-400, lowery=-20, upperx=400, uppery=40)
            self.setFillColor(colour)
            draw_text(self, 0, 0, text, fonts, size, align=align)
            self.endForm()

    return BriefCanvas


class _Frame(Frame):
    """A Frame whose deep copy is shallow.

    reportlab deep-copies the current frame each time it tries a keep-together group (a
    heading with its first lines: thousands in a long brief) so the trial cannot change
    it. A frame's state is numbers and strings plus two lists, so copying those lists is
    the whole deep copy -- without ``copy.deepcopy`` walking every attribute.
    """

    def __deepcopy__(self, memo):
        clone = object.__new__(type(self))
        state = self.__dict__.copy()
        for name, value in state.items():
            if isinstance(value, list):
                state[name] = list(value)
            elif not isinstance(value, (int, float, str, type(None))):
                state[name] = deepcopy(value, memo)
        clone.__dict__ = state
        return clone


class BriefDocTemplate(BaseDocTemplate):
    """Pages with header and 第 X 页 / 共 Y 页 footer (or the 公文 page numbers)."""

    def __init__(self, buffer, theme: Theme, ledger: PageLedger, meta: Meta, kicker: str, header: str) -> None:
        super().__init__(
            buffer,
            pagesize=theme.page_size,
            leftMargin=theme.frame_x,
            bottomMargin=theme.frame_y,
            rightMargin=theme.page_size[0] - theme.frame_x - theme.frame_width,
            topMargin=theme.page_size[1] - theme.frame_y - theme.frame_height,
            title=plain(meta.title),
            author=plain(meta.author),
            subject=plain(meta.subject),
            keywords=plain(meta.keywords),
            creator=CREATOR,
            lang="zh-CN",
            pageCompression=1,
            initialFontName=theme.fonts.latin.name,
        )
        self.theme = theme
        self.ledger = ledger
        self.kicker = kicker
        self.header = header
        frame = _Frame(
            theme.frame_x, theme.frame_y, theme.frame_width, theme.frame_height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="main",
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._cover_page),
                PageTemplate(id="body", frames=[frame], onPage=self._body_page),
            ]
        )

    def afterPage(self) -> None:  # noqa: N802 - reportlab's API
        self.ledger.total = max(self.ledger.total, self.canv.getPageNumber())

    def _cover_page(self, canvas, doc) -> None:
        self._footer(canvas)

    def _body_page(self, canvas, doc) -> None:
        if not self.theme.gongwen:
            self._header(canvas)
        self._footer(canvas)

    def _header(self, canvas) -> None:
        theme = self.theme
        fonts = theme.fonts
        top = theme.frame_y + theme.frame_height + 14
        left, right = theme.frame_x, theme.frame_x + theme.frame_width
        canvas.saveState()
        canvas.setFillColor(SOFT)
        kicker_width = draw_text(canvas, left, top, self.kicker, fonts, 8.5)
        header = _fit(self.header, fonts, 8.5, theme.frame_width - kicker_width - 24)
        draw_text(canvas, right, top, header, fonts, 8.5, align="right")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, top - 5, right, top - 5)
        canvas.restoreState()

    def _footer(self, canvas) -> None:
        theme = self.theme
        page = canvas.getPageNumber()
        canvas.saveState()
        if theme.gongwen:
            label = gw.page_number_label(page)
            x, y = gw.page_number_position(page, text_width(label, theme.fonts, gw.PAGE_NUMBER_SIZE))
            canvas.setFillColor(colors.black)
            draw_text(canvas, x, y, label, theme.fonts, gw.PAGE_NUMBER_SIZE)
        else:
            # "第 X 页 / " now, "共 Y 页" from the form written at save; centred as if Y had
            # the same number of digits as X (a few points off at most otherwise).
            head = f"第 {page} 页 / "
            tail = f"共 {page} 页"
            y = theme.frame_y - 30
            x = theme.page_size[0] / 2 - text_width(head + tail, theme.fonts, FOOTER_SIZE) / 2
            canvas.setFillColor(FAINT)
            x += draw_text(canvas, x, y, head, theme.fonts, FOOTER_SIZE)
            canvas.translate(x, y)
            canvas.doForm(PageLedger.TOTAL_FORM)
        canvas.restoreState()


def _fit(text: str, fonts: FontSet, size: float, width: float) -> str:
    """Shorten a header text with an ellipsis so it stays on its line."""
    if text_width(text, fonts, size) <= width:
        return text
    while text and text_width(text + "…", fonts, size) > width:
        text = text[:-1]
    return text + "…" if text else ""


def render(story: list, theme: Theme, ledger: PageLedger, meta: Meta, kicker: str, header: str) -> bytes:
    """Lay the story out in one pass (page numbers are forms filled in at save) and return the PDF."""
    buffer = io.BytesIO()
    doc = BriefDocTemplate(buffer, theme, ledger, meta, kicker, header)
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0  # ASCII85 only makes the compressed streams a quarter larger
    try:
        doc.build(story, canvasmaker=canvas_class(theme, ledger, printed_text(story)))
    except LayoutError as error:
        raise BriefError(
            "A part of the document is too large to fit on one page; shorten it and try again.",
            detail=str(error)[:200],
        ) from None
    finally:
        rl_config.useA85 = use_a85
    return buffer.getvalue()


def write_atomically(data: bytes, out_path: Path) -> None:
    """Write via a temporary file in the same folder and ``os.replace``: all or nothing."""
    out_path = Path(out_path)
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if out_path.is_dir():
        raise BriefError(f"{out_path} is a folder; choose a file name for the PDF.", path=str(out_path))
    if not folder.is_dir():
        raise BriefError(f"The folder {folder} does not exist.", path=str(out_path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part", dir=folder)
    except OSError:
        raise BriefError(
            f"Cannot write to the folder {folder}: it is read-only or you do not have permission.",
            path=str(out_path),
        ) from None
    try:
        _set_mode(temporary, out_path)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, out_path)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise BriefError(
            f"Cannot write {out_path.name} ({error.strerror or error}); if it is open in another "
            "program, close it and try again.",
            path=str(out_path),
        ) from None


def _set_mode(temporary: str, out_path: Path) -> None:
    """mkstemp makes the file private; a PDF is a document to share like any other."""
    try:
        mode = out_path.stat().st_mode & 0o777 if out_path.exists() else 0o644
        os.chmod(temporary, mode)
    except OSError:
        pass


def para(text: str, theme: Theme, style: str) -> CJKParagraph:
    """A paragraph of user text (escaped, with font fallback) in one of the theme's styles."""
    return CJKParagraph(rich(text, theme.fonts), theme[style])
