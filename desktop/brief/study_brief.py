"""The personal study brief (个人学习简报).

Cover (学习主题, 单位, 姓名, date), contents, an overview of the material (lead and the
keyword figure), then for each reflection its title and byline, optionally the full text
with the reader's highlights in place, the commitments the reader marked with their
comments, the other highlights by category and the reader's note; then the material's
学习心得 and a table of every commitment (承诺汇总表).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from desktop.brief.charts import keyword_chart, top_keywords
from desktop.brief.common import (
    contents_rows,
    lead_block,
    legend,
    reflection_heading,
    reflection_label,
    resolve_fonts,
    rule,
    section,
    section_title,
    text_paragraphs,
)
from desktop.brief.content import COMMITMENT, QUESTION, QUOTE, BriefContent, BriefOptions, BriefResult, CoverInfo
from desktop.brief.layout import Meta, PageLedger, RuledLines, para, render, write_atomically
from desktop.brief.marks import Placed, marked_paragraph, number_markup, place_highlights
from desktop.brief.markup import rich
from desktop.brief.paragraph import CJKParagraph
from desktop.brief.styles import ACCENT, PANEL, RULE, Theme, make_theme

KICKER = "个人学习简报"
LIST_TITLES = {COMMITMENT: "我标注的承诺", QUOTE: "金句摘录", QUESTION: "疑问与思考"}


def build_study_brief(content: BriefContent, cover: CoverInfo, options: BriefOptions, out_path: Path) -> BriefResult:
    fonts = resolve_fonts(options)
    theme = make_theme(fonts, options.gongwen)
    ledger = PageLedger()
    story = brief_story(content, cover, options, theme, ledger)
    topic = cover.topic.strip() or content.headline
    meta = Meta(
        title=f"{KICKER}：{topic}" if topic else KICKER,
        author=cover.name.strip() or "学习札记",
        subject=f"{content.headline}　{content.subtitle}".strip() + f"（字体：{fonts.font_used}）",
        keywords=f"学习简报, {'公文格式' if options.gongwen else 'A4'}, font: {fonts.font_used}",
    )
    data = render(story, theme, ledger, meta, KICKER, content.headline)
    write_atomically(data, out_path)
    return BriefResult(path=out_path, pages=ledger.total, font_used=fonts.font_used)


def brief_story(content: BriefContent, cover: CoverInfo, options: BriefOptions, theme: Theme, ledger: PageLedger) -> list:
    categories = frozenset(options.categories)
    placed = [place_highlights(r, categories, numbered=options.include_full_text) for r in content.reflections]
    with_table = COMMITMENT in categories
    numbering = _SectionNumbers(theme)

    story: list = [*_cover(content, cover, theme), NextPageTemplate("body"), PageBreak()]
    story += _contents(content, theme, ledger, numbering, with_table)
    story.append(PageBreak())

    story += section(theme, ledger, "overview", numbering.title("overview", "材料概览"), "材料概览")
    story += _overview(content, theme)

    story += section(theme, ledger, "reflections", numbering.title("reflections", "心得选读"), "心得选读")
    any_marks = any(p.paragraph is not None for marks in placed for p in marks)
    if options.include_full_text and any_marks:
        story += legend(theme, categories, any(p.number for marks in placed for p in marks))
    for index, (reflection, marks) in enumerate(zip(content.reflections, placed), start=1):
        story += _reflection(theme, ledger, index, reflection, marks, options)

    story += section(theme, ledger, "study", numbering.title("study", "学习心得"), "学习心得")
    story += _study_reflection(content, theme)

    if with_table:
        story += section(theme, ledger, "commitments", numbering.title("commitments", "承诺汇总表"), "承诺汇总表")
        story += _commitments_table(content, placed, theme)
    return story


class _SectionNumbers:
    """一、二、三、 in the 公文 layout, in the order the sections were declared."""

    ORDER = ("overview", "reflections", "study", "commitments")

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    def title(self, key: str, text: str) -> str:
        return section_title(self.theme, self.ORDER.index(key) + 1, text)


def _cover(content: BriefContent, cover: CoverInfo, theme: Theme) -> list:
    topic = cover.topic.strip() or content.headline.strip() or "学习材料"
    material = "　".join(part for part in (content.headline.strip(), content.subtitle.strip()) if part)
    fields = [("单　　位", cover.unit), ("姓　　名", cover.name), ("日　　期", cover.date_text)]
    if theme.gongwen:
        flow = [
            para(KICKER, theme, "cover_title"),
            para(f"学习主题：{topic}", theme, "cover_topic"),
        ]
        if material and material != topic:
            flow.append(para(f"学习材料：{material}", theme, "cover_topic"))
        flow.append(Spacer(1, theme.leading))
        flow.append(_cover_fields(fields, theme))
        return flow
    flow = [
        rule(theme, strong=True),
        Spacer(1, 118),
        para("学 习 札 记", theme, "cover_kicker"),
        Spacer(1, 12),
        para(KICKER, theme, "cover_title"),
        Spacer(1, 22),
        para(f"学习主题：{topic}", theme, "cover_topic"),
    ]
    if material and material != topic:
        flow += [Spacer(1, 4), para(material, theme, "doc_subtitle")]
    flow += [Spacer(1, 150), _cover_fields(fields, theme)]
    return flow


def _cover_fields(fields: list[tuple[str, str]], theme: Theme) -> Table:
    """单位 / 姓名 / 日期 as a form: a label and an underlined value (blank to fill by hand)."""
    label_width = theme["cover_label"].fontSize * 5.5
    value_width = theme.frame_width * (0.5 if not theme.gongwen else 0.62)
    rows = [[para(label + "：", theme, "cover_label"), para(value, theme, "cover_value")] for label, value in fields]
    table = Table(rows, colWidths=[label_width, value_width], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), theme.fonts.latin.name),
                ("LINEBELOW", (1, 0), (1, -1), 0.7, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 8 if not theme.gongwen else 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 if not theme.gongwen else 0),
            ]
        )
    )
    return table


def _contents(content: BriefContent, theme: Theme, ledger: PageLedger, numbering: _SectionNumbers, with_table: bool) -> list:
    entries: list[tuple[str, str, str, float]] = [
        ("overview", numbering.title("overview", "材料概览"), "", 0.0),
        ("reflections", numbering.title("reflections", "心得选读"), "", 0.0),
    ]
    indent = 2 * theme["toc"].fontSize
    for index, reflection in enumerate(content.reflections, start=1):
        byline = "" if theme.gongwen else reflection.byline
        entries.append((f"r{index}", reflection_label(theme, index, reflection), byline, indent))
    entries.append(("study", numbering.title("study", "学习心得"), "", 0.0))
    if with_table:
        entries.append(("commitments", numbering.title("commitments", "承诺汇总表"), "", 0.0))
    from desktop.brief.layout import Anchor

    return [Anchor(ledger, "contents", "目录"), para("目　　录", theme, "h1_center"), *contents_rows(theme, ledger, entries)]


def _overview(content: BriefContent, theme: Theme) -> list:
    flow: list = []
    if content.headline.strip():
        flow.append(para(content.headline, theme, "doc_title"))
    if content.subtitle.strip():
        flow.append(para(content.subtitle, theme, "doc_subtitle"))
    flow += lead_block(theme, content)
    chart = keyword_chart(content.keywords, theme.fonts, theme.frame_width * 0.9, size=theme["legend"].fontSize)
    if chart is not None:
        count = len(top_keywords(content.keywords))
        chart.hAlign = "CENTER"
        flow += [
            para("高频关键词", theme, "h2"),
            chart,
            Spacer(1, 4),
            para(f"图 1　本期材料高频关键词（前 {count} 个）", theme, "caption"),
        ]
    return flow


def _reflection(theme: Theme, ledger: PageLedger, index: int, reflection, marks: list[Placed], options: BriefOptions) -> list:
    key = f"r{index}"
    flow = reflection_heading(theme, ledger, key, index, reflection)
    flow.append(rule(theme))
    if options.include_full_text:
        for number, text in enumerate(reflection.paragraphs):
            here = [p for p in marks if p.paragraph == number]
            markup = marked_paragraph(text, here, theme.fonts, link_prefix=f"c-{key}-")
            flow.append(CJKParagraph(markup, theme["body"]))
    for category in (COMMITMENT, QUOTE, QUESTION):
        items = [p for p in marks if p.category == category]
        if items:
            flow.append(para(LIST_TITLES[category], theme, "h2"))
            for p in items:
                flow += _highlight_item(theme, key, p)
    if reflection.note.strip():
        flow.append(para("我的笔记", theme, "h2"))
        flow += text_paragraphs(theme, reflection.note, "note")
    if not marks and not reflection.note.strip() and not options.include_full_text:
        flow.append(para("（本篇未作标注）", theme, "muted"))
    flow.append(Spacer(1, theme.leading if theme.gongwen else 16))
    return flow


def _highlight_item(theme: Theme, key: str, placed: Placed) -> list:
    fonts = theme.fonts
    anchor = ""
    prefix = ""
    if placed.number is not None:
        anchor = f'<a name="c-{key}-{placed.number}"/>'
        prefix = number_markup(placed.number, fonts, None).replace("<super>", "").replace("</super>", "") + " "
    quote = anchor + prefix + rich(f"“{placed.highlight.text.strip()}”", fonts)
    flow = [CJKParagraph(quote, theme["item"])]
    comment = placed.highlight.comment.strip()
    if comment:
        flow.append(CJKParagraph(f'<font color="{ACCENT.hexval()}">{rich("批注：", fonts)}</font>' + rich(comment, fonts), theme["comment"]))
    else:
        flow.append(Spacer(1, 0 if theme.gongwen else 4))
    return flow


def _study_reflection(content: BriefContent, theme: Theme) -> list:
    paragraphs = text_paragraphs(theme, content.study_reflection, "note")
    if paragraphs:
        return paragraphs
    return [para("（尚未填写学习心得，可在下面手写。）", theme, "muted"), RuledLines(theme.leading * (1.0 if theme.gongwen else 1.5), count=10)]


def _commitments_table(content: BriefContent, placed: list[list[Placed]], theme: Theme) -> list:
    rows = []
    number = 0
    for reflection, marks in zip(content.reflections, placed):
        for p in marks:
            if p.category != COMMITMENT:
                continue
            number += 1
            rows.append([str(number), reflection.author, reflection.affiliation, p.highlight.text.strip(), p.highlight.comment.strip()])
    if not rows:
        return [para("（本材料中尚未标注承诺。）", theme, "muted")]
    head = ["序号", "作者", "单位职务", "承诺内容", "我的批注"]
    data = [[CJKParagraph(rich(h, theme.fonts), theme["table_head"]) for h in head]]
    data += [[CJKParagraph(rich(cell, theme.fonts), theme["table_cell"]) for cell in row] for row in rows]
    fractions = (0.075, 0.115, 0.2, 0.37, 0.24)
    table = Table(data, colWidths=[theme.frame_width * f for f in fractions], repeatRows=1, splitInRow=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), theme.fonts.latin.name),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), PANEL) for r in range(2, len(data), 2)]
    table.setStyle(TableStyle(style))
    return [table]
