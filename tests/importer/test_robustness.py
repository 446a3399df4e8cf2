"""parse_page never raises on text, however odd; the strict core is tested directly.

``desktop.importer.parse.recognise`` is the recogniser without the package's last
safety net, so a crash here is a real bug rather than a silently degraded import.
"""

from __future__ import annotations

import random

import pytest

from desktop.importer import parse_page
from desktop.importer.parse import recognise
from desktop.material import Material

CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
PUNCT = list("，。；！？、：“”‘’——（）《》【】…·") + [" ", "\u3000", "\n", "\n\n", "\r\n", "\t"]
ASCII = list("abcXYZ0123 .,;:!?-()'\"\n")


def random_text(rng: random.Random, pool: list[str], length: int) -> str:
    return "".join(rng.choice(pool) for _ in range(length))


def check(text: str) -> Material:
    material = recognise(text)
    assert parse_page(text) == material  # the public function adds nothing on top
    assert isinstance(material, Material)
    assert material.source_text == text
    for reflection in material.reflections:
        assert reflection.title_position in ("before", "after", "far", "none")
        assert all(isinstance(p, str) and p for p in reflection.paragraphs)
    return material


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\r\r\r",
        "\u3000\u3000",
        "。",
        "。。。，，，！！！",
        "——",
        "————————————",
        "（）",
        "a",
        "标题",
        "新新时时代代",
        "本报记者 张三",
        "（作者单位：）",
        "——陈亮",
        "朝阳区总工会 陈亮\n朝阳区总工会 陈亮\n朝阳区总工会 陈亮",
        "\x00\x01\x02 binary-looking text",
        "𠀀𠀁𠀂 supplementary ideographs 𠀃",
    ],
)
def test_odd_small_inputs(text: str) -> None:
    check(text)


@pytest.mark.parametrize("seed", range(30))
def test_random_text(seed: int) -> None:
    rng = random.Random(seed)
    pool = rng.choice([CJK + PUNCT, ASCII, CJK + PUNCT + ASCII, PUNCT, CJK[:5] + ["\n"]])
    check(random_text(rng, pool, rng.randint(1, 3000)))


def test_one_very_long_line() -> None:
    material = check("工会干部，" * 5000)
    assert len(material.reflections) == 1


def test_ten_thousand_lines() -> None:
    material = check("\n".join(f"第{i}行文字" for i in range(10_000)))
    assert sum(len(r.paragraphs) for r in material.reflections) >= 1


def test_ten_thousand_lines_of_headings_and_bodies() -> None:
    rng = random.Random(7)
    lines = [
        rng.choice(["朝阳区总工会干部 陈亮", "求真务实服务好职工", "我们要做好服务，当好娘家人。", ""])
        for _ in range(10_000)
    ]
    check("\n".join(lines))


def test_page_without_text_has_no_reflections_and_says_so() -> None:
    material = parse_page("   \n\n ")
    assert material.reflections == ()
    assert material.warnings


def test_parse_page_is_the_same_as_the_core_on_a_normal_page(seed_path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert parse_page(text) == recognise(text)
