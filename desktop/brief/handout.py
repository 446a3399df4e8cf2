"""The trainer's handout (培训讲义).

The clean full text of each reflection with title and byline, the commitments
emphasised (tint and underline), the 疑问 highlights gathered as discussion questions,
and a last page of ruled lines for participants to write their own 学习心得. It carries
no personal notes or comments: it is handed to a whole class.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from desktop.brief.common import (
    contents_rows,
    fill_in,
    lead_block,
    reflection_heading,
    reflection_label,
    resolve_fonts,
    rule,
    section,
    section_title,
)
from desktop.brief.content import COMMITMENT, QUESTION, BriefContent, BriefOptions, BriefResult
from desktop.brief.layout import Anchor, Meta, PageLedger, RuledLines, para, render, write_atomically
from desktop.brief.marks import marked_paragraph, place_highlights
from desktop.brief.paragraph import CJKParagraph
from desktop.brief.styles import Theme, make_theme

KICKER = "培训讲义"


def build_handout(content: BriefContent, options: BriefOptions, out_path: Path) -> BriefResult:
    fonts = resolve_fonts(options)
    theme = make_theme(fonts, options.gongwen)
    ledger = PageLedger()
    story = handout_story(content, options, theme, ledger)
    meta = Meta(
        title=f"{KICKER}：{content.headline}" if content.headline.strip() else KICKER,
        author="学习札记",
        subject=f"{content.headline}　{content.subtitle}".strip() + f"（字体：{fonts.font_used}）",
        keywords=f"培训讲义, {'公文格式' if options.gongwen else 'A4'}, font: {fonts.font_used}",
    )
    data = render(story, theme, ledger, meta, KICKER, content.headline)
    write_atomically(data, out_path)
    return BriefResult(path=out_path, pages=ledger.total, font_used=fonts.font_used)


def handout_story(content: BriefContent, options: BriefOptions, theme: Theme, ledger: PageLedger) -> list:
    categories = frozenset(options.categories)
    emphasised = frozenset({COMMITMENT}) & categories
    questions = []
    for index, reflection in enumerate(content.reflections, start=1):
        if QUESTION in categories:
            for placed in place_highlights(reflection, frozenset({QUESTION}), numbered=False):
                questions.append((index, reflection, placed.highlight.text.strip()))

    sections = ["reflections"] + (["questions"] if questions else []) + ["writing"]

    def title(key: str, text: str) -> str:
        return section_title(theme, sections.index(key) + 1, text)

    story: list = [NextPageTemplate("body"), para(KICKER, theme, "doc_kicker")]
    if content.headline.strip():
        story.append(para(content.headline, theme, "doc_title"))
    if content.subtitle.strip():
        story.append(para(content.subtitle, theme, "doc_subtitle"))
    story.append(rule(theme, strong=not theme.gongwen))
    story += lead_block(theme, content)

    entries = [
        (f"r{i}", reflection_label(theme, i, r), "" if theme.gongwen else r.byline, 0.0)
        for i, r in enumerate(content.reflections, start=1)
    ]
    if questions:
        entries.append(("questions", title("questions", "讨论题"), "", 0.0))
    entries.append(("writing", title("writing", "我的学习心得"), "", 0.0))
    story += [Anchor(ledger, "contents", "目录"), para("目　　录", theme, "h2"), *contents_rows(theme, ledger, entries)]
    story.append(PageBreak())

    story += section(theme, ledger, "reflections", title("reflections", "心得原文"), "心得原文")
    for index, reflection in enumerate(content.reflections, start=1):
        story += reflection_heading(theme, ledger, f"r{index}", index, reflection)
        story.append(rule(theme))
        marks = place_highlights(reflection, emphasised, numbered=False) if emphasised else []
        for number, text in enumerate(reflection.paragraphs):
            here = [p for p in marks if p.paragraph == number]
            story.append(CJKParagraph(marked_paragraph(text, here, theme.fonts), theme["body"]))
        story.append(Spacer(1, theme.leading if theme.gongwen else 18))

    if questions:
        story += section(theme, ledger, "questions", title("questions", "讨论题"), "讨论题")
        for number, (index, reflection, text) in enumerate(questions, start=1):
            story.append(para(f"{number}．{text}", theme, "body_flush"))
            source = f"——摘自《{reflection.display_title}》"
            if reflection.author.strip():
                source += f"（{reflection.author.strip()}）"
            story.append(para(source, theme, "muted"))

    story.append(PageBreak())
    story += section(theme, ledger, "writing", title("writing", "我的学习心得"), "我的学习心得")
    story.append(fill_in(theme, [("姓名", ""), ("单位", "")], [theme.frame_width * 0.22, theme.frame_width * 0.45]))
    story.append(Spacer(1, theme.leading if theme.gongwen else 8))
    story.append(RuledLines(theme.leading if theme.gongwen else 27.0))
    return story
