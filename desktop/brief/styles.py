"""Paragraph styles and page geometry: the normal A4 layout and the 公文 layout.

Chinese body text is set with generous leading (about 1.7), a two-character first-line
indent and justified lines. The CJK font has no bold, so hierarchy comes from size,
colour, spacing and rules. The normal type area is a whole number of body characters
wide, so a line of plain Chinese fills it exactly before any justification.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle

from desktop.brief import gongwen
from desktop.brief.fonts import FontSet

ACCENT = colors.HexColor("#A61C1C")  # the red of Chinese official print
INK = colors.HexColor("#1A1A1A")
SOFT = colors.HexColor("#555555")
FAINT = colors.HexColor("#8A8A8A")
RULE = colors.HexColor("#C9C9C9")
PANEL = colors.HexColor("#F4F1EA")

NORMAL_BODY_SIZE = 11.0
NORMAL_CHARS_PER_LINE = 41


@dataclass
class Theme:
    """Geometry and styles of one product in one layout."""

    fonts: FontSet
    gongwen: bool
    page_size: tuple[float, float]
    frame_x: float
    frame_y: float
    frame_width: float
    frame_height: float
    body_size: float
    leading: float
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]


def make_theme(fonts: FontSet, official: bool) -> Theme:
    return _gongwen_theme(fonts) if official else _normal_theme(fonts)


def _normal_theme(fonts: FontSet) -> Theme:
    width, height = A4
    size = NORMAL_BODY_SIZE
    frame_width = size * NORMAL_CHARS_PER_LINE
    top, bottom = 26 * gongwen.MM, 24 * gongwen.MM
    theme = Theme(
        fonts=fonts,
        gongwen=False,
        page_size=(width, height),
        frame_x=(width - frame_width) / 2,
        frame_y=bottom,
        frame_width=frame_width,
        frame_height=height - top - bottom,
        body_size=size,
        leading=19.0,
    )
    theme.styles = _styles(fonts.body.name, size, 19.0, scale=1.0, official=False)
    return theme


def _gongwen_theme(fonts: FontSet) -> Theme:
    size = gongwen.CHAR_SIZE
    pitch = gongwen.LINE_PITCH
    theme = Theme(
        fonts=fonts,
        gongwen=True,
        page_size=(gongwen.PAGE_WIDTH, gongwen.PAGE_HEIGHT),
        frame_x=gongwen.LEFT_MARGIN,
        frame_y=gongwen.BOTTOM_MARGIN,
        frame_width=gongwen.TYPE_WIDTH,
        frame_height=gongwen.TYPE_HEIGHT,
        body_size=size,
        leading=pitch,
    )
    theme.styles = _styles(fonts.body.name, size, pitch, scale=size / NORMAL_BODY_SIZE, official=True)
    return theme


def _styles(font: str, size: float, leading: float, scale: float, official: bool) -> dict[str, ParagraphStyle]:
    """All styles; in the 公文 layout every leading is the line pitch (or a multiple)."""

    def style(name: str, **kw) -> ParagraphStyle:
        base = dict(fontName=font, fontSize=size, leading=leading, wordWrap="CJK", textColor=INK)
        base.update(kw)
        return ParagraphStyle(name, **base)

    def lead(normal: float) -> float:
        """A leading: free in the normal layout, whole lines on the 公文 grid."""
        if not official:
            return normal
        return leading * max(1, round(normal / (19.0)))

    def gap(normal: float) -> float:
        if not official:
            return normal
        return 0.0 if normal < 9 else leading * max(1, round(normal / 19.0))

    s = size
    pick = (lambda normal, gw: gw) if official else (lambda normal, gw: normal)
    return {
        "body": style("body", alignment=TA_JUSTIFY, firstLineIndent=2 * s, spaceAfter=gap(4)),
        "body_flush": style("body_flush", alignment=TA_JUSTIFY, spaceAfter=gap(2)),
        "cover_kicker": style(
            "cover_kicker", fontSize=pick(12, 16), leading=lead(18), alignment=TA_CENTER, textColor=ACCENT
        ),
        "cover_title": style(
            "cover_title", fontSize=pick(34, 22), leading=pick(46, 2 * leading), alignment=TA_CENTER, textColor=ACCENT
        ),
        "cover_topic": style(
            "cover_topic", fontSize=pick(17, s), leading=lead(28), alignment=TA_CENTER, textColor=INK
        ),
        "cover_label": style("cover_label", fontSize=pick(13, s), leading=lead(22), textColor=SOFT, alignment=TA_LEFT),
        "cover_value": style("cover_value", fontSize=pick(13, s), leading=lead(22), textColor=INK),
        "cover_footer": style("cover_footer", fontSize=pick(9, 12), leading=lead(14), alignment=TA_CENTER, textColor=FAINT),
        "doc_kicker": style("doc_kicker", fontSize=pick(10.5, s), leading=lead(16), alignment=TA_CENTER, textColor=ACCENT),
        "doc_title": style(
            "doc_title", fontSize=pick(22, 22), leading=pick(32, 2 * leading), alignment=TA_CENTER,
            textColor=pick(ACCENT, INK), spaceAfter=gap(6),
        ),
        "doc_subtitle": style(
            "doc_subtitle", fontSize=pick(13, s), leading=lead(20), alignment=TA_CENTER, textColor=SOFT, spaceAfter=gap(12)
        ),
        "h1": style(
            "h1", fontSize=pick(17, s), leading=lead(26), textColor=pick(ACCENT, INK), spaceBefore=gap(10),
            spaceAfter=gap(8), keepWithNext=1, alignment=pick(TA_LEFT, TA_LEFT),
        ),
        "h1_center": style(
            "h1_center", fontSize=pick(20, 22), leading=pick(30, 2 * leading), textColor=pick(ACCENT, INK),
            alignment=TA_CENTER, spaceAfter=gap(14), keepWithNext=1,
        ),
        "r_number": style("r_number", fontSize=pick(10, s), leading=lead(14), textColor=ACCENT, keepWithNext=1),
        "r_title": style(
            "r_title", fontSize=pick(15.5, s), leading=lead(23), textColor=INK, keepWithNext=1,
            spaceBefore=gap(4), spaceAfter=gap(2),
        ),
        "r_byline": style(
            "r_byline", fontSize=pick(10.5, s), leading=lead(17), textColor=SOFT, keepWithNext=1, spaceAfter=gap(10),
            alignment=pick(TA_LEFT, TA_CENTER),
        ),
        "h2": style(
            "h2", fontSize=pick(11.5, s), leading=lead(18), textColor=ACCENT, spaceBefore=gap(10), spaceAfter=gap(4),
            keepWithNext=1,
        ),
        "item": style("item", alignment=TA_JUSTIFY, leftIndent=2 * s, spaceAfter=gap(2)),
        "comment": style(
            "comment", fontSize=pick(10, s), leading=lead(17), alignment=TA_JUSTIFY, leftIndent=2 * s,
            textColor=SOFT, spaceAfter=gap(8),
        ),
        "note": style("note", alignment=TA_JUSTIFY, firstLineIndent=2 * s, spaceAfter=gap(4)),
        "muted": style("muted", fontSize=pick(10, s), leading=lead(17), textColor=FAINT, spaceAfter=gap(6)),
        "lead": style(
            "lead", fontSize=pick(10.5, s), leading=lead(18.5), alignment=TA_JUSTIFY, firstLineIndent=2 * pick(10.5, s),
            textColor=pick(SOFT, INK),
        ),
        "toc": style("toc", fontSize=pick(11, s), leading=lead(17)),
        "toc_byline": style("toc_byline", fontSize=pick(9, 12), leading=pick(13, leading), textColor=FAINT),
        "table_head": style("table_head", fontSize=pick(9.5, 12), leading=pick(14, 18), textColor=colors.white),
        "table_cell": style("table_cell", fontSize=pick(9.5, 12), leading=pick(15, 19), alignment=TA_LEFT),
        "legend": style("legend", fontSize=pick(9.5, 12), leading=pick(15, 19), textColor=SOFT),
        "caption": style("caption", fontSize=pick(9, 12), leading=pick(13, leading), textColor=FAINT, alignment=TA_CENTER),
        "write_label": style("write_label", fontSize=pick(11, s), leading=lead(19), textColor=SOFT),
    }
