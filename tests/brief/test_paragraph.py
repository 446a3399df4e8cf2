"""Chinese line breaking: 禁则 at every width, numbers and dashes kept whole, justification."""

from __future__ import annotations

import pytest
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from desktop.brief.fonts import load_fonts
from desktop.brief.markup import rich
from desktop.brief.paragraph import CANNOT_END, CANNOT_START, CHAR_SPACE_CALLBACK, CJKParagraph

TEXT = (
    "北京市工会第十四次代表大会，是在中国特色社会主义进入新时代、北京建设发展迈入新阶段的关键时期召开的。"
    "我们要做职工的“娘家人”，把《工会法》落到实处；2018年以来，会员增长了12.5%！"
    "今后——我们还要……继续努力（见附件）。“大会精神是提高业务素质的‘教科书’。”"
)


@pytest.fixture(scope="module")
def fonts():
    return load_fonts()


def wrapped(fonts, text: str, chars: float, alignment=TA_JUSTIFY, size: float = 10.0) -> list[str]:
    style = ParagraphStyle("t", fontName=fonts.body.name, fontSize=size, leading=size * 1.7, wordWrap="CJK", alignment=alignment)
    paragraph = CJKParagraph(rich(text, fonts), style)
    paragraph.wrap(chars * size, 10_000)
    return ["".join(w.text for w in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("chars", [x / 2 for x in range(8, 81)])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(fonts, chars):
    lines = wrapped(fonts, TEXT, chars)
    assert "".join(lines) == TEXT
    for line in lines[1:]:
        assert line[0] not in CANNOT_START, lines
    for line in lines[:-1]:
        assert line[-1] not in CANNOT_END, lines


@pytest.mark.parametrize("chars", range(6, 40))
def test_numbers_and_doubled_marks_are_not_split(fonts, chars):
    lines = wrapped(fonts, TEXT, chars)
    for first, second in zip(lines, lines[1:]):
        joint = first[-1] + second[0]
        assert not (joint[0].isdigit() and joint[1].isdigit()), (first, second)
        assert joint not in ("——", "……"), (first, second)
        assert not (first[-2:].endswith("12.") or first.endswith("12")), (first, second)


def test_full_lines_are_justified_and_the_last_line_is_not(fonts):
    style = ParagraphStyle("t", fontName=fonts.body.name, fontSize=10, leading=17, wordWrap="CJK", alignment=TA_JUSTIFY)
    paragraph = CJKParagraph(rich(TEXT, fonts), style)
    paragraph.wrap(203.0, 10_000)  # not a whole number of characters: every line needs spacing
    lines = paragraph.blPara.lines
    spaced = [any(getattr(getattr(w, "cbDefn", None), "name", "") == CHAR_SPACE_CALLBACK for w in line.words) for line in lines]
    assert all(spaced[:-1]) and not spaced[-1]
    assert all(abs(line.currentWidth - 203.0) < 1e-6 for line in lines[:-1])


def test_left_aligned_text_is_not_respaced(fonts):
    lines = wrapped(fonts, TEXT, 20.3, alignment=TA_LEFT)
    assert all("" != line for line in lines)
    style = ParagraphStyle("t", fontName=fonts.body.name, fontSize=10, leading=17, wordWrap="CJK", alignment=TA_LEFT)
    paragraph = CJKParagraph(rich(TEXT, fonts), style)
    paragraph.wrap(203.0, 10_000)
    assert not any(hasattr(w, "cbDefn") for line in paragraph.blPara.lines for w in line.words)


def test_split_across_pages_keeps_the_text_without_added_spaces(fonts):
    style = ParagraphStyle("t", fontName=fonts.body.name, fontSize=10, leading=17, wordWrap="CJK", alignment=TA_JUSTIFY)
    paragraph = CJKParagraph(rich(TEXT * 3, fonts), style)
    paragraph.wrap(200.0, 10_000)
    first, rest = paragraph.split(200.0, 17 * 4 + 1)
    rest.wrap(200.0, 10_000)
    printed = ["".join(w.text for w in line.words) for p in (first, rest) for line in p.blPara.lines]
    assert "".join(printed) == TEXT * 3
    # the original layout is untouched, so a second layout pass gives the same lines
    again = CJKParagraph(rich(TEXT * 3, fonts), style)
    again.wrap(200.0, 10_000)
    assert len(paragraph.blPara.lines) == len(again.blPara.lines)


def test_wrapping_again_at_another_width_gives_that_widths_lines(fonts):
    """The answer to a repeated wrap is kept per width: a narrower column in between
    (a table cell, a different frame) must not leave its height behind."""
    text = "北京市工会第十四次代表大会胜利闭幕，我们要把大会精神落实到每一名职工身上。" * 4
    paragraph = CJKParagraph(rich(text, fonts), ParagraphStyle("b", fontName=fonts.body.name, fontSize=11, leading=18))
    _, wide = paragraph.wrap(450, 1000)
    _, narrow = paragraph.wrap(150, 1000)
    _, wide_again = paragraph.wrap(450, 10)  # less room offered: same lines, same height
    assert narrow > 2 * wide
    assert wide_again == wide and paragraph.width == 450
    assert len(paragraph.blPara.lines) * 18 == wide
