"""Other layouts of the genre, one small page each (tests/fixtures/pages/).

Each test states, as a reader of the page would, what the page holds: headline,
subtitle, lead, and for every reflection its title, affiliation, author, where the
title stood, and how its paragraphs begin and end.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from desktop.importer import parse_file
from desktop.material import Material

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


class Piece(NamedTuple):
    title: str
    affiliation: str
    author: str
    position: str
    paragraphs: tuple[tuple[str, str], ...]  # (opening, ending) of each paragraph


# The pieces the fixture pages are made of, as a reader would describe them.
HAIDIAN = ("把服务送到职工心坎上", "海淀区总工会职工服务中心主任", "刘建国", (("这次大会让我深受鼓舞", "真正把服务送到职工心坎上。"),))
TONGZHOU = ("让技能人才有舞台", "通州区总工会经济技术部副部长", "周敏", (("大会报告提出要大力弘扬工匠精神", "有舞台、有奔头。"),))
BAJIAO = ("做职工信赖的娘家人", "石景山区八角街道总工会常务副主席", "孙丽", (("街道工会离职工最近", "努力做职工信赖的娘家人。"),))
CHANGPING = (
    "小程序里的大服务",
    "昌平区总工会网络工作部干部",
    "马超",
    (("互联网是工会工作的新阵地。", "都可以在手机上完成。"), ("下一步，我们将按照大会要求", "把小程序里的大服务做得更贴心。")),
)
FANGSHAN = ("守护一线职工的安全", "房山区燕山石化公司工会劳动保护部部长", "欧阳志远", (("安全生产是职工最大的福利。", "安全与健康。"),))
MENTOUGOU = ("建好户外劳动者驿站", "门头沟区总工会权益保障部干部", "邓艳", (("夏天送清凉，冬天送温暖", "累了能歇脚。"),))
YANQING = ("为新就业形态劳动者撑腰", "延庆区总工会组织部部长", "王东", (("大会提出要把新就业形态劳动者", "为新就业形态劳动者撑腰。"),))
HUAIROU = ("当好产业工人的贴心人", "怀柔区汽车产业园工会主席", "赵晓东", (("怀柔汽车产业园有一万多名产业工人。", "当好产业工人的贴心人。"),))
WANGFUJING = ("春风化雨润心田", "东城区王府井商圈联合工会主席", "钱丽华", (("王府井商圈的营业员大多是年轻女职工", "把这件事做得更细更实。"),))
JINRONGJIE = ("青年职工要敢挑重担", "西城区金融街团工委副书记", "司马云", (("作为一名青年干部", "在岗位上建功立业。"),))


def piece(base: tuple, position: str, **changes: str) -> Piece:
    title, affiliation, author, paragraphs = base
    values = {"title": title, "affiliation": affiliation, "author": author, **changes}
    return Piece(values["title"], values["affiliation"], values["author"], position, paragraphs)


def parse(name: str) -> Material:
    return parse_file(PAGES / name)


def assert_pieces(material: Material, expected: list[Piece]) -> None:
    got = [
        (r.title, r.affiliation, r.author, r.title_position, len(r.paragraphs)) for r in material.reflections
    ]
    assert got == [(p.title, p.affiliation, p.author, p.position, len(p.paragraphs)) for p in expected]
    for reflection, piece_ in zip(material.reflections, expected):
        for text, (opening, ending) in zip(reflection.paragraphs, piece_.paragraphs):
            assert text.startswith(opening), text
            assert text.endswith(ending), text
            assert " " not in text and "\n" not in text  # unwrapped, PDF spaces gone


def test_byline_before_the_title() -> None:
    material = parse("byline_before_title.txt")
    assert material.headline == "立足岗位 建功新时代"
    assert material.subtitle == "首都职工热议北京工会十四大精神"
    assert material.lead == ""
    assert_pieces(material, [piece(HAIDIAN, "before"), piece(TONGZHOU, "before"), piece(BAJIAO, "before")])


def test_name_first_bylines_after_the_bodies() -> None:
    material = parse("name_first.txt")
    assert material.headline == "新征程 新奋斗"  # doubled bold type, undoubled
    assert material.subtitle == "基层工会干部畅谈学习体会"
    assert_pieces(material, [piece(CHANGPING, "after"), piece(FANGSHAN, "after"), piece(MENTOUGOU, "after")])


def test_dash_bylines_closing_each_body() -> None:
    material = parse("dash_bylines.txt")
    assert material.headline == "把大会精神落到实处"
    assert material.subtitle == ""
    assert_pieces(
        material,
        [
            piece(YANQING, "before"),
            piece(HUAIROU, "before"),  # ——赵晓东（怀柔区汽车产业园工会主席）
            piece(TONGZHOU, "before", affiliation=""),  # —— 周敏: a name only
        ],
    )


def test_bracketed_affiliations_after_the_bodies_and_names_under_the_titles() -> None:
    material = parse("bracket_bylines.txt")
    assert material.headline == "学习贯彻大会精神 争做新时代奋斗者"
    assert_pieces(
        material,
        [
            piece(WANGFUJING, "before", affiliation="东城区王府井商圈联合工会"),  # （作者单位：…）
            piece(JINRONGJIE, "before"),  # （作者系西城区金融街团工委副书记）
            piece(BAJIAO, "before", affiliation="石景山区八角街道总工会"),
        ],
    )


def test_title_and_byline_on_one_line() -> None:
    material = parse("one_line_heading.txt")
    assert material.headline == "工会干部谈体会"
    assert_pieces(material, [piece(HAIDIAN, "before"), piece(TONGZHOU, "before"), piece(MENTOUGOU, "before")])


def test_paragraphs_marked_by_full_width_indents_without_blank_lines() -> None:
    text = (PAGES / "indented_paragraphs.txt").read_text(encoding="utf-8")
    assert "\n\n" not in text and "\u3000\u3000" in text
    material = parse("indented_paragraphs.txt")
    assert material.headline == "奋进新征程 建功新时代"
    assert material.subtitle == "基层工会干部学习大会精神有感"
    assert_pieces(material, [piece(CHANGPING, "before"), piece(YANQING, "before"), piece(HUAIROU, "before")])


def test_crlf_line_ends() -> None:
    assert b"\r\n" in (PAGES / "crlf.txt").read_bytes()
    material = parse("crlf.txt")
    assert material.headline == "聚力新征程 奋进新时代"
    assert material.subtitle == "职工代表热议工会大会"
    assert_pieces(
        material, [piece(WANGFUJING, "after"), piece(JINRONGJIE, "after"), piece(FANGSHAN, "after")]
    )
    assert not any("\r" in p for r in material.reflections for p in r.paragraphs)


def test_reporter_credits_are_not_reflections() -> None:
    material = parse("reporter_credits.txt")
    assert material.headline == "首都工会干部热议大会精神"
    assert material.lead.startswith("本报讯")
    assert material.lead.endswith("要把大会精神落实到服务职工的具体行动中。")
    assert_pieces(material, [piece(HAIDIAN, "before"), piece(MENTOUGOU, "before"), piece(HUAIROU, "before")])
    everything = repr(material.to_json())
    assert "张文" not in everything and "李明" not in everything


def test_pieces_without_titles_keep_their_bylines() -> None:
    material = parse("untitled_pieces.txt")
    assert material.headline == "心声"
    assert_pieces(
        material,
        [
            piece(BAJIAO, "before", title=""),
            piece(YANQING, "before", title=""),
            piece(WANGFUJING, "before", title=""),
        ],
    )
    assert sum("no title" in w for w in material.warnings) == 3


def test_two_character_names_padded_to_three() -> None:
    text = (PAGES / "padded_names.txt").read_text(encoding="utf-8")
    assert "邓  艳" in text and "王\u3000东" in text
    material = parse("padded_names.txt")
    assert material.headline == "新时代 新担当"
    assert_pieces(material, [piece(MENTOUGOU, "after"), piece(YANQING, "after"), piece(HAIDIAN, "after")])


def test_pdf_viewer_copy_without_blank_lines_and_with_wrapped_titles_and_bylines() -> None:
    text = (PAGES / "pdf_viewer_copy.txt").read_text(encoding="utf-8")
    assert "\n\n" not in text and "为新就业形态劳动者\n撑腰" in text and "工\n会主席 赵晓东" in text
    material = parse("pdf_viewer_copy.txt")
    assert material.headline == "凝心聚力谱新篇"
    assert material.subtitle == "首都职工学习大会精神"
    assert_pieces(material, [piece(YANQING, "after"), piece(HUAIROU, "after"), piece(FANGSHAN, "after")])
    assert material.warnings == ()


def test_page_without_reflections_is_one_untitled_piece_with_a_warning() -> None:
    material = parse("no_reflections.txt")
    assert material.headline == "全市职工技能大赛落幕"
    assert len(material.reflections) == 1
    (only,) = material.reflections
    assert (only.title, only.author, only.affiliation, only.title_position) == ("", "", "", "none")
    assert [p[:5] for p in only.paragraphs] == ["本报讯经过", "据了解，本", "大赛组委会"]
    assert any("No titles or bylines" in w for w in material.warnings)


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.txt")))
def test_no_body_text_is_lost(name: str) -> None:
    """Paragraphs are the page's own text, and every sentence of it is somewhere."""
    material = parse(name)
    source = "".join((PAGES / name).read_text(encoding="utf-8").split())
    texts = [p for r in material.reflections for p in r.paragraphs]
    texts += [material.lead] if material.lead else []
    for text in texts:
        assert "".join(text.split()) in source
    assert sum(text.count("。") for text in texts) == source.count("。")
