"""Reading runs of short lines as headings: title + byline in any order, wrapped, joined."""

from __future__ import annotations

import pytest

from desktop.importer.classify import Heading, lead_score, segment_headings, title_score
from desktop.importer.blocks import split_units


def read(*lines: str) -> list[tuple[str, str, str] | str]:
    items, _ = segment_headings(list(enumerate(lines)))
    return [
        (item.title, item.affiliation, item.author) if isinstance(item, Heading) else f"junk:{item.text}"
        for item in items
    ]


def test_title_then_byline() -> None:
    assert read("求真务实服务好职工", "丰台长辛店镇总工会主席 杨金花") == [
        ("求真务实服务好职工", "丰台长辛店镇总工会主席", "杨金花")
    ]


def test_byline_then_title() -> None:
    assert read("丰台长辛店镇总工会主席 杨金花", "求真务实服务好职工") == [
        ("求真务实服务好职工", "丰台长辛店镇总工会主席", "杨金花")
    ]


def test_two_headings_in_a_row_pair_up_in_order() -> None:
    assert read(
        "大会精神是提高业务素质的“教科书”", "密云区总工会干部 兰丽英", "第一时间搜集整理大会材料", "平谷区总工会组宣部 于荣雪"
    ) == [
        ("大会精神是提高业务素质的“教科书”", "密云区总工会干部", "兰丽英"),
        ("第一时间搜集整理大会材料", "平谷区总工会组宣部", "于荣雪"),
    ]


def test_wrapped_title_and_wrapped_byline_are_rejoined() -> None:
    assert read("以钉钉子精神做实", "做好各项工作", "朝阳区劲松街道工会服务站常务", "副站长 陈亮") == [
        ("以钉钉子精神做实做好各项工作", "朝阳区劲松街道工会服务站常务副站长", "陈亮")
    ]


def test_a_short_line_is_not_the_first_half_of_a_wrapped_byline() -> None:
    assert read("为新就业形态劳动者", "撑腰", "延庆区总工会组织部部长 王东") == [
        ("为新就业形态劳动者撑腰", "延庆区总工会组织部部长", "王东")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "以钉钉子精神做实做好各项工作 朝阳区劲松街道工会服务站常务副站长 陈亮",
        "以钉钉子精神做实做好各项工作——朝阳区劲松街道工会服务站常务副站长 陈亮",
    ],
)
def test_title_and_byline_on_one_line(line: str) -> None:
    assert read(line) == [("以钉钉子精神做实做好各项工作", "朝阳区劲松街道工会服务站常务副站长", "陈亮")]


def test_byline_alone_makes_an_untitled_heading() -> None:
    assert read("密云区总工会干部 兰丽英") == [("", "密云区总工会干部", "兰丽英")]


def test_page_furniture_is_junk() -> None:
    assert read("2018年5月10日 星期四", "求真务实服务好职工", "丰台长辛店镇总工会主席 杨金花") == [
        "junk:2018年5月10日 星期四",
        ("求真务实服务好职工", "丰台长辛店镇总工会主席", "杨金花"),
    ]


def test_titles_score_above_bylines_and_sentences() -> None:
    title = title_score("当好职工的“娘家人”")
    assert title > title_score("大兴区总工会组宣部副部长 薛飞")
    assert title > title_score("大会的召开让我备受鼓舞。作为基层工会工作者")
    assert title > title_score("朝阳区劲松街道工会")


def test_lead_scores_above_a_reflection_paragraph() -> None:
    lead = split_units(
        "5月8日上午，北京市工会第十四次代表大会胜利闭幕。首都广大职工和工会干部深受鼓舞，倍感振奋。\n"
    ).units[0]
    body = split_units("作为基层工会，我们要迅速掀起学习贯彻大会精神的高潮，我一定做好本职工作。\n").units[0]
    assert lead_score(lead, 24.0, 0.1) >= 3.0
    assert lead_score(body, 24.0, 0.1) < 0.0


def test_empty_run_reads_as_nothing_and_punctuation_as_junk() -> None:
    assert segment_headings([]) == ([], 0.0)
    assert read("。") == ["junk:。"]
