"""The personal study brief, read back from the PDF as a reader would see it."""

from __future__ import annotations

import re
from dataclasses import replace

import pypdf
import pytest
from brief_fixtures import TRICKY_VISIBLE
from pdf_helpers import outline, outline_pages, page_texts, pdffonts, text_chunks, text_lines

from desktop.brief import BriefHighlight, BriefOptions, build_study_brief
from desktop.brief.paragraph import CANNOT_END, CANNOT_START

FORBIDDEN_START = "，。、；：！？”’）》"
FORBIDDEN_END = "“‘（《"


def test_page_count_matches_the_result_and_the_file(brief_pdf):
    reader = pypdf.PdfReader(str(brief_pdf.path))
    assert brief_pdf.pages == len(reader.pages) >= 5
    assert all(page.mediabox.width == pytest.approx(595.28, abs=0.1) for page in reader.pages)
    assert all(page.mediabox.height == pytest.approx(841.89, abs=0.1) for page in reader.pages)


def test_fonts_are_embedded_as_subsets(brief_pdf):
    fonts = pdffonts(brief_pdf.path)
    assert fonts, "no fonts listed"
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in fonts), fonts
    assert any(re.fullmatch(r"[A-Z]{6}\+DroidSansFallback", f["name"]) for f in fonts)
    assert brief_pdf.font_used == "Droid Sans Fallback (DroidSansFallbackFull.ttf)"


def test_seed_brief_is_small_thanks_to_subsetting(brief_pdf):
    assert brief_pdf.path.stat().st_size <= 300 * 1024


def test_every_title_and_author_is_printed(brief_pdf, seed_content):
    text = "\n".join(page_texts(brief_pdf.path))
    for reflection in seed_content.reflections:
        assert reflection.title in text
        assert reflection.author in text
        assert reflection.affiliation in text


def test_cover_shows_topic_unit_name_and_date(brief_pdf, cover):
    first = page_texts(brief_pdf.path)[0]
    for value in (cover.topic, cover.unit, cover.name, cover.date):
        assert value in first


def test_every_page_says_page_x_of_y(brief_pdf):
    texts = page_texts(brief_pdf.path)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 / 共 {total} 页" in text


def test_outline_has_one_entry_per_reflection_pointing_at_its_page(brief_pdf, seed_content):
    tree = dict(outline(brief_pdf.path))
    titles = [title for title, _ in tree["心得选读"]]
    assert titles == [r.title for r in seed_content.reflections]
    pages = outline_pages(brief_pdf.path)
    texts = page_texts(brief_pdf.path)
    for reflection in seed_content.reflections:
        assert reflection.title in texts[pages[reflection.title] - 1]


def test_contents_page_numbers_match_the_bookmarks_and_link_there(brief_pdf, seed_content):
    pages = outline_pages(brief_pdf.path)
    contents = [line.text for line in text_lines(brief_pdf.path) if line.page == 2]
    for reflection in seed_content.reflections:
        row = next(line for line in contents if reflection.title in line)
        assert int(re.search(r"(\d+)\s*$", row).group(1)) == pages[reflection.title]
    reader = pypdf.PdfReader(str(brief_pdf.path))
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    destinations = {str(link["/Dest"]) for link in links if "/Dest" in link}
    assert len(destinations) >= len(seed_content.reflections)


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(brief_pdf):
    lines = text_lines(brief_pdf.path)
    assert len(lines) > 100
    bad_start = [l.text for l in lines if l.text.strip()[0] in FORBIDDEN_START]
    bad_end = [l.text for l in lines if l.text.strip()[-1] in FORBIDDEN_END]
    assert bad_start == [] and bad_end == []
    assert set(FORBIDDEN_START) <= CANNOT_START and set(FORBIDDEN_END) <= CANNOT_END


def test_markup_in_a_note_prints_verbatim(brief_pdf):
    text = "".join(l.text for l in text_lines(brief_pdf.path))
    for visible in TRICKY_VISIBLE:
        assert visible in text


def test_metadata(brief_pdf, cover):
    info = pypdf.PdfReader(str(brief_pdf.path)).metadata
    assert info.title == f"个人学习简报：{cover.topic}"
    assert info.author == cover.name
    assert info.creator == "学习札记 Study Notes"
    assert "DroidSansFallbackFull.ttf" in info.subject
    assert "DroidSansFallbackFull.ttf" in info["/Keywords"]


def test_commitments_quotes_questions_and_notes_are_listed(brief_pdf, seed_content):
    text = "".join(l.text for l in text_lines(brief_pdf.path))
    for heading in ("我标注的承诺", "金句摘录", "疑问与思考", "我的笔记", "学习心得", "承诺汇总表", "高频关键词"):
        assert heading in text
    commented = seed_content.reflections[1].highlights[0]
    assert commented.comment in text
    assert "通过学习北京工会十四大精神" in text


def test_commitments_table_has_every_commitment_with_its_author(brief_pdf, seed_content):
    texts = page_texts(brief_pdf.path)
    start = next(i for i, t in enumerate(texts) if "承诺汇总表" in t and "序号" in t) + 1
    chunks = [c for c in text_chunks(brief_pdf.path) if c.page >= start]
    width = 451.0
    left = (595.28 - width) / 2

    def column(first: float, last: float) -> str:
        return "".join(c.text for c in chunks if left + width * first - 1 <= c.x < left + width * last - 1)

    authors, comments = column(0.075, 0.19), column(0.76, 1.0)
    for reflection in seed_content.reflections:
        commitments = [h for h in reflection.highlights if h.category == "commitment"]
        assert commitments
        assert reflection.author in authors
        assert commitments[0].comment in comments


def test_full_text_numbers_refer_to_the_comments(brief_pdf, seed_content):
    text = "".join(l.text for l in text_lines(brief_pdf.path))
    assert "[1]" in text and "[2]" in text
    # the second reflection has a commented commitment and a commented question
    second = seed_content.reflections[1]
    assert second.paragraphs[0][:20] in text


def test_categories_and_full_text_are_the_readers_choice(seed_content, cover, out_dir):
    only_quotes = BriefOptions(categories=frozenset({"quote"}), include_full_text=False)
    result = build_study_brief(seed_content, cover, only_quotes, out_dir / "quotes.pdf")
    text = "".join(l.text for l in text_lines(result.path))
    assert "金句摘录" in text
    assert "我标注的承诺" not in text and "承诺汇总表" not in text and "疑问与思考" not in text
    unhighlighted = seed_content.reflections[0].paragraphs[0][:25]
    assert unhighlighted not in text


def test_keyword_figure_is_omitted_without_keywords(seed_content, cover, out_dir):
    result = build_study_brief(replace(seed_content, keywords=()), cover, BriefOptions(), out_dir / "nokw.pdf")
    text = "".join(l.text for l in text_lines(result.path))
    assert "高频关键词" not in text


def test_keyword_figure_shows_the_top_keywords(brief_pdf, seed_content):
    overview = next(t for t in page_texts(brief_pdf.path) if "高频关键词" in t)
    for word, weight in seed_content.keywords:
        assert word in overview
    assert "31" in overview


def test_highlights_with_stale_offsets_are_found_or_still_listed(seed_content, cover, out_dir):
    first = seed_content.reflections[0]
    text = first.paragraphs[0]
    stale = (
        BriefHighlight("commitment", 0, 5000, 5010, text[30:50], "偏移已过期，按文字找回"),
        BriefHighlight("quote", 7, -3, 2, "这句话不在原文里", "找不到也要列出"),
    )
    content = replace(seed_content, reflections=(replace(first, highlights=stale), *seed_content.reflections[1:]))
    result = build_study_brief(content, cover, BriefOptions(), out_dir / "stale.pdf")
    printed = "".join(l.text for l in text_lines(result.path))
    assert "偏移已过期，按文字找回" in printed
    assert "这句话不在原文里" in printed and "找不到也要列出" in printed
