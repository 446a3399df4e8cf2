"""Drawing the lines of a :class:`~desktop.brief.paragraph.CJKParagraph` directly.

reportlab draws every fragment of every line through ``_putFragLine``: per fragment it
re-measures the text, looks for trailing spaces, diffs the sets of open underlines and
links, and formats the font size and leading as decimal strings again for each font
subset it switches to. A brief of 1,000 reflections has about 90,000 such fragments
(a CJK line changes font at every run of Latin letters or digits, which the bundled
font lacks), and that bookkeeping was half the time of the whole build.

The line breaker sorts the lines (:func:`classify`). A *plain* line -- text only, the
great majority -- is written without tracking the pen position at all. A *decorated*
line (highlight tint, underline, link, anchor, raised number, wavy-line callback) goes
through the same bookkeeping as ``_putFragLine``, minus the re-formatting. Either way
the operators and their order are reportlab's -- the content streams are byte for byte
the same, which a test checks -- and the text object's state (font, subset, colour,
leading, open decorations) is left as reportlab's own line drawer expects it, so a line
this module does not handle (an image, a no-break space) can still go to reportlab.
"""

from __future__ import annotations

import re
from itertools import repeat
from types import MethodType

from reportlab import rl_config
from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib import rl_accel
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import paragraph as rl

_DRAWERS = {
    TA_LEFT: rl._leftDrawParaLineX,
    TA_CENTER: rl._centerDrawParaLineX,
    TA_RIGHT: rl._rightDrawParaLineX,
    TA_JUSTIFY: rl._justifyDrawParaLineX,
}
# Where a plain line starts relative to its offset, as a share of its slack.
_SLACK_SHARE = {TA_LEFT: 0.0, TA_JUSTIFY: 0.0, TA_CENTER: 0.5, TA_RIGHT: 1.0}

# Set by the tests to draw every line through reportlab, for comparison.
enabled = True


PLAIN, DECORATED = "plain", "decorated"


def classify(words: list, spacing_markers: frozenset[str]) -> str:
    """How a line is drawn: PLAIN (text and character-spacing markers only), DECORATED
    (also tints, underlines, links, anchors, raised text, drawing callbacks), or ""
    for anything else (images, no-break spaces), which reportlab draws itself."""
    kind = PLAIN
    for word in words:
        cb = getattr(word, "cbDefn", None)
        if cb is not None:
            cb_kind = getattr(cb, "kind", None)
            if cb_kind == "img":
                return ""
            if cb_kind != "onDraw" or getattr(cb, "name", None) not in spacing_markers:
                kind = DECORATED
            continue
        if "\xa0" in word.text or not isinstance(word.text, str):
            return ""
        if word.link or word.us_lines or word.rise or getattr(word, "backColor", None):
            kind = DECORATED
    return kind


def can_draw(paragraph) -> bool:
    """Paragraphs drawn here: broken by our line breaker, no bullet, box or auto leading."""
    if not enabled:
        return False
    style = paragraph.style
    bl_para = paragraph.blPara
    if bl_para.kind != 1 or not bl_para.lines or paragraph.bulletText:
        return False
    if style.wordWrap == "RTL" or style.alignment not in _DRAWERS:
        return False
    if style.backColor or (style.borderColor and style.borderWidth):
        return False
    if getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off"):
        return False
    if "preformatted" in type(paragraph).__name__.lower() or style.endDots:
        return False
    return any(getattr(line, "_sn_draw", "") for line in bl_para.lines)


def draw(paragraph) -> None:
    """reportlab's ``drawPara`` for kind-1 lines, writing the lines it can itself."""
    canvas = paragraph.canv
    style = paragraph.style
    lines = paragraph.blPara.lines
    count = len(lines)
    offsets = getattr(paragraph, "_offsets", [0])
    offsets += (count - len(offsets)) * [offsets[-1]]
    canvas.saveState()
    tx = _text_object(paragraph)
    xs = tx.XtraState
    drawer = _DRAWERS[style.alignment]
    share = _SLACK_SHARE[style.alignment]
    no_justify_last = not getattr(paragraph, "_JustifyLast", False)
    justify_last_words = style.justifyLastLine
    writer = _Writer(tx)
    for i, line in enumerate(lines):
        offset = style.firstLineIndent + offsets[0] if i == 0 else offsets[i]
        how = getattr(line, "_sn_draw", "")
        if how == PLAIN and not xs.backColor:
            writer.plain_line(offset + share * line.extraSpace, line)
        elif how:
            writer.decorated_line(offset, offset + share * line.extraSpace, line)
        else:
            last = no_justify_last and i == count - 1
            if last and justify_last_words and line.wordCount > justify_last_words:
                last = False
            drawer(tx, offset, line, last)
        if xs.backColors or xs.links or xs.us_lines:
            rl._do_post_text(tx)  # draws the line's tints, underlines and link areas
        else:
            xs.cur_y -= style.leading  # all _do_post_text does without decorations
    canvas.drawText(tx)
    canvas.restoreState()


def _text_object(paragraph):
    """The text object and its state as reportlab's ``drawPara`` sets them up."""
    style = paragraph.style
    first = paragraph.blPara.lines[0]
    if rl_config.paraFontSizeHeightOffset:
        cur_y = paragraph.height - first.fontSize
    else:
        cur_y = paragraph.height - getattr(first, "ascent", first.fontSize)
    tx = paragraph.beginText(style.leftIndent, cur_y)
    tx.preformatted = False
    rl._setTXLineProps(tx, paragraph.canv, style)
    tx._do_line = MethodType(rl._do_line, tx)
    tx.direction = style.wordWrap
    xs = tx.XtraState = ABag()
    xs.textColor = None
    xs.backColor = None
    xs.rise = 0
    xs.backColors = []
    xs.us_lines = {}
    xs.links = {}
    xs.link = {}
    xs.leading = style.leading
    xs.leftIndent = style.leftIndent
    tx._leading = None
    tx._olb = None
    xs.cur_y = cur_y
    xs.f = first
    xs.style = style
    xs.autoLeading = getattr(paragraph, "autoLeading", getattr(style, "autoLeading", ""))
    xs.paraWidth = paragraph.width
    tx._fontname, tx._fontsize = None, None
    return tx


class _Writer:
    """Writes lines into a text object as ``_putFragLine`` would, caching what it recomputes."""

    def __init__(self, tx) -> None:
        self.tx = tx
        self.canvas = tx._canvas
        self.doc = self.canvas._doc
        # One encoder per font, kept with the document (it numbers the characters).
        self.encoders: dict[str, _Encoder] = self.canvas.__dict__.setdefault("_sn_encoders", {})
        # (font, subset, size, leading) -> "/F1+0 10.5 Tf 17 TL": kept with the document
        self.switches: dict[tuple, str] = self.canvas.__dict__.setdefault("_sn_font_switches", {})

    def plain_line(self, shift: float, line) -> None:
        """A line of text only: no positions to track, nothing drawn but the glyphs."""
        tx = self.tx
        tx._x_offset = shift
        xs = tx.XtraState
        rl.setXPos(tx, shift)
        leading = xs.leading
        if tx._leading != leading:
            tx.setLeading(leading)
        code = tx._code
        words = line.words
        last = words[-1]
        for word in words:
            cb = getattr(word, "cbDefn", None)
            if cb is not None:
                tx.setCharSpace(float(cb.label))
                if word is last:
                    if not tx._fontname:
                        tx.setFont(xs.style.fontName, xs.style.fontSize)
                    tx._textOut("", 1)
                continue
            if tx._fontname != word.fontName or tx._fontsize != word.fontSize:
                tx._setFont(word.fontName, word.fontSize)
            colour = word.textColor
            if xs.textColor is not colour and xs.textColor != colour:  # `is`: no Color.__eq__ call
                xs.textColor = colour
                tx.setFillColor(colour)
            if xs.rise:
                xs.rise = 0
                tx.setRise(0)
            text = self._text(word.text)
            code.append(text + " T*" if word is last else text)
        rl.setXPos(tx, -shift)

    def decorated_line(self, offset: float, shift: float, line) -> None:
        """A line with decorations: tracks the pen position and records the spans of
        underlines, links and tints for ``_do_post_text``, exactly as ``_putFragLine``."""
        tx = self.tx
        xs = tx.XtraState
        tx._x_offset = offset
        rl.setXPos(tx, shift)
        x0 = tx._x0
        cur_x = shift + xs.leftIndent
        cur_y = xs.cur_y
        leading = xs.leading
        if tx._leading != leading:
            tx.setLeading(leading)
        code = tx._code
        us_lines = xs.us_lines
        links = xs.links
        words = line.words
        last = words[-1]
        open_lines: list = []
        open_links: list = []
        for i, word in enumerate(words):
            cb = getattr(word, "cbDefn", None)
            if cb is not None:
                self._callback(cb, cur_x, cur_y, leading)
                if word is last:
                    if not tx._fontname:
                        tx.setFont(xs.style.fontName, xs.style.fontSize)
                    tx._textOut("", 1)
                continue
            start_x = end_x = cur_x
            if i > 0:
                before = words[i - 1].text
                if before and before[-1] in rl._wsc:
                    end_x = start_x - rl._trailingSpaceLength(before, tx)
            size = word.fontSize
            colour = word.textColor
            rise = word.rise
            if tx._fontname != word.fontName or tx._fontsize != size:
                tx._setFont(word.fontName, size)
            if xs.textColor is not colour and xs.textColor != colour:  # `is`: no Color.__eq__ call
                xs.textColor = colour
                tx.setFillColor(colour)
            if xs.rise != rise:
                xs.rise = rise
                tx.setRise(rise)
            underlines = word.us_lines
            if open_lines != underlines:
                new_lines = set(underlines) - set(open_lines)
                for key in set(open_lines) - set(underlines):
                    us_lines[key] = us_lines[key], end_x
            link = word.link
            if open_links != link:
                new_links = set(link) - set(open_links)
                for key in set(open_links) - set(link):
                    links[key] = links[key], end_x
            text = word.text
            formatted = self._text(text)
            code.append(formatted + " T*" if word is last else formatted)
            if open_lines != underlines:
                for key in new_lines:
                    us_lines[key] = (key, size, colour, start_x), size
                open_lines = underlines
            for key in open_lines:
                first, biggest = us_lines[key]
                if size > biggest:
                    us_lines[key] = first, size
            low, high = rise - 0.2 * size, rise + size
            if open_links != link:
                for key in new_links:
                    links[key] = (key, cur_x), low, high
                open_links = link
            for key in open_links:
                first, lo, hi = links[key]
                if low < lo or high > hi:
                    links[key] = first, min(low, lo), max(high, hi)
            self._tint(xs, getattr(word, "backColor", None), start_x, end_x)
            cur_x += self._width(text, tx._fontname, tx._fontsize)
        for key in open_lines:
            us_lines[key] = us_lines[key], cur_x
        for key in open_links:
            links[key] = links[key], cur_x
        if xs.backColor:
            xs.backColors.append((xs.backColor_x, cur_x, xs.backColor))
        if tx._x0 != x0:
            rl.setXPos(tx, x0 - tx._x0)
        rl.setXPos(tx, -shift)

    def _width(self, text: str, font_name: str, size: float) -> float:
        """``canvas.stringWidth``: for a TrueType font the same sum in the same order
        (so the same float), with the per-character loop in C."""
        metrics = _WIDTHS.get(font_name)
        if metrics is None:
            font = getFont(font_name)
            exact = font._dynamicFont and rl_accel.instanceStringWidthTTF is getattr(
                rl_accel, "_py_instanceStringWidthTTF", None)
            metrics = _WIDTHS[font_name] = (font.face.charWidths.get, font.face.defaultWidth) if exact else False
        if not metrics:
            return self.canvas.stringWidth(text, font_name, size)
        width_of, default = metrics
        return 0.001 * size * sum(map(width_of, map(ord, text), repeat(default)))

    def _callback(self, cb, cur_x: float, cur_y: float, leading: float) -> None:
        canvas = self.canvas
        if cb.kind == "anchor":
            canvas.bookmarkHorizontal(cb.name, cur_x, cur_y + leading)
            return
        function = canvas.getNamedCB(cb.name)
        if not function:
            raise AttributeError(f"Missing {cb.kind} callback attribute '{cb.name}'")
        canvas._curr_tx_info = {"tx": self.tx, "cur_x": cur_x, "cur_y": cur_y, "leading": leading, "xs": self.tx.XtraState}
        try:
            function(canvas, cb.kind, getattr(cb, "label", None))
        finally:
            del canvas._curr_tx_info

    @staticmethod
    def _tint(xs, tint, start_x: float, end_x: float) -> None:
        """Open, close or switch the background tint run (drawn by ``_do_post_text``)."""
        if tint and not xs.backColor:
            xs.backColor = tint
            xs.backColor_x = start_x
        elif xs.backColor:
            if not tint:
                xs.backColors.append((xs.backColor_x, end_x, xs.backColor))
                xs.backColor = None
            elif tint != xs.backColor or xs.textColor != xs.backColor:
                xs.backColors.append((xs.backColor_x, end_x, xs.backColor))
                xs.backColor = tint
                xs.backColor_x = start_x

    def _text(self, text: str) -> str:
        """``tx._formatText(text)``: the same operators, without re-formatting numbers."""
        tx = self.tx
        encoder = self.encoders.get(tx._fontname)
        if encoder is None:
            font = getFont(tx._fontname)
            if not font._dynamicFont:
                return tx._formatText(text)
            encoder = self.encoders[tx._fontname] = _Encoder(font, self.doc)
        parts: list[str] = []
        for subset, chunk in encoder.split(text):
            if subset != tx._curSubset:
                key = (tx._fontname, subset, tx._fontsize, tx._leading)
                switch = self.switches.get(key)
                if switch is None:
                    name = encoder.font.getSubsetInternalName(subset, self.doc)
                    switch = self.switches[key] = f"{name} {fp_str(tx._fontsize)} Tf {fp_str(tx._leading)} TL"
                parts.append(switch)
                tx._curSubset = subset
            parts.append(f"({chunk}) Tj")
        return " ".join(parts)


# Per font: (its width lookup, its default width), or False where reportlab's own
# measuring must be used (a standard font, or the C accelerator, whose rounding may differ).
_WIDTHS: dict[str, tuple | bool] = {}

# What reportlab's escapePDF writes for a byte of a string operand: \ ( ) escaped, bytes
# outside printable ASCII as octal. As a str.translate table over latin-1 text.
_PDF_ESCAPES = {
    code: ("\\%03o" % code) if code < 32 or code > 126 else "\\" + chr(code)
    for code in range(256)
    if code < 32 or code > 126 or chr(code) in "\\()"
}
_RUNS = re.compile(r"(.)\1*", re.S)


class _Encoder:
    """``font.splitString`` with ``str.translate`` instead of a Python loop per character.

    A TrueType font gives each character of a document a code (subset number and byte)
    the first time it is printed. Once every character of a text has one, its subsets
    and its string operand (the bytes, escaped for PDF) are two ``translate`` calls; a
    text with a new character goes to reportlab, which assigns the code, and the encoder
    learns it.
    """

    def __init__(self, font, doc) -> None:
        self.font = font
        self.doc = doc
        self.known: set[str] = set()
        self.operand: dict[int, str] = {}  # code point -> its byte in its subset, PDF-escaped
        self.high: dict[int, str] = {}  # code point -> subset number, as a char

    def split(self, text: str) -> list[tuple[int, str]]:
        """(subset, escaped string operand) runs: ``splitString`` with escaping done."""
        if not text:
            return []
        if not self.known.issuperset(text):
            runs = [(subset, chunk.decode("latin-1").translate(_PDF_ESCAPES))
                    for subset, chunk in self.font.splitString(text, self.doc)]
            self._learn(text)
            return runs
        high = text.translate(self.high)
        if high.count(high[0]) == len(high):
            return [(ord(high[0]), text.translate(self.operand))]
        operand = self.operand
        return [(ord(m.group(1)), text[m.start() : m.end()].translate(operand)) for m in _RUNS.finditer(high)]

    def _learn(self, text: str) -> None:
        state = self.font.state[self.doc]
        assignments = state.assignments
        glyphs = self.font.face.charToGlyph
        for char in set(text).difference(self.known):
            code = ord(char)
            if code == 0xA0:
                continue  # printed as a space: leave it to reportlab
            n = assignments.get(code)
            if n is None:
                if code in glyphs:
                    continue
                n = 0  # no glyph: reportlab prints .notdef, code 0
            self.operand[code] = _PDF_ESCAPES.get(n & 0xFF, chr(n & 0xFF))
            self.high[code] = chr(n >> 8)
            self.known.add(char)
