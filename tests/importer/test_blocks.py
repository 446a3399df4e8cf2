"""Splitting a page into units: paragraphs of prose and single display lines."""

from __future__ import annotations

from desktop.importer.blocks import split_units

BODY = (
    "作为基层工会，我们要迅速掀起学习贯彻北京工会十\n"
    "四大精神的高潮，高举旗帜、求真务实，服务好广大职\n"
    "工朋友。我们将带领职工继续保持“改革不停顿，开放\n"
    "不止步”的奋进态势，牢固树立“四个意识”。\n"
)


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in split_units(text).units]


def test_wrapped_lines_become_one_paragraph_without_spaces() -> None:
    units = kinds_and_texts(BODY)
    assert units == [
        (
            "prose",
            "作为基层工会，我们要迅速掀起学习贯彻北京工会十四大精神的高潮，高举旗帜、求真务实，"
            "服务好广大职工朋友。我们将带领职工继续保持“改革不停顿，开放不止步”的奋进态势，牢固树立“四个意识”。",
        )
    ]


def test_title_and_byline_sharing_a_block_are_separate_display_lines() -> None:
    text = BODY + "\n求真务实服务好职工\n丰台长辛店镇总工会主席 杨金花\n"
    units = kinds_and_texts(text)
    assert [k for k, _ in units] == ["prose", "line", "line"]
    assert units[2][1] == "丰台长辛店镇总工会主席 杨金花"  # the name's space is kept


def test_without_blank_lines_a_short_line_ending_a_sentence_ends_the_paragraph() -> None:
    text = BODY + "求真务实服务好职工\n丰台长辛店镇总工会主席 杨金花\n" + BODY
    assert [k for k, _ in kinds_and_texts(text)] == ["prose", "line", "line", "prose"]


def test_full_width_indent_starts_a_paragraph() -> None:
    text = "\u3000\u3000" + BODY.replace("\n", "", 1) + "\u3000\u3000第二段从这里开始，内容也写得很长很长很长很长。\n"
    units = kinds_and_texts(text)
    assert [k for k, _ in units] == ["prose", "prose"]
    assert units[1][1].startswith("第二段")


def test_lost_indent_after_a_full_stop_starts_a_paragraph() -> None:
    # The first line of a paragraph is two characters short of the column: its indent
    # was dropped by the extraction, its effect was not.
    text = (
        "在今后的工作中，我将深入学习贯彻落实本次大会\n"
        "精神，坚持以习近平新时代中国特色社会主义思想为\n"
        "指导，自觉发挥工会的思想引领作用凝聚职工。\n"
        "工作中，向劳模学习，立足本职，爱岗敬业\n"
        "大力弘扬劳模精神、劳动精神、工匠精神，以饱满的\n"
        "热情为职工做好服务。\n"
    )
    units = kinds_and_texts(text)
    assert [k for k, _ in units] == ["prose", "prose"]
    assert units[1][1].startswith("工作中")


def test_crlf_and_blank_lines_with_spaces() -> None:
    text = "标题一行\r\n \r\n" + BODY.replace("\n", "\r\n")
    assert [k for k, _ in kinds_and_texts(text)] == ["line", "prose"]


def test_wide_lead_lines_next_to_narrow_body_lines() -> None:
    lead = (
        "5月8日上午，北京市工会第十四次代表大会胜利闭幕。北京市委和全国总工会高度重视这次大会，蔡奇\n"
        "同志等市委与全总领导出席了大会开幕式并发表重要讲话，陈吉宁市长为全体代表作了经济形势报告。\n"
        "几天来，大会精神在全市工会干部中引起强烈反响。\n"
    )
    units = split_units(BODY + lead + BODY).units
    assert [u.kind for u in units] == ["prose", "prose", "prose"]
    assert units[1].text.startswith("5月8日") and units[1].text.endswith("强烈反响。")
    assert units[1].width > 1.5 * units[0].width


def test_the_column_width_is_estimated_from_the_page() -> None:
    assert 23 <= split_units(BODY * 3).column <= 26
