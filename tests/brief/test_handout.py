"""The trainer's handout: clean full text, commitments emphasised, questions, ruled page."""

from __future__ import annotations

import pypdf
from brief_fixtures import TRICKY_VISIBLE
from pdf_helpers import outline, page_texts, pdffonts, text_lines


def test_full_text_of_every_reflection_with_title_and_byline(handout_pdf, seed_content):
    # the type area only: a paragraph continued on the next page skips header and footer
    text = "".join(l.text for l in text_lines(handout_pdf.path) if 60 < l.y < 775)
    for reflection in seed_content.reflections:
        assert reflection.title in text
        assert reflection.author in text and reflection.affiliation in text
        for paragraph in reflection.paragraphs:
            assert paragraph.replace(" ", "") in text.replace(" ", "")


def test_no_personal_notes_or_comments(handout_pdf, seed_content):
    text = "".join(l.text for l in text_lines(handout_pdf.path))
    for reflection in seed_content.reflections:
        for highlight in reflection.highlights:
            if highlight.comment:
                assert highlight.comment not in text
        if reflection.note:
            assert reflection.note[:8] not in text
    assert not any(visible in text for visible in TRICKY_VISIBLE)
    assert "我的笔记" not in text and "批注" not in text


def test_questions_become_numbered_discussion_questions(handout_pdf, seed_content):
    texts = page_texts(handout_pdf.path)
    start = next(i for i, t in enumerate(texts) if "讨论题" in t and "摘自" in t)
    section = "".join(texts[start:]).replace("\n", "")
    questions = [h for r in seed_content.reflections for h in r.highlights if h.category == "question"]
    assert questions
    for number, question in enumerate(questions, start=1):
        assert f"{number}．{question.text[:10]}" in section


def test_last_page_is_for_the_participants_own_study_reflection(handout_pdf):
    reader = pypdf.PdfReader(str(handout_pdf.path))
    last = page_texts(handout_pdf.path)[-1]
    assert "我的学习心得" in last and "姓名" in last and "单位" in last
    content = reader.pages[-1].get_contents().get_data().decode("latin-1")
    assert content.count(" l S") + content.count(" l\nS") >= 15  # the ruled lines


def test_commitments_are_emphasised_with_a_tint(handout_pdf):
    reader = pypdf.PdfReader(str(handout_pdf.path))
    tint = "{:g} {:g} {:g} rg".format(*(round(c / 255, 6) for c in (0xF6, 0xE3, 0xA1)))
    streams = "".join(p.get_contents().get_data().decode("latin-1") for p in reader.pages)
    assert streams.count(" re f") > 5
    assert ".964706 .890196 .631373 rg" in streams or tint in streams


def test_footer_outline_and_fonts(handout_pdf, seed_content):
    texts = page_texts(handout_pdf.path)
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 / 共 {len(texts)} 页" in text
    tree = dict(outline(handout_pdf.path))
    assert [title for title, _ in tree["心得原文"]] == [r.title for r in seed_content.reflections]
    assert all(f["emb"] == "yes" and f["sub"] == "yes" for f in pdffonts(handout_pdf.path))
    info = pypdf.PdfReader(str(handout_pdf.path)).metadata
    assert info.title == f"培训讲义：{seed_content.headline}"
    assert info.creator == "学习札记 Study Notes"
