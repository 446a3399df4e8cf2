"""The keyword figure: a horizontal bar chart of the material's top keywords.

Drawn with reportlab.graphics shapes rather than a chart widget so that every label goes
through the same per-character font fallback as the text (a keyword like "5G" or "APP"
would otherwise print as boxes in the CJK font). Bars are solid dark red with the value
at their end, readable in grayscale.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from desktop.brief.fonts import FontSet
from desktop.brief.markup import runs
from desktop.brief.styles import ACCENT, RULE, SOFT

MAX_KEYWORDS = 10


def top_keywords(keywords: tuple[tuple[str, float], ...], limit: int = MAX_KEYWORDS) -> list[tuple[str, float]]:
    """The heaviest keywords, heaviest first; blank words and non-positive weights dropped."""
    usable = [(str(word).strip(), float(weight)) for word, weight in keywords if str(word).strip() and float(weight) > 0]
    usable.sort(key=lambda kw: -kw[1])
    return usable[:limit]


def keyword_chart(keywords: tuple[tuple[str, float], ...], fonts: FontSet, width: float, size: float = 10.0) -> Drawing | None:
    """The chart as a Drawing (a flowable), or None when there is nothing to show."""
    items = top_keywords(keywords)
    if not items:
        return None
    row = size * 2.0
    bar_height = size * 1.1
    label_width = min(max(_width(word, fonts, size) for word, _ in items) + size, width * 0.32)
    value_room = size * 4
    plot_width = width - label_width - value_room
    height = row * len(items) + size * 0.6
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.latin.name  # else the renderer selects Helvetica (not embedded)
    top_weight = items[0][1]
    drawing.add(Line(label_width, 0, label_width, height, strokeColor=RULE, strokeWidth=0.8))
    for index, (word, weight) in enumerate(items):
        y = height - (index + 1) * row + (row - bar_height) / 2
        bar = max(plot_width * weight / top_weight, 1.0)
        shade = ACCENT if index < 3 else colors.HexColor("#C8706B")
        drawing.add(Rect(label_width, y, bar, bar_height, fillColor=shade, strokeColor=None))
        baseline = y + (bar_height - size * 0.75) / 2
        _add_text(drawing, label_width - size * 0.5, baseline, _clip(word, fonts, size, label_width - size), fonts, size, "end", colors.black)
        _add_text(drawing, label_width + bar + size * 0.4, baseline, _format(weight), fonts, size * 0.85, "start", SOFT)
    return drawing


def _format(weight: float) -> str:
    return str(int(weight)) if float(weight).is_integer() else f"{weight:.3g}"


def _width(text: str, fonts: FontSet, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(run, face.name, size) for run, face in runs(text, fonts))


def _clip(text: str, fonts: FontSet, size: float, width: float) -> str:
    if _width(text, fonts, size) <= width:
        return text
    while text and _width(text + "…", fonts, size) > width:
        text = text[:-1]
    return text + "…"


def _add_text(drawing: Drawing, x: float, y: float, text: str, fonts: FontSet, size: float, anchor: str, colour) -> None:
    """A label as one String per font run, so fallback works inside the drawing."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces = runs(text, fonts)
    widths = [stringWidth(run, face.name, size) for run, face in pieces]
    if anchor == "end":
        x -= sum(widths)
    for (run, face), width in zip(pieces, widths):
        drawing.add(String(x, y, run, fontName=face.name, fontSize=size, fillColor=colour))
        x += width
