"""The official-document layout (GB/T 9704-2012): geometry, grid, page numbers, font record."""

from __future__ import annotations

import collections
import shutil
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from pdf_helpers import text_lines

from desktop.brief import BriefOptions, build_handout, build_study_brief, gongwen
from desktop.brief.paragraph import PUSH_IN
from desktop.resources import cjk_font_path

MM = 72 / 25.4


@pytest.fixture(scope="module")
def gongwen_handout(tmp_path_factory, seed_content):
    """The seed plus one long reflection, so that some page is nothing but body text."""
    first = seed_content.reflections[0]
    long_piece = replace(first, title="长篇心得", paragraphs=tuple(p * 4 for r in seed_content.reflections[:4] for p in r.paragraphs))
    content = replace(seed_content, reflections=(*seed_content.reflections, long_piece))
    out = tmp_path_factory.mktemp("gw") / "handout.pdf"
    return build_handout(content, BriefOptions(gongwen=True), out)


def body_lines(path: Path):
    top = (297 - 37) * MM
    bottom = (297 - 37 - 225) * MM
    return [l for l in text_lines(path) if bottom < l.y < top and abs(l.size - gongwen.CHAR_SIZE) < 0.6]


def test_page_is_a4_and_text_starts_28mm_from_the_left_37mm_from_the_top(gongwen_handout):
    reader = pypdf.PdfReader(str(gongwen_handout.path))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(210 * MM, abs=0.05)
        assert float(page.mediabox.height) == pytest.approx(297 * MM, abs=0.05)
    lines = body_lines(gongwen_handout.path)
    left_edges = collections.Counter(round(l.x / MM, 1) for l in lines)
    assert left_edges.most_common(1)[0][0] == pytest.approx(28.0, abs=0.3)
    assert min(l.x for l in lines) / MM == pytest.approx(28.0, abs=0.3)
    # the first line's glyphs start right under the 37 mm top margin
    tops = [297 * MM - (l.y + l.size) for l in lines]
    assert 37 * MM <= min(tops) <= 37 * MM + 0.3 * gongwen.CHAR_SIZE


def test_22_lines_of_28_characters(gongwen_handout):
    lines = body_lines(gongwen_handout.path)
    per_page = collections.Counter(l.page for l in lines)
    assert max(per_page.values()) == 22
    lengths = collections.Counter(len(l.text.strip()) for l in lines)
    assert lengths.most_common(1)[0][0] == 28
    right = (28 + 156) * MM
    # a full line ends at the right edge of the type area (a pushed-in mark may hang)
    # only a pushed-in closing mark may hang past the edge, by one character at most
    beyond = [l for l in lines if l.x_max > right + 0.6]
    assert all(l.text.strip()[-1] in PUSH_IN and l.x_max <= right + gongwen.CHAR_SIZE + 0.6 for l in beyond)
    full = [l for l in lines if len(l.text.strip()) >= 28]
    assert sum(abs(l.x_max - right) < 0.6 * gongwen.CHAR_SIZE for l in full) >= 0.9 * len(full)
    pitches = {round(a.y - b.y, 1) for a, b in zip(lines, lines[1:]) if a.page == b.page}
    assert round(gongwen.LINE_PITCH, 1) in pitches
    assert all(abs(p / gongwen.LINE_PITCH - round(p / gongwen.LINE_PITCH)) < 0.02 for p in pitches)


def test_page_numbers_in_dashes_on_the_outer_side(gongwen_handout):
    lines = text_lines(gongwen_handout.path)
    pages = pypdf.PdfReader(str(gongwen_handout.path)).get_num_pages()
    for number in range(1, pages + 1):
        label = next(l for l in lines if l.page == number and l.text.strip() == f"— {number} —")
        assert label.y < (297 - 37 - 225 - 7) * MM
        if number % 2:
            assert label.x > 105 * MM
        else:
            assert label.x == pytest.approx(28 * MM + gongwen.PAGE_NUMBER_SIZE, abs=0.5)
    assert not any("第 1 页" in l.text for l in lines)


def test_font_used_is_recorded(gongwen_handout):
    info = pypdf.PdfReader(str(gongwen_handout.path)).metadata
    assert gongwen_handout.font_used in info.subject
    assert gongwen_handout.font_used in info["/Keywords"]
    assert "公文格式" in info["/Keywords"]


def test_an_installed_fangsong_is_found_and_used(tmp_path, monkeypatch, seed_content, cover):
    fonts = tmp_path / "fonts" / "chinese"
    fonts.mkdir(parents=True)
    fangsong = fonts / "SimFang.ttf"
    shutil.copyfile(cjk_font_path(), fangsong)
    assert gongwen.find_fangsong_font([tmp_path / "missing", tmp_path / "fonts"]) == fangsong
    monkeypatch.setattr(gongwen, "font_folders", lambda: [tmp_path / "fonts"])
    result = build_study_brief(seed_content, cover, BriefOptions(gongwen=True), tmp_path / "b.pdf")
    assert result.font_used.endswith("(SimFang.ttf)")
    assert "SimFang.ttf" in pypdf.PdfReader(str(result.path)).metadata.subject


def test_without_fangsong_the_bundled_font_is_used_and_said(tmp_path, monkeypatch, seed_content, cover):
    monkeypatch.setattr(gongwen, "font_folders", lambda: [tmp_path])
    result = build_study_brief(seed_content, cover, BriefOptions(gongwen=True), tmp_path / "b.pdf")
    assert result.font_used == "Droid Sans Fallback (DroidSansFallbackFull.ttf)"


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (105, "一百零五"), (110, "一百一十"), (1000, "一千"), (1010, "一千零一十"), (1234, "一千二百三十四")],
)
def test_chinese_heading_numbers(n, text):
    assert gongwen.chinese_number(n) == text
