"""Pieces the brief and the handout share: fonts for the options, headings, panels."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import HRFlowable, Spacer, Table, TableStyle

from desktop.brief import BriefError
from desktop.brief import gongwen as gw
from desktop.brief.content import BriefContent, BriefHighlight, BriefOptions, BriefReflection
from desktop.brief.fonts import FontSet, load_fonts
from desktop.brief.layout import Anchor, ContentsRow, PageLedger, para
from desktop.brief.marks import CATEGORY_LABELS, Placed, marked_paragraph
from desktop.brief.markup import rich, split_paragraphs
from desktop.brief.paragraph import CJKParagraph
from desktop.brief.styles import ACCENT, PANEL, RULE, Theme


def resolve_fonts(options: BriefOptions) -> FontSet:
    """The user's font if chosen; for 公文 an installed FangSong if any; else the bundled one."""
    if options.font_path is not None:
        return load_fonts(Path(options.font_path), options.font_subfont_index)
    if options.gongwen:
        fangsong = gw.find_fangsong_font()
        if fangsong is not None:
            try:
                return load_fonts(fangsong)
            except BriefError:
                pass
    return load_fonts()


def section_title(theme: Theme, number: int, text: str) -> str:
    """Section headings: plain in the normal layout, 一、二、 in the 公文 layout."""
    return f"{gw.chinese_number(number)}、{text}" if theme.gongwen else text


def reflection_label(theme: Theme, index: int, reflection: BriefReflection) -> str:
    title = reflection.display_title
    return f"（{gw.chinese_number(index)}）{title}" if theme.gongwen else f"{index:02d}　{title}"


def section(theme: Theme, ledger: PageLedger, key: str, title: str, outline: str | None = None) -> list:
    """An outline entry plus a first-level heading, kept with what follows."""
    return [Anchor(ledger, key, outline or title), para(title, theme, "h1")]


def contents_rows(theme: Theme, ledger: PageLedger, entries: list[tuple[str, str, str, float]]) -> list:
    """entries: (key, title, byline, indent) -> linked rows with page numbers."""
    return [
        ContentsRow(ledger, key, rich(title, theme.fonts), theme, rich(byline, theme.fonts) if byline else "", indent)
        for key, title, byline, indent in entries
    ]


def reflection_heading(theme: Theme, ledger: PageLedger, key: str, index: int, reflection: BriefReflection) -> list:
    """Outline entry, title and byline of one reflection (title kept with the text)."""
    flow: list = [Anchor(ledger, key, reflection.display_title, level=1)]
    if theme.gongwen:
        flow.append(para(reflection_label(theme, index, reflection), theme, "r_title"))
    else:
        flow.append(para(f"第 {index} 篇", theme, "r_number"))
        flow.append(para(reflection.display_title, theme, "r_title"))
    byline = reflection.byline
    flow.append(para(byline if byline else "（作者不详）", theme, "r_byline"))
    return flow


def rule(theme: Theme, strong: bool = False):
    """A separating rule; none in the 公文 layout, whose line grid a rule would shift."""
    if theme.gongwen:
        return Spacer(0, 0)
    if strong:
        return HRFlowable(width="100%", thickness=1.6, color=ACCENT, spaceBefore=2, spaceAfter=10)
    return HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=2, spaceAfter=8)


def fill_in(theme: Theme, fields: list[tuple[str, str]], widths: list[float]) -> Table:
    """A form line: each label followed by an underlined blank (or value) to write on."""
    cells: list = []
    col_widths: list[float] = []
    label_style = "write_label"
    for (label, value), width in zip(fields, widths):
        label_para = para(label + "：", theme, label_style)
        cells += [label_para, para(value, theme, "cover_value")]
        col_widths += [theme[label_style].fontSize * (len(label) + 1.2), width]
    table = Table([cells], colWidths=col_widths, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), theme.fonts.latin.name),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    style += [("LINEBELOW", (c, 0), (c, 0), 0.7, RULE) for c in range(1, len(cells), 2)]
    table.setStyle(TableStyle(style))
    return table


def text_paragraphs(theme: Theme, text: str, style: str = "body") -> list:
    return [para(p, theme, style) for p in split_paragraphs(text)]


def panel(theme: Theme, flowables: list) -> Table:
    """A lightly tinted box (the lead), full width, that may split across pages."""
    table = Table([[flowables]], colWidths=[theme.frame_width], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), theme.fonts.latin.name),
                ("BACKGROUND", (0, 0), (-1, -1), PANEL),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
            ]
        )
    )
    return table


def lead_block(theme: Theme, content: BriefContent) -> list:
    paragraphs = split_paragraphs(content.lead)
    if not paragraphs:
        return []
    inner = [CJKParagraph(rich(p, theme.fonts), theme["lead"]) for p in paragraphs]
    if theme.gongwen:
        return [para(p, theme, "body") for p in paragraphs]
    return [panel(theme, inner), Spacer(1, 10)]


def legend(theme: Theme, categories: frozenset[str], numbered: bool) -> list:
    """How the marks in the text read, with a sample of each."""
    fonts = theme.fonts
    cells = []
    for category in ("commitment", "quote", "question"):
        if category not in categories:
            continue
        label = CATEGORY_LABELS[category]
        sample = label
        placed = [Placed(BriefHighlight(category, 0, 0, len(sample), sample), 0, 0, len(sample))]
        explanation = {"commitment": "：底纹加下划线", "quote": "：波浪线", "question": "：左侧竖线"}[category]
        cells.append(CJKParagraph(marked_paragraph(sample, placed, fonts) + rich(explanation, fonts), theme["legend"]))
    if numbered:
        cells.append(CJKParagraph(rich("[1]：见本篇末尾批注", fonts), theme["legend"]))
    if not cells:
        return []
    width = theme.frame_width / len(cells)
    table = Table([cells], colWidths=[width] * len(cells))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), theme.fonts.latin.name),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return [table, Spacer(1, theme.leading if theme.gongwen else 10)]

