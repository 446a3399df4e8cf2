"""The seed's ten reflections re-set in other layouts: the structure must survive.

Pages are built from the expected structure (wrapped at a column width as a PDF
would), so each test says exactly which layout it exercises; the parser must find
the same headline, lead and reflections, with title positions matching the layout.
"""

from __future__ import annotations

import random

import pytest

from desktop.importer import parse_page
from desktop.material import Material

HEADLINE = "新新时时代代 新新时时期期 新新作作为为 新新担担当当"
SUBTITLE = "———北京工会十四大在全市工会干部中引起强烈反响"


def wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def body(reflection: dict, width: int = 24, blank: str = "\n\n") -> str:
    return blank.join(wrap(p, width) for p in reflection["paragraphs"])


def byline(reflection: dict) -> str:
    return f"{reflection['affiliation']} {reflection['author']}"


def page(blocks: list[str], blank: str = "\n\n") -> str:
    return blank.join(blocks) + "\n"


def expected_with(seed_expected: dict, positions: list[str], order: list[int] | None = None) -> dict:
    order = order if order is not None else list(range(len(seed_expected["reflections"])))
    reflections = [dict(seed_expected["reflections"][i], title_position=positions[k]) for k, i in enumerate(order)]
    return {**seed_expected, "reflections": reflections}


def structure(material: Material) -> dict:
    data = material.to_json()
    data.pop("warnings")
    return data


def squeezed(value: object) -> object:
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, list):
        return [squeezed(v) for v in value]
    if isinstance(value, dict):
        return {k: squeezed(v) for k, v in value.items()}
    return value


def build(seed_expected: dict, heading, *, after: bool, blank: str = "\n\n", lead_at: int = 0) -> str:
    blocks = [SUBTITLE, HEADLINE]
    lead = wrap(seed_expected["lead"], 52)
    if lead_at < 0:
        blocks.append(lead)
    for index, reflection in enumerate(seed_expected["reflections"]):
        text = body(reflection, blank=blank)
        blocks += [text, heading(reflection)] if after else [heading(reflection), text]
        if index == lead_at:
            blocks.append(lead)
    return page(blocks, blank)


LAYOUTS = {
    "title-byline": lambda r: f"{r['title']}\n{byline(r)}",
    "byline-title": lambda r: f"{byline(r)}\n{r['title']}",
    "name-first": lambda r: f"{r['title']}\n{r['author']} {r['affiliation']}",
    "one-line": lambda r: f"{r['title']} {byline(r)}",
    "dash-one-line": lambda r: f"{r['title']}——{byline(r)}",
    "name-bracket": lambda r: f"{r['title']}\n{r['author']}（{r['affiliation']}）",
}


@pytest.mark.parametrize("after", [False, True], ids=["before", "after"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_heading_layouts(seed_expected: dict, layout: str, after: bool) -> None:
    text = build(seed_expected, LAYOUTS[layout], after=after)
    position = "after" if after else "before"
    expected = expected_with(seed_expected, [position] * 10)
    assert squeezed(structure(parse_page(text))) == squeezed(expected)


@pytest.mark.parametrize("after", [False, True], ids=["before", "after"])
def test_without_blank_lines_and_with_wrapped_titles(seed_expected: dict, after: bool) -> None:
    def heading(r: dict) -> str:
        title = r["title"] if len(r["title"]) <= 9 else r["title"][:9] + "\n" + r["title"][9:]
        return f"{title}\n{byline(r)}"

    text = build(seed_expected, heading, after=after, blank="\n")
    assert "\n\n" not in text
    expected = expected_with(seed_expected, ["after" if after else "before"] * 10)
    assert squeezed(structure(parse_page(text))) == squeezed(expected)


@pytest.mark.parametrize("seed", range(6))
def test_shuffled_pieces_titles_below_then_above_with_a_far_title(seed_expected: dict, seed: int) -> None:
    """The seed's own pattern with other pieces and switch points: titles below their
    bodies in the first part of the page, above them in the rest, the first piece's
    title at the very end, the lead after the first piece."""
    rng = random.Random(seed)
    order = list(range(10))
    rng.shuffle(order)
    switch = rng.randint(1, 9)
    far = rng.random() < 0.5
    reflections = seed_expected["reflections"]
    blocks = [SUBTITLE, HEADLINE]
    positions = []
    for k, i in enumerate(order):
        heading = f"{reflections[i]['title']}\n{byline(reflections[i])}"
        if k < switch:
            blocks += [body(reflections[i])] + ([] if far and k == 0 else [heading])
            positions.append("far" if far and k == 0 else "after")
        else:
            blocks += [heading, body(reflections[i])]
            positions.append("before")
        if k == 0:
            blocks.append(wrap(seed_expected["lead"], 52))
    if far:
        first = reflections[order[0]]
        blocks.append(f"{first['title']}\n{byline(first)}")
    expected = expected_with(seed_expected, positions, order)
    assert squeezed(structure(parse_page(page(blocks)))) == squeezed(expected)


def test_bodies_meeting_between_a_title_above_and_a_title_below(seed_expected: dict) -> None:
    """Title above one piece, title below the next: the two bodies touch, and the
    content decides where one ends. (Only single-paragraph pieces: where a piece of
    two paragraphs touches another, nothing tells which side its first one is on.)"""
    reflections = [r for r in seed_expected["reflections"] if len(r["paragraphs"]) == 1]
    seed_expected = {**seed_expected, "reflections": reflections}
    blocks = [SUBTITLE, HEADLINE, wrap(seed_expected["lead"], 52)]
    positions = []
    for k, reflection in enumerate(reflections):
        heading = f"{reflection['title']}\n{byline(reflection)}"
        if k % 2 == 0:
            blocks += [heading, body(reflection)]
            positions.append("before")
        else:
            blocks += [body(reflection), heading]
            positions.append("after")
    expected = expected_with(seed_expected, positions)
    assert squeezed(structure(parse_page(page(blocks)))) == squeezed(expected)


def test_lead_at_the_top_set_at_body_width(seed_expected: dict) -> None:
    blocks = [SUBTITLE, HEADLINE, wrap(seed_expected["lead"], 24)]
    for reflection in seed_expected["reflections"]:
        blocks += [body(reflection), LAYOUTS["title-byline"](reflection)]
    expected = expected_with(seed_expected, ["after"] * 10)
    assert squeezed(structure(parse_page(page(blocks)))) == squeezed(expected)


def test_a_dated_impersonal_piece_is_not_taken_for_the_lead(seed_expected: dict) -> None:
    reflections = [dict(r) for r in seed_expected["reflections"]]
    # 薛飞's second paragraph is dated and says neither 我 nor 我们.
    dated = "5月9日，工作中，向劳模学习，立足本职，爱岗敬业，大力弘扬劳模精神。"
    reflections[3] = {**reflections[3], "paragraphs": [dated]}
    data = {**seed_expected, "lead": "", "reflections": reflections}
    blocks = [SUBTITLE, HEADLINE]
    for reflection in reflections:
        blocks += [LAYOUTS["title-byline"](reflection), body(reflection)]
    expected = expected_with(data, ["before"] * 10)
    assert squeezed(structure(parse_page(page(blocks)))) == squeezed(expected)


def test_page_furniture_lines_are_ignored_with_a_warning(seed_expected: dict) -> None:
    text = "北京工人报 2018年5月10日 星期四\n\n" + build(
        seed_expected, LAYOUTS["title-byline"], after=False
    ) + "\n责任编辑：李四\n"
    material = parse_page(text)
    assert squeezed(structure(material)) == squeezed(expected_with(seed_expected, ["before"] * 10))
    assert any("2018年5月10日" in w for w in material.warnings)


def test_a_title_without_recurring_words_is_placed_by_position(seed_expected: dict) -> None:
    reflections = [{**r, "title": f"学习体会之{n}"} for n, r in enumerate(seed_expected["reflections"], 1)]
    data = {**seed_expected, "reflections": reflections}
    text = build(data, LAYOUTS["title-byline"], after=True)
    assert squeezed(structure(parse_page(text))) == squeezed(expected_with(data, ["after"] * 10))
