"""The import review's operations: each correction, its refusals, and that no text is lost."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from desktop.importer import review
from desktop.importer.review import ReviewError, ReviewIndexError
from desktop.material import Material, Reflection


def material_from_expected(expected: dict, *, warnings: tuple[str, ...] = ()) -> Material:
    return Material(
        headline=expected["headline"],
        subtitle=expected["subtitle"],
        lead=expected["lead"],
        reflections=tuple(
            Reflection(
                title=r["title"],
                author=r["author"],
                affiliation=r["affiliation"],
                paragraphs=tuple(r["paragraphs"]),
                title_position=r["title_position"],
            )
            for r in expected["reflections"]
        ),
        warnings=warnings,
        source_text="原始页面文字",
    )


@pytest.fixture
def seed(seed_expected: dict) -> Material:
    return material_from_expected(seed_expected, warnings=("A title stood far from its body.",))


def untitled(*paragraphs: str) -> Reflection:
    return Reflection(title="", author="", affiliation="", paragraphs=paragraphs)


def titled(title: str, author: str, affiliation: str, *paragraphs: str) -> Reflection:
    return Reflection(title, author, affiliation, paragraphs, title_position="before")


def small(*reflections: Reflection, lead: str = "导语") -> Material:
    return Material(headline="标题", subtitle="副题", lead=lead, reflections=reflections)


def text_counter(material: Material) -> Counter[str]:
    """Every non-blank character a user could read on the page, as a multiset."""
    parts = [material.headline, material.subtitle, material.lead]
    for r in material.reflections:
        parts += [r.title, r.byline, *r.paragraphs]
    return Counter(ch for ch in "".join(parts) if not ch.isspace())


# --- edits -------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["headline", "subtitle", "lead"])
def test_edit_header_changes_only_that_field(seed: Material, field: str) -> None:
    edited = review.edit_header(seed, field, "  改正后的文字 ")
    assert getattr(edited, field) == "改正后的文字"
    for other in {"headline", "subtitle", "lead"} - {field}:
        assert getattr(edited, other) == getattr(seed, other)
    assert edited.reflections == seed.reflections
    assert getattr(seed, field) != "改正后的文字"  # the original value is untouched


def test_edit_header_refuses_unknown_field(seed: Material) -> None:
    with pytest.raises(ReviewError, match="not a header field"):
        review.edit_header(seed, "title", "x")


@pytest.mark.parametrize("field", ["title", "author", "affiliation"])
def test_edit_reflection_changes_one_field_of_one_reflection(seed: Material, field: str) -> None:
    edited = review.edit_reflection(seed, 2, field, "新值")
    assert getattr(edited.reflections[2], field) == "新值"
    assert edited.reflections[2].paragraphs == seed.reflections[2].paragraphs
    assert edited.reflections[:2] == seed.reflections[:2]
    assert edited.reflections[3:] == seed.reflections[3:]


def test_edit_reflection_refuses_bad_index_and_field(seed: Material) -> None:
    with pytest.raises(ReviewIndexError, match="no reflection number 11; the page has 10"):
        review.edit_reflection(seed, 10, "title", "x")
    with pytest.raises(IndexError):
        review.edit_reflection(seed, -1, "title", "x")
    with pytest.raises(ReviewError, match="not a field of a reflection"):
        review.edit_reflection(seed, 0, "paragraphs", "x")


def test_typing_a_title_for_an_untitled_body_places_it_before_the_body() -> None:
    material = small(untitled("正文"))
    edited = review.edit_reflection(material, 0, "title", "新标题")
    assert edited.reflections[0].title_position == "before"
    cleared = review.edit_reflection(edited, 0, "title", "")
    assert cleared.reflections[0].title_position == "none"


def test_edit_paragraphs_trims_and_leaves_out_blank_paragraphs(seed: Material) -> None:
    edited = review.edit_paragraphs(seed, 0, [" 第一段 ", "", "   ", "第二段"])
    assert edited.reflections[0].paragraphs == ("第一段", "第二段")
    assert edited.reflections[0].title == seed.reflections[0].title
    with pytest.raises(TypeError):
        review.edit_paragraphs(seed, 0, "一整段")


# --- merge -------------------------------------------------------------------------------


def test_merge_untitled_piece_into_previous_titled_one() -> None:
    material = small(
        titled("标题甲", "张三", "某工会", "甲一"),
        untitled("甲二"),
        titled("乙", "李四", "", "乙一"),
    )
    merged = review.merge_with_previous(material, 1)
    assert len(merged.reflections) == 2
    assert merged.reflections[0] == titled("标题甲", "张三", "某工会", "甲一", "甲二")
    assert merged.reflections[1] == material.reflections[2]


def test_merge_keeps_the_title_of_the_second_when_only_it_has_one() -> None:
    second = Reflection("标题乙", "李四", "某单位", ("乙二",), title_position="after")
    material = small(untitled("乙一"), second)
    merged = review.merge_with_next(material, 0)
    assert merged.reflections == (
        Reflection("标题乙", "李四", "某单位", ("乙一", "乙二"), title_position="after"),
    )


def test_merge_of_two_titled_pieces_turns_the_second_title_and_byline_into_paragraphs() -> None:
    material = small(
        titled("标题甲", "张三", "某工会", "甲一"), titled("标题乙", "李四", "某单位", "乙一")
    )
    merged = review.merge_with_previous(material, 1)
    only = merged.reflections[0]
    assert (only.title, only.author, only.affiliation) == ("标题甲", "张三", "某工会")
    assert only.paragraphs == ("甲一", "标题乙", "某单位 李四", "乙一")


def test_merge_refuses_the_edges(seed: Material) -> None:
    with pytest.raises(ReviewError, match="first reflection has no previous"):
        review.merge_with_previous(seed, 0)
    with pytest.raises(ReviewError, match="last reflection has no next"):
        review.merge_with_next(seed, 9)
    with pytest.raises(ReviewIndexError):
        review.merge_with_next(seed, 10)


def test_merge_with_next_equals_merge_of_the_next_with_previous(seed: Material) -> None:
    assert review.merge_with_next(seed, 3) == review.merge_with_previous(seed, 4)


# --- split -------------------------------------------------------------------------------


def test_split_before_a_paragraph_makes_an_untitled_second_piece(seed: Material) -> None:
    assert len(seed.reflections[3].paragraphs) == 2
    result = review.split(seed, 3, 1)
    assert len(result.reflections) == 11
    first, second = result.reflections[3], result.reflections[4]
    assert first.title == seed.reflections[3].title
    assert first.paragraphs == seed.reflections[3].paragraphs[:1]
    assert second == Reflection("", "", "", seed.reflections[3].paragraphs[1:], "none")
    assert result.reflections[5] == seed.reflections[4]


def test_split_refuses_cuts_that_leave_a_part_without_body(seed: Material) -> None:
    with pytest.raises(ReviewError, match="first part without a body"):
        review.split(seed, 3, 0)
    with pytest.raises(ReviewIndexError, match="no paragraph number 3; it has 2"):
        review.split(seed, 3, 2)


def test_split_at_text_cuts_inside_a_paragraph_and_trims_the_cut() -> None:
    material = small(titled("合稿", "王五", "", "前一篇结尾。 后一篇开头，继续。", "后一篇第二段"))
    result = review.split_at_text(material, 0, 0, len("前一篇结尾。"))
    assert [r.paragraphs for r in result.reflections] == [
        ("前一篇结尾。",),
        ("后一篇开头，继续。", "后一篇第二段"),
    ]
    assert result.reflections[0].title == "合稿"
    assert result.reflections[1].title_position == "none"


def test_split_at_text_at_paragraph_edges_splits_between_paragraphs() -> None:
    material = small(untitled("一段", "二段", "三段"))
    at_start = review.split_at_text(material, 0, 1, 0)
    at_end = review.split_at_text(material, 0, 0, 2)
    expected = [("一段",), ("二段", "三段")]
    assert [r.paragraphs for r in at_start.reflections] == expected
    assert [r.paragraphs for r in at_end.reflections] == expected


def test_split_at_text_refuses_edges_of_the_whole_body_and_bad_offsets() -> None:
    material = small(untitled("一段", "二段"))
    with pytest.raises(ReviewError, match="first part without a body"):
        review.split_at_text(material, 0, 0, 0)
    with pytest.raises(ReviewError, match="second part without a body"):
        review.split_at_text(material, 0, 1, 2)
    with pytest.raises(ReviewIndexError, match="outside paragraph 1"):
        review.split_at_text(material, 0, 0, 3)


# --- lead --------------------------------------------------------------------------------


def test_mark_as_lead_keeps_the_old_lead_as_an_untitled_piece_at_that_position() -> None:
    material = small(
        titled("甲", "张三", "", "甲一"), untitled("真正的导语", "第二句"), lead="旧导语"
    )
    result = review.mark_as_lead(material, 1)
    assert result.lead == "真正的导语\n第二句"
    assert result.reflections == (material.reflections[0], untitled("旧导语"))


def test_mark_as_lead_without_previous_lead_removes_the_emptied_piece() -> None:
    material = small(untitled("真正的导语"), titled("甲", "张三", "", "甲一"), lead="")
    result = review.mark_as_lead(material, 0)
    assert result.lead == "真正的导语"
    assert result.reflections == (material.reflections[1],)


def test_mark_as_lead_of_a_titled_piece_leaves_its_title_in_place() -> None:
    material = small(titled("误配标题", "张三", "某工会", "导语文字"), untitled("甲一"), lead="")
    result = review.mark_as_lead(material, 0)
    assert result.lead == "导语文字"
    assert result.reflections[0] == titled("误配标题", "张三", "某工会")
    # ... from where the user gives it to its body: the emptied title-only piece goes away.
    fixed = review.move_byline(result, 0, 1)
    assert fixed.reflections == (titled("误配标题", "张三", "某工会", "甲一"),)


def test_mark_as_lead_refuses_a_piece_without_body() -> None:
    with pytest.raises(ReviewError, match="no body to use as the lead"):
        review.mark_as_lead(small(titled("甲", "张三", "")), 0)


def test_lead_to_reflection_and_back(seed: Material) -> None:
    moved = review.lead_to_reflection(seed)
    assert moved.lead == ""
    assert moved.reflections[0] == untitled(seed.lead)
    assert moved.reflections[1:] == seed.reflections
    assert review.mark_as_lead(moved, 0) == seed
    with pytest.raises(ReviewError, match="no lead"):
        review.lead_to_reflection(moved)


# --- bylines -----------------------------------------------------------------------------


def test_move_byline_swaps_titles_and_bylines(seed: Material) -> None:
    result = review.move_byline(seed, 0, 4)
    for i, j in ((0, 4), (4, 0)):
        assert result.reflections[j].title == seed.reflections[i].title
        assert result.reflections[j].author == seed.reflections[i].author
        assert result.reflections[j].affiliation == seed.reflections[i].affiliation
        assert result.reflections[j].title_position == seed.reflections[i].title_position
        assert result.reflections[i].paragraphs == seed.reflections[i].paragraphs


def test_move_byline_to_an_untitled_body_drops_a_title_only_source() -> None:
    material = small(
        titled("远处的标题", "张三", "某工会"), titled("乙", "李四", "", "乙一"), untitled("甲一")
    )
    result = review.move_byline(material, 0, 2)
    assert result.reflections == (
        material.reflections[1],
        titled("远处的标题", "张三", "某工会", "甲一"),
    )
    assert review.index_after_move(material, 0, 2) == 1
    assert review.index_after_move(material, 2, 1) == 1


def test_move_byline_refusals(seed: Material) -> None:
    with pytest.raises(ReviewError, match="already belong to"):
        review.move_byline(seed, 1, 1)
    no_title = review.lead_to_reflection(seed)
    with pytest.raises(ReviewError, match="Reflection 1 has no title or byline"):
        review.move_byline(no_title, 0, 1)
    with pytest.raises(ReviewIndexError):
        review.move_byline(seed, 0, 10)


# --- editor text -------------------------------------------------------------------------


def test_paragraph_text_round_trip(seed: Material) -> None:
    paragraphs = seed.reflections[3].paragraphs
    text = review.paragraphs_to_text(paragraphs)
    assert text.count("\n\n") == 1
    assert review.paragraphs_from_text(text) == paragraphs
    assert review.paragraphs_from_text("一段\n二段\n\n\n  三段 \n") == ("一段", "二段", "三段")


def test_locate_in_text_maps_cursor_to_paragraph_and_offset() -> None:
    text = "一二三\n\n  四五六\n"
    assert review.locate_in_text(text, 0) == (0, 0)
    assert review.locate_in_text(text, 2) == (0, 2)
    assert review.locate_in_text(text, 3) == (0, 3)
    assert review.locate_in_text(text, 4) == (1, 0)  # the blank line: before the next one
    assert review.locate_in_text(text, 8) == (1, 1)  # after "  四"
    assert review.locate_in_text(text, len(text)) == (1, 3)
    with pytest.raises(ReviewError):
        review.locate_in_text("\n \n", 1)


def test_opening_words_are_short_and_marked_when_cut(seed: Material) -> None:
    words = review.opening_words(seed.reflections[0])
    assert words == seed.reflections[0].paragraphs[0][:30] + "…"
    assert review.opening_words(untitled("短")) == "短"


# --- nothing is lost ---------------------------------------------------------------------

STRUCTURAL_OPS = (
    "merge_with_previous",
    "merge_with_next",
    "split",
    "split_at_text",
    "mark_as_lead",
    "lead_to_reflection",
    "move_byline",
)


def random_step(material: Material, rng: random.Random) -> Material:
    """One random structural operation; refused ones must leave the input unchanged."""
    op = rng.choice(STRUCTURAL_OPS)
    n = len(material.reflections)
    i = rng.randrange(n) if n else 0
    args: tuple[int, ...]
    if op in ("merge_with_previous", "merge_with_next", "mark_as_lead"):
        args = (i,)
    elif op == "split":
        args = (i, rng.randrange(max(1, len(material.reflections[i].paragraphs) if n else 1)))
    elif op == "split_at_text":
        paragraphs = material.reflections[i].paragraphs if n else ("",)
        p = rng.randrange(max(1, len(paragraphs)))
        args = (i, p, rng.randint(0, len(paragraphs[p]) if paragraphs else 0))
    elif op == "move_byline":
        args = (i, rng.randrange(n) if n else 0)
    else:
        args = ()
    try:
        return getattr(review, op)(material, *args)
    except (ValueError, IndexError):
        return material


@pytest.mark.parametrize("seed_number", range(8))
def test_no_structural_operation_loses_text(seed: Material, seed_number: int) -> None:
    rng = random.Random(seed_number)
    expected = text_counter(seed)
    material = seed
    shapes = set()
    for _ in range(150):
        material = random_step(material, rng)
        assert text_counter(material) == expected
        assert material.warnings == seed.warnings
        assert material.source_text == seed.source_text
        assert all(not review.is_empty(r) for r in material.reflections)
        shapes.add(len(material.reflections))
    assert len(shapes) > 3  # the walk really changed the structure


def test_review_errors_are_user_messages_with_codes(seed: Material) -> None:
    from desktop.errors import StudyNotesError

    with pytest.raises(StudyNotesError) as caught:
        review.merge_with_previous(seed, 0)
    assert caught.value.code == "review-no-previous"
    with pytest.raises(StudyNotesError) as caught:
        review.split(seed, 0, 5)
    assert caught.value.code == "review-index"
