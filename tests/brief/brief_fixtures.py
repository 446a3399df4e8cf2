"""Seed content with highlights and notes for the brief tests (imported by conftest)."""

from __future__ import annotations

import re

from desktop.brief import BriefContent, BriefHighlight, BriefReflection

# A note that would be markup if it were not escaped, with characters no font has.
TRICKY_NOTE = "注意<b>粗体</b> & <font color=red>红字</font> &nbsp; 𠮷野家 😀 ①"
TRICKY_VISIBLE = ("<b>粗体</b> & <font color=red>红字</font> &nbsp;", "〔U+20BB7〕野家", "〔U+1F600〕", "(1)")

SENTENCE = re.compile(r"[^。！？]*[。！？]")


def sentences(paragraph: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in SENTENCE.finditer(paragraph) if m.end() - m.start() > 6]


def seed_highlights(index: int, paragraphs: tuple[str, ...]) -> tuple[BriefHighlight, ...]:
    """A commitment (commented), a quote and, every other piece, a question."""
    spans = sentences(paragraphs[0])
    result = []
    if spans:
        start, end = spans[len(spans) // 2]
        result.append(
            BriefHighlight("commitment", 0, start, end, paragraphs[0][start:end], f"第{index}篇的承诺，回单位要落实。")
        )
    if len(spans) > 1:
        start, end = spans[-1]
        result.append(BriefHighlight("quote", 0, start, end, paragraphs[0][start:end], ""))
    if index % 2 == 0 and spans:
        start, end = spans[0]
        result.append(BriefHighlight("question", 0, start, end, paragraphs[0][start:end], "这一点怎样落实到基层？"))
    return tuple(result)


def make_seed_content(seed_expected: dict) -> BriefContent:
    reflections = []
    for index, r in enumerate(seed_expected["reflections"], start=1):
        paragraphs = tuple(r["paragraphs"])
        reflections.append(
            BriefReflection(
                title=r["title"],
                author=r["author"],
                affiliation=r["affiliation"],
                paragraphs=paragraphs,
                highlights=seed_highlights(index, paragraphs),
                note=TRICKY_NOTE if index == 1 else (f"第{index}篇读后：联系实际，抓好落实。" if index % 3 == 0 else ""),
            )
        )
    return BriefContent(
        headline=seed_expected["headline"],
        subtitle=seed_expected["subtitle"],
        lead=seed_expected["lead"],
        reflections=tuple(reflections),
        study_reflection="通过学习北京工会十四大精神，我深刻认识到基层工会工作的重要性。\n今后要把学习成果转化为服务职工的实际行动。",
        keywords=(("工会", 31.0), ("职工", 22.0), ("大会", 12.0), ("服务", 10.0), ("精神", 9.0), ("基层", 7.0), ("5G", 2.0)),
    )
