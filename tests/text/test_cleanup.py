"""Clean-up of text extracted from a PDF: spaces, wraps, doubled bold type, dashes."""

from __future__ import annotations

import pytest

from desktop.text import (
    clean_display,
    clean_prose,
    display_width,
    join_lines,
    normalize_newlines,
    normalize_spaces,
    remove_cjk_spaces,
    strip_leading_dashes,
    undouble,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("北京市工会第十四次代表大会， 是在中国特色社会", "北京市工会第十四次代表大会，是在中国特色社会"),
        ("大会的胜利召开必 将激发", "大会的胜利召开必将激发"),
        ("把自身工作做实做细 ；", "把自身工作做实做细；"),
        ("以饱满的热情 、 坚定的信心", "以饱满的热情、坚定的信心"),
        ("全区职工 “当好主力军， 建功新密云” 的决心", "全区职工“当好主力军，建功新密云”的决心"),
        ("牢固树立“四个意识” “四个自信”", "牢固树立“四个意识”“四个自信”"),
        ("升级到 Windows 10 系统", "升级到Windows 10系统"),
        ("平谷区 6.8 万名职工", "平谷区6.8万名职工"),
        ("the “best” choice", "the “best” choice"),
        ("two  spaces   here", "two spaces here"),
    ],
)
def test_spaces_next_to_chinese_go_spaces_between_latin_words_stay(raw: str, clean: str) -> None:
    assert remove_cjk_spaces(raw) == clean


def test_display_lines_keep_the_spaces_between_phrases() -> None:
    assert remove_cjk_spaces("新时代 新时期", keep_between_ideographs=True) == "新时代 新时期"
    assert clean_display("立足岗位  建功新时代") == "立足岗位 建功新时代"
    assert clean_display("当好职工的 “娘家人”") == "当好职工的“娘家人”"


def test_letter_spaced_display_line_is_closed_up() -> None:
    assert clean_display("学 习 心 得") == "学习心得"


def test_wrapped_chinese_joins_without_space_latin_words_with_one() -> None:
    assert join_lines(["北京工会十", "四大精神"]) == "北京工会十四大精神"
    assert join_lines(["we use Windows", "10 at work"]) == "we use Windows 10 at work"
    assert join_lines(["平谷区6.", "8万名"]) == "平谷区6.8万名"
    assert clean_prose("作为基层工会， 我们\n要迅速掀起学习贯彻北京工会十\n四大精神的高潮。") == (
        "作为基层工会，我们要迅速掀起学习贯彻北京工会十四大精神的高潮。"
    )


def test_doubled_headline_is_undoubled_token_by_token() -> None:
    assert undouble("新新时时代代 新新时时期期 新新作作为为 新新担担当当") == "新时代 新时期 新作为 新担当"
    assert clean_display("新新时时代代 新新时时期期 新新作作为为 新新担担当当") == "新时代 新时期 新作为 新担当"
    assert undouble("““娘娘家家人人””") == "“娘家人”"


@pytest.mark.parametrize("text", ["天天向上", "谢谢", "常常 谢谢", "新新时时代代 新时期", "aabb"])
def test_ordinary_repeated_characters_are_not_undoubled(text: str) -> None:
    assert undouble(text) == text


def test_subtitle_dashes_are_stripped() -> None:
    assert strip_leading_dashes("———北京工会十四大在全市工会干部中引起强烈反响") == "北京工会十四大在全市工会干部中引起强烈反响"
    assert strip_leading_dashes(" —— 记一名劳模") == "记一名劳模"
    assert strip_leading_dashes("——") == ""


def test_line_ends_and_odd_spaces_are_normalised() -> None:
    assert normalize_newlines("一\r\n二\r三\x0c四") == "一\n二\n三\n四"
    assert normalize_spaces("a\u00a0b\u200bc\u2003d\x07e") == "a bc de"
    assert normalize_spaces("\u3000\u3000段落") == "\u3000\u3000段落"
    assert normalize_spaces("\u3000\u3000段落", ideographic=True) == "  段落"


def test_display_width_counts_latin_as_half_a_character() -> None:
    assert display_width("工会") == 2
    assert display_width("ab12") == 2
    assert display_width("“娘家人”") == 5
