"""Highlights (标注) stay on their words when a reflection's text is corrected.

Every case is one a reader would notice: the highlight still covers the same words, or
is honestly reported as detached; it never jumps onto other words and is never lost.
The texts are the seed page's reflections.
"""

from __future__ import annotations

import json
import random

import pytest

from desktop.anchoring import (
    CONTEXT,
    Anchor,
    AnchorError,
    Placement,
    anchor_at,
    make_anchor,
    reattach,
    reattach_all,
)
from desktop.errors import StudyNotesError

CRAFTSMAN = "劳模精神、劳动精神、工匠精神"


@pytest.fixture(scope="module")
def reflections(seed_expected: dict) -> list[tuple[str, ...]]:
    return [tuple(r["paragraphs"]) for r in seed_expected["reflections"]]


@pytest.fixture(scope="module")
def hotel(reflections: list[tuple[str, ...]]) -> str:
    """The one paragraph of 践行劳模精神劳动精神工匠精神 (王霞)."""
    (paragraph,) = reflections[0]
    assert CRAFTSMAN in paragraph
    return paragraph


def anchor_on(paragraphs, quote: str, paragraph: int = 0, occurrence: int = 0) -> Anchor:
    """Anchor the n-th occurrence of ``quote`` in a paragraph, as a user's selection would."""
    text = paragraphs[paragraph]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return make_anchor(paragraphs, paragraph, start, start + len(quote))


def placed_text(paragraphs, placement: Placement) -> str:
    return paragraphs[placement.paragraph][placement.start : placement.end]


# --- the text did not change, or changed elsewhere -----------------------------------------------


def test_unchanged_text_reattaches_by_position(hotel: str) -> None:
    paragraphs = (hotel,)
    anchor = anchor_on(paragraphs, CRAFTSMAN)

    placement = reattach(anchor, paragraphs)

    assert placement == Placement(0, anchor.start, anchor.end, "position", 1.0)


def test_text_inserted_before_the_quote_in_its_paragraph(hotel: str) -> None:
    anchor = anchor_on((hotel,), CRAFTSMAN)
    inserted = "（本报记者整理）"
    cut = hotel.index("大会的召开")
    corrected = (hotel[:cut] + inserted + hotel[cut:],)

    placement = reattach(anchor, corrected)

    assert placement is not None
    assert placement.method == "exact"
    assert (placement.paragraph, placement.start) == (0, anchor.start + len(inserted))
    assert placed_text(corrected, placement) == CRAFTSMAN


def test_text_inserted_right_before_the_quote_is_not_highlighted(hotel: str) -> None:
    """An insertion touching the quote changes its context, not the highlighted words."""
    anchor = anchor_on((hotel,), "工匠精神")
    at = anchor.start
    corrected = (hotel[:at] + "和" + hotel[at:],)

    placement = reattach(anchor, corrected)

    assert placement is not None
    assert placed_text(corrected, placement) == "工匠精神"
    assert placement.start == anchor.start + 1


def test_paragraph_inserted_before_shifts_the_highlight(reflections) -> None:
    paragraphs = reflections[3]
    anchor = anchor_on(paragraphs, "向劳模学习", paragraph=1)
    corrected = (paragraphs[0], "（编者按：以下为发言摘要。）", paragraphs[1])

    placement = reattach(anchor, corrected)

    assert placement == Placement(2, anchor.start, anchor.end, "exact", 1.0)


def test_paragraphs_reordered(reflections) -> None:
    paragraphs = reflections[3]
    first = anchor_on(paragraphs, "聚焦职工需求，维护职工权益", paragraph=0)
    whole_second = make_anchor(paragraphs, 1, 0, len(paragraphs[1]))
    reordered = (paragraphs[1], paragraphs[0])

    placements = reattach_all([first, whole_second], reordered)

    assert [p.paragraph if p else None for p in placements] == [1, 0]
    assert placed_text(reordered, placements[0]) == "聚焦职工需求，维护职工权益"
    assert placed_text(reordered, placements[1]) == paragraphs[1]
    assert {p.method for p in placements if p} == {"exact"}


def test_short_paragraph_highlighted_whole_follows_its_paragraph(reflections) -> None:
    first, second = reflections[3]
    paragraphs = (first, "当好娘家人", second)
    anchor = make_anchor(paragraphs, 1, 0, 5)
    reordered = ("当好娘家人", first, second)

    assert reattach(anchor, reordered) == Placement(0, 0, 5, "exact", 1.0)


def test_sentence_moved_to_another_place_keeps_its_highlight(hotel: str) -> None:
    sentence = "我相信，我们基层工会每个小小的点，终会聚成亮亮的光。"
    anchor = anchor_on((hotel,), sentence)
    moved = (sentence + hotel.replace(sentence, ""),)

    assert reattach(anchor, moved) == Placement(0, 0, len(sentence), "exact", 1.0)


# --- the quote occurs more than once ------------------------------------------------------------


def test_duplicate_of_the_quote_inserted_before_does_not_capture_it(
    hotel: str, reflections
) -> None:
    """Another reflection's sentence with the same three spirits is pasted in front:
    the highlight stays on the occurrence whose context it remembers."""
    anchor = anchor_on((hotel,), CRAFTSMAN)
    pasted = reflections[3][1]
    assert CRAFTSMAN in pasted
    corrected = (pasted, hotel)

    placement = reattach(anchor, corrected)

    assert placement == Placement(1, anchor.start, anchor.end, "exact", 1.0)


def test_second_of_three_occurrences_keeps_its_place(reflections) -> None:
    """北京工会十四大精神 occurs three times; text added at the start shifts all of them,
    so the old offsets now point between occurrences and the context must decide."""
    (paragraph,) = reflections[6]
    quote = "北京工会十四大精神"
    assert paragraph.count(quote) == 3
    anchor = anchor_on((paragraph,), quote, occurrence=1)
    corrected = ("本报讯　" + paragraph,)

    placement = reattach(anchor, corrected)

    assert placement is not None
    assert placement.method == "exact"
    assert placement.start == anchor.start + 4
    assert placed_text(corrected, placement) == quote


def test_edit_inside_the_quote_does_not_move_it_to_an_identical_phrase(reflections) -> None:
    """The highlighted 北京工会十四大精神 is reworded in place while identical copies
    remain elsewhere: the highlight follows its own, edited, words."""
    (paragraph,) = reflections[6]
    anchor = anchor_on((paragraph,), "北京工会十四大精神", occurrence=1)
    corrected = (paragraph.replace("将北京工会十四大精神", "将北京工会十四大的精神"),)

    placement = reattach(anchor, corrected)

    assert placement is not None
    assert placement.method == "fuzzy"
    assert placement.start == anchor.start
    assert placed_text(corrected, placement) == "北京工会十四大的精神"


# --- the quote itself was corrected ----------------------------------------------------------


def test_typo_fixed_inside_the_quote_places_it_on_the_corrected_words(hotel: str) -> None:
    with_typo = hotel.replace("工匠精神。", "工匠情神。")
    anchor = anchor_on((with_typo,), "积极践行劳模精神、劳动精神、工匠情神")
    corrected = (hotel,)

    placement = reattach(anchor, corrected)

    assert placement is not None
    assert placement.method == "fuzzy"
    assert (placement.start, placement.end) == (anchor.start, anchor.end)
    assert placed_text(corrected, placement) == "积极践行劳模精神、劳动精神、工匠精神"
    assert 0.9 < placement.score < 1.0


def test_typo_fixed_in_a_four_character_quote(hotel: str) -> None:
    with_typo = hotel.replace("工匠精神。", "工匠情神。")
    anchor = anchor_on((with_typo,), "工匠情神")

    placement = reattach(anchor, (hotel,))

    assert placement is not None
    assert placement.method == "fuzzy"
    assert placed_text((hotel,), placement) == "工匠精神"
    assert placement.score == pytest.approx(0.75)


def test_spaces_removed_by_pdf_clean_up(hotel: str) -> None:
    words = "我将时刻以习近平新时代中国特色社会主义思想为指引"
    spaced = hotel.replace(words, " ".join(words))
    selection = " ".join("将时刻以习近平新时代")
    anchor = anchor_on((spaced,), selection)
    cleaned = (hotel,)

    placement = reattach(anchor, cleaned)

    assert placement is not None
    assert placement.method == "fuzzy"
    assert placement.score == 1.0
    assert placed_text(cleaned, placement) == "将时刻以习近平新时代"


def test_full_width_punctuation_normalised(hotel: str) -> None:
    half_width = hotel.replace("劳模精神、劳动精神、工匠精神。", "劳模精神,劳动精神,工匠精神.")
    anchor = anchor_on((half_width,), "践行劳模精神,劳动精神,工匠精神")

    placement = reattach(anchor, (hotel,))

    assert placement is not None
    assert placed_text((hotel,), placement) == "践行劳模精神、劳动精神、工匠精神"


# --- paragraphs merged or split ----------------------------------------------------------------


def test_paragraphs_merged(reflections) -> None:
    first, second = reflections[3]
    anchor = anchor_on((first, second), "当好职工的“娘家人”", paragraph=1)
    merged = (first + second,)

    placement = reattach(anchor, merged)

    assert placement is not None
    assert placement.paragraph == 0
    assert placement.start == len(first) + anchor.start
    assert placed_text(merged, placement) == "当好职工的“娘家人”"


def test_quote_across_the_old_paragraph_start_after_merge(reflections) -> None:
    """A quote at the start of the second paragraph, whose prefix lay in the first."""
    first, second = reflections[3]
    anchor = make_anchor((first, second), 1, 0, 9)
    merged = (first + second,)

    placement = reattach(anchor, merged)

    assert placement is not None
    assert placed_text(merged, placement) == second[:9]
    assert placement.start == len(first)


def test_paragraph_split_into_sentences(hotel: str) -> None:
    anchor = anchor_on((hotel,), "把自身工作做实做细")
    split = tuple(s + "。" for s in hotel.split("。") if s)
    assert len(split) == 5

    placement = reattach(anchor, split)

    assert placement is not None
    assert placement.method == "exact"
    assert placement.paragraph == 3
    assert placed_text(split, placement) == "把自身工作做实做细"


def test_paragraph_split_inside_the_quote_keeps_the_larger_part(hotel: str) -> None:
    """Split so that one character of a long quote falls into the next paragraph: the
    highlight stays on the rest of its words (a small loss, like any edit)."""
    quote = "引领和组织广大酒店职工积极践行劳模精神"
    anchor = anchor_on((hotel,), quote)
    cut = anchor.end - 1
    split = (hotel[:cut], hotel[cut:])

    placement = reattach(anchor, split)

    assert placement is not None
    assert placement.method == "fuzzy"
    assert placed_text(split, placement) == quote[:-1]


def test_paragraph_split_through_the_middle_of_the_quote_detaches(hotel: str) -> None:
    quote = "带领职工投入到自身本职工作中去"
    anchor = anchor_on((hotel,), quote)
    cut = anchor.start + len(quote) // 2
    split = (hotel[:cut], hotel[cut:])

    assert reattach(anchor, split) is None


# --- the quote is gone: detached, not moved ------------------------------------------------


def test_deleted_sentence_detaches(hotel: str) -> None:
    quote = "带领职工投入到自身本职工作中去，把自身工作做实做细；"
    anchor = anchor_on((hotel,), quote)

    assert reattach(anchor, (hotel.replace(quote, ""),)) is None


def test_rewritten_sentence_sharing_half_the_words_is_not_taken_for_the_quote(
    hotel: str,
) -> None:
    """The quoted clause is replaced, in the same place and with the same context, by a
    clause that shares half its words: that is not the highlighted text any more."""
    quote = "带领职工投入到自身本职工作中去"
    anchor = anchor_on((hotel,), quote)
    lookalike = "带领职工投入到劳动竞赛中去"
    corrected = (hotel.replace(quote, lookalike),)

    assert reattach(anchor, corrected) is None


def test_deleted_quote_is_not_moved_to_a_lookalike_sentence_elsewhere(
    hotel: str, reflections
) -> None:
    quote = "提高职工劳动技能，开展结合岗位实际的劳动竞赛。"
    anchor = anchor_on((hotel,), quote)
    corrected = (
        hotel.replace(quote, ""),
        "我们还要提高职工劳动技能，开展形式多样的劳动竞赛。",
    )

    assert reattach(anchor, corrected) is None


def test_deleted_short_quote_is_not_moved_to_its_neighbour(hotel: str) -> None:
    """劳动精神 is deleted from 劳模精神、劳动精神、工匠精神; 劳模精神 next to it differs by one
    character and has nearly the same context, but it is not what was highlighted."""
    anchor = anchor_on((hotel,), "劳动精神")
    corrected = (hotel.replace("劳动精神、", ""),)

    assert reattach(anchor, corrected) is None


def test_in_doubt_between_deleted_and_lookalike_the_highlight_detaches(hotel: str) -> None:
    """精神、工 (across 劳动精神、工匠精神) loses its words with 劳动精神、工; the 精神、 of
    劳模精神 followed by 匠 is one edit away and fits the context as well as "deleted"
    does: that is no evidence for the highlight, so it is reported detached."""
    anchor = anchor_on((hotel,), "精神、工")
    assert anchor.exact == "精神、工" and hotel[anchor.start - 2 : anchor.start] == "劳动"
    corrected = (hotel.replace("劳动精神、工", ""),)
    assert "劳模精神、匠精神" in corrected[0]

    assert reattach(anchor, corrected) is None


def test_deleted_short_quote_is_not_moved_to_the_same_word_elsewhere(
    hotel: str, reflections
) -> None:
    """娘家人 alone is not distinctive: its clause is deleted and the only 娘家人 left
    stands in another context."""
    anchor = anchor_on((hotel,), "娘家人")
    corrected = (hotel.replace("作为职工的娘家人，在酒店开展全方位的帮扶慰问；", ""), reflections[3][1])
    assert "娘家人" in corrected[1]

    assert reattach(anchor, corrected) is None


def test_every_highlight_gets_an_answer(hotel: str) -> None:
    anchors = [
        anchor_on((hotel,), "我相信"),
        anchor_on((hotel,), "作为职工的娘家人"),
        anchor_on((hotel,), "提高职工劳动技能"),
    ]
    corrected = (hotel.replace("作为职工的娘家人，在酒店开展全方位的帮扶慰问；", ""),)

    placements = reattach_all(anchors, corrected)

    assert len(placements) == 3
    assert placements[1] is None
    assert [placed_text(corrected, p) for p in (placements[0], placements[2])] == [
        "我相信",
        "提高职工劳动技能",
    ]


def test_empty_reflection_detaches(hotel: str) -> None:
    anchor = anchor_on((hotel,), CRAFTSMAN)
    assert reattach(anchor, ()) is None
    assert reattach(anchor, ("",)) is None


# --- refreshing after re-attachment ----------------------------------------------------------


def test_anchor_at_refreshes_quote_and_context(hotel: str) -> None:
    with_typo = hotel.replace("工匠精神。", "工匠情神。")
    anchor = anchor_on((with_typo,), "劳动精神、工匠情神")
    corrected = (hotel,)
    placement = reattach(anchor, corrected)
    assert placement is not None and placement.method == "fuzzy"

    refreshed = anchor_at(corrected, placement)

    assert refreshed.exact == "劳动精神、工匠精神"
    assert refreshed.suffix.startswith("。带领职工")
    assert reattach(refreshed, corrected) == Placement(
        0, placement.start, placement.end, "position", 1.0
    )


def test_manual_reattachment_from_a_new_selection(hotel: str) -> None:
    """A detached highlight is placed again by the user selecting other words."""
    start = hotel.index("我们基层工会")
    placement = Placement(0, start, start + 6, "exact", 1.0)

    anchor = anchor_at((hotel,), placement)

    assert anchor.exact == "我们基层工会"
    assert anchor.prefix == hotel[start - CONTEXT : start]


# --- make_anchor and JSON ------------------------------------------------------------------------


def test_make_anchor_records_quote_and_context(reflections) -> None:
    first, second = reflections[3]
    anchor = make_anchor((first, second), 1, 0, 3, context=10)

    assert anchor.exact == second[:3]
    assert anchor.prefix == (first + "\n")[-10:]
    assert anchor.suffix == second[3:13]


def test_make_anchor_leaves_out_surrounding_whitespace(hotel: str) -> None:
    paragraphs = ("　　" + hotel + " ",)

    anchor = make_anchor(paragraphs, 0, 0, 8)

    assert (anchor.start, anchor.exact) == (2, hotel[:6])


@pytest.mark.parametrize(
    ("paragraph", "start", "end"),
    [
        (0, 5, 5),  # empty selection
        (0, 9, 4),  # reversed
        (0, -1, 4),  # before the paragraph
        (0, 250, 300),  # past its end (262 characters)
        (1, 0, 4),  # no such paragraph
        (-1, 0, 4),
        (0, 1.0, 4),  # not an offset
    ],
)
def test_make_anchor_rejects_invalid_ranges(hotel: str, paragraph, start, end) -> None:
    with pytest.raises(AnchorError):
        make_anchor((hotel,), paragraph, start, end)


def test_make_anchor_rejects_a_whitespace_only_selection(hotel: str) -> None:
    paragraphs = (hotel[:10] + "　 　" + hotel[10:],)
    with pytest.raises(AnchorError) as raised:
        make_anchor(paragraphs, 0, 10, 13)
    assert isinstance(raised.value, StudyNotesError)
    assert raised.value.code == "anchor"
    assert "no text" in str(raised.value)


def test_json_round_trip(reflections) -> None:
    first, second = reflections[3]
    anchor = make_anchor((first, second), 1, 0, 9)
    assert "\n" in anchor.prefix

    stored = json.dumps(anchor.to_json(), ensure_ascii=False)
    restored = Anchor.from_json(json.loads(stored))

    assert restored == anchor
    assert reattach(restored, (first, second)) == Placement(1, 0, 9, "position", 1.0)


@pytest.mark.parametrize(
    "data",
    [
        {"paragraph": 0, "start": 0, "end": 2},  # no quote
        {"paragraph": 0, "start": 0, "end": 3, "exact": "工会"},  # length mismatch
        {"paragraph": "0", "start": 0, "end": 2, "exact": "工会"},
        {"paragraph": 0, "start": 2, "end": 2, "exact": ""},
        {"paragraph": 0, "start": 0, "end": 2, "exact": "  "},
        {"paragraph": 0, "start": 0, "end": 2, "exact": "工会", "prefix": None},
        {"paragraph": True, "start": 0, "end": 2, "exact": "工会"},
        ["not", "an", "object"],
    ],
)
def test_from_json_rejects_damaged_anchors(data) -> None:
    with pytest.raises(AnchorError):
        Anchor.from_json(data)


def test_from_json_accepts_missing_context_and_unknown_keys(hotel: str) -> None:
    anchor = Anchor.from_json(
        {"paragraph": 0, "start": 149, "end": 163, "exact": CRAFTSMAN, "color": "yellow"}
    )
    assert (anchor.prefix, anchor.suffix) == ("", "")
    assert reattach(anchor, (hotel,)) == Placement(0, 149, 163, "position", 1.0)


# --- property-style: edits around a highlight never move it ------------------------------------


def _random_snippet(rng: random.Random, source: str, longest: int) -> str:
    start = rng.randrange(len(source) - longest)
    return source[start : start + rng.randint(1, longest)]


def _edit_outside(
    rng: random.Random, body: str, start: int, end: int, allowed, other: str
) -> tuple[str, int]:
    """One random edit (insert, delete, replace, split or merge paragraphs) at a place
    ``allowed(position)`` accepts; returns the new body and the quote's new start."""
    for _ in range(50):
        operation = rng.choice(["insert", "delete", "replace", "split", "merge", "paragraph"])
        if operation == "merge":
            breaks = [
                i for i, ch in enumerate(body) if ch == "\n" and allowed(i) and allowed(i + 1)
            ]
            if not breaks:
                continue
            at = rng.choice(breaks)
            body = body[:at] + body[at + 1 :]
            return body, start - 1 if at < start else start
        at = rng.randrange(len(body) + 1)
        if operation in ("insert", "split", "paragraph"):
            if not allowed(at):
                continue
            text = {
                "insert": _random_snippet(rng, other, 12),
                "split": "\n",
                "paragraph": "\n" + _random_snippet(rng, other, 40) + "\n",
            }[operation]
            return body[:at] + text + body[at:], start + len(text) if at <= start else start
        length = rng.randint(1, 8) if operation == "delete" else 1
        span = range(at, at + length)
        if at + length > len(body) or not all(allowed(i) and allowed(i + 1) for i in span):
            continue
        if operation == "delete":
            return body[:at] + body[at + length :], start - length if at < start else start
        new = rng.choice([c for c in other if c != body[at]])
        return body[:at] + new + body[at + 1 :], start
    return body, start


def _expected_place(body: str, start: int) -> tuple[int, int]:
    paragraph = body.count("\n", 0, start)
    return paragraph, start - (body.rfind("\n", 0, start) + 1)


def _random_quote(rng: random.Random, reflections, shortest: int, longest: int):
    paragraphs = rng.choice(reflections)
    index = rng.randrange(len(paragraphs))
    text = paragraphs[index]
    length = rng.randint(shortest, longest)
    start = rng.randrange(len(text) - length)
    return paragraphs, make_anchor(paragraphs, index, start, start + length)


def test_random_edits_far_from_the_quote_keep_it_exactly_in_place(reflections) -> None:
    rng = random.Random(20180508)
    other = "".join(reflections[9])  # inserted text comes from a reflection not edited
    for _ in range(150):
        paragraphs, anchor = _random_quote(rng, reflections[:9], 2, 30)
        body = "\n".join(paragraphs)
        start = sum(len(p) + 1 for p in paragraphs[: anchor.paragraph]) + anchor.start
        for _ in range(rng.randint(1, 8)):
            end = start + len(anchor.exact)
            def far(i: int, s: int = start, e: int = end) -> bool:
                return i < s - CONTEXT - 1 or i > e + CONTEXT + 1

            body, start = _edit_outside(rng, body, start, end, far, other)
        corrected = tuple(body.split("\n"))
        paragraph, offset = _expected_place(body, start)

        placement = reattach(anchor, corrected)

        assert placement is not None, (anchor, corrected)
        assert (placement.paragraph, placement.start, placement.end) == (
            paragraph,
            offset,
            offset + len(anchor.exact),
        ), (anchor, corrected)
        assert placement.method in ("position", "exact")


def test_random_edits_in_the_context_keep_the_quote_exactly_in_place(reflections) -> None:
    """Edits next to the quote (but not touching it) change its context, so the
    alignment decides: it must still land on exactly the same words."""
    rng = random.Random(1414)
    other = "".join(reflections[9])
    for _ in range(150):
        paragraphs, anchor = _random_quote(rng, reflections[:9], 8, 40)
        body = "\n".join(paragraphs)
        start = sum(len(p) + 1 for p in paragraphs[: anchor.paragraph]) + anchor.start
        for _ in range(rng.randint(1, 3)):
            end = start + len(anchor.exact)
            def near(i: int, s: int = start, e: int = end) -> bool:
                return s - CONTEXT <= i < s or e < i <= e + CONTEXT

            body, start = _edit_outside(rng, body, start, end, near, other)
        corrected = tuple(body.split("\n"))
        paragraph, offset = _expected_place(body, start)

        placement = reattach(anchor, corrected)

        assert placement is not None, (anchor, corrected)
        assert (placement.paragraph, placement.start, placement.end) == (
            paragraph,
            offset,
            offset + len(anchor.exact),
        ), (anchor, corrected)
        assert placement.method in ("position", "exact")


def test_one_character_corrected_inside_a_quote_keeps_its_extent(reflections) -> None:
    rng = random.Random(5)
    other = "".join(reflections[9])
    for _ in range(100):
        paragraphs, anchor = _random_quote(rng, reflections[:9], 10, 40)
        i = anchor.start + rng.randrange(len(anchor.exact))
        text = paragraphs[anchor.paragraph]
        new = rng.choice([c for c in other if c != text[i]])
        corrected = list(paragraphs)
        corrected[anchor.paragraph] = text[:i] + new + text[i + 1 :]

        placement = reattach(anchor, corrected)

        assert placement is not None, (anchor, corrected)
        assert (placement.paragraph, placement.start, placement.end) == (
            anchor.paragraph,
            anchor.start,
            anchor.end,
        ), (anchor, corrected)
        assert placement.method == "fuzzy"
