"""Bylines: affiliation + author in every form the genre uses, and what is not one."""

from __future__ import annotations

import pytest

from desktop.importer.byline import is_credit, name_score, parse_byline


@pytest.mark.parametrize(
    ("line", "affiliation", "author"),
    [
        ("朝阳区劲松街道工会服务站常务副站长 陈亮", "朝阳区劲松街道工会服务站常务副站长", "陈亮"),
        ("陈亮 朝阳区劲松街道工会服务站常务副站长", "朝阳区劲松街道工会服务站常务副站长", "陈亮"),
        ("大兴区总工会 邓  艳", "大兴区总工会", "邓艳"),
        ("大兴区总工会 邓\u3000艳", "大兴区总工会", "邓艳"),
        ("北京市总工会 宣教部部长 张三", "北京市总工会宣教部部长", "张三"),
        ("房山区燕山石化公司工会 欧阳志远", "房山区燕山石化公司工会", "欧阳志远"),
        ("——陈亮", "", "陈亮"),
        ("—— 朝阳区总工会 陈亮", "朝阳区总工会", "陈亮"),
        ("□ 钱丽华", "", "钱丽华"),
        ("陈亮（朝阳区总工会干部）", "朝阳区总工会干部", "陈亮"),
        ("（作者单位：朝阳区总工会）", "朝阳区总工会", ""),
        ("（作者系西城区金融街团工委副书记）", "西城区金融街团工委副书记", ""),
        ("（作者：陈亮 单位：朝阳区总工会）", "朝阳区总工会", "陈亮"),
        ("朝阳区总工会干部陈亮", "朝阳区总工会干部", "陈亮"),
    ],
)
def test_bylines_are_split_into_affiliation_and_author(line: str, affiliation: str, author: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.affiliation, byline.author) == (affiliation, author)
    assert byline.score >= 2.0


@pytest.mark.parametrize(
    "line",
    [
        "以钉钉子精神做实做好各项工作",
        "当好职工的“娘家人”",
        "大会精神是提高业务素质的“教科书”",
        "求真务实服务好职工",
        "把大会精神落到实处",
        "2018年5月10日 星期四",
        "作为基层工会，我们要迅速掀起学习热潮。",
    ],
)
def test_titles_and_sentences_do_not_read_as_bylines(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.score < 1.0


def test_a_post_word_is_not_taken_for_a_name() -> None:
    byline = parse_byline("朝阳区劲松街道工会服务站常务")
    assert byline is not None and byline.author == ""


@pytest.mark.parametrize(
    ("token", "is_name"),
    [
        ("陈亮", True),
        ("欧阳志远", True),
        ("司马云", True),
        ("干部", False),
        ("总工会", False),
        ("常务", False),
        ("a1", False),
    ],
)
def test_name_shape(token: str, is_name: bool) -> None:
    assert (name_score(token) >= 2.0) is is_name


@pytest.mark.parametrize(
    "line", ["本报记者 张文 通讯员 李明", "□本报记者 张文", "本报记者 张文 摄", "文/本报记者 王五", "通讯员 李明"]
)
def test_reporter_credits_are_recognised(line: str) -> None:
    assert is_credit(line)


@pytest.mark.parametrize("line", ["朝阳区总工会 陈亮", "当好职工的“娘家人”", "海淀区融媒体中心记者 张文"])
def test_authors_are_not_credits(line: str) -> None:
    assert not is_credit(line)
