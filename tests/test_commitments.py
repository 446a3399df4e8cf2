"""Suggested commitments, measured against a careful reader's judgement of three pages.

The judgements (tests/fixtures/commitments/) were written before the suggester read the
pages: the seed, a second page written alongside the rules, and a third written after them
and measured once before any change (see each file's "about").
"""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from desktop.commitments import (
    REASON_ENUMERATION,
    REASONS,
    Suggestion,
    split_sentences,
    suggest_commitments,
    suggest_in_paragraphs,
)
from desktop.material import Material, Reflection

FIXTURES = Path(__file__).resolve().parent / "fixtures"
JUDGED = FIXTURES / "commitments"
PAGES = {
    "seed": (FIXTURES / "seed_expected.json", JUDGED / "seed_pledges.json"),
    "page2": (JUDGED / "page2_material.json", JUDGED / "page2_pledges.json"),
    "page3": (JUDGED / "page3_material.json", JUDGED / "page3_pledges.json"),
}
MIN_PRECISION = 0.8
MIN_RECALL = 0.85


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def material_from_json(data: dict) -> Material:
    """A Material built by hand from its to_json() form (no importer involved)."""
    return Material(
        headline=data["headline"],
        subtitle=data["subtitle"],
        lead=data["lead"],
        reflections=tuple(
            Reflection(
                title=r["title"],
                author=r["author"],
                affiliation=r["affiliation"],
                paragraphs=tuple(r["paragraphs"]),
                title_position=r.get("title_position", "none"),
            )
            for r in data["reflections"]
        ),
    )


def _page(name: str) -> tuple[Material, dict]:
    material_path, judged_path = PAGES[name]
    return material_from_json(_json(material_path)), _json(judged_path)


def _keys(items) -> set[tuple[int, int, str]]:
    return {(item["reflection"], item["paragraph"], item["sentence"]) for item in items}


@pytest.fixture(scope="module")
def suggested() -> dict[str, list[Suggestion]]:
    return {name: suggest_commitments(_page(name)[0]) for name in PAGES}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_judged_pledges_are_whole_sentences_of_their_paragraph(name: str) -> None:
    """The judgement is in the suggester's units, else the scores below would mean nothing."""
    material, judged = _page(name)
    for item in judged["pledges"] + judged["hard_negatives"]:
        paragraph = material.reflections[item["reflection"]].paragraphs[item["paragraph"]]
        sentences = [paragraph[start:end] for start, end in split_sentences(paragraph)]
        assert item["sentence"] in sentences


@pytest.mark.parametrize("name", sorted(PAGES))
def test_precision_and_recall_meet_the_targets(name: str, suggested: dict[str, list[Suggestion]]) -> None:
    _, judged = _page(name)
    expected = _keys(judged["pledges"])
    found = {(s.reflection, s.paragraph, s.sentence) for s in suggested[name]}
    hits = len(expected & found)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(expected)
    print(f"{name}: precision {precision:.3f}, recall {recall:.3f} ({hits}/{len(expected)} pledges, {len(found)} suggested)")
    assert precision >= MIN_PRECISION, sorted(found - expected)
    assert recall >= MIN_RECALL, sorted(expected - found)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_hard_negatives_are_not_suggested(name: str, suggested: dict[str, list[Suggestion]]) -> None:
    """Reported speech, predictions, background, opinions, wishes and past actions."""
    _, judged = _page(name)
    found = {(s.reflection, s.paragraph, s.sentence) for s in suggested[name]}
    wrongly = [n for n in judged["hard_negatives"] if (n["reflection"], n["paragraph"], n["sentence"]) in found]
    assert wrongly == []


@pytest.mark.parametrize(
    "needle",
    [
        "报告中提到了要加大非公企业工会工作力度，将制定",  # reported speech: the report's pledge
        "大会的胜利召开必将激发",  # a prediction
        "北京市工会第十四次代表大会，是在中国特色社会主义",  # background
    ],
)
def test_the_issues_three_negatives_are_not_suggested(needle: str, suggested: dict[str, list[Suggestion]]) -> None:
    material, _ = _page("seed")
    assert any(needle in p for r in material.reflections for p in r.paragraphs)
    assert not any(needle in s.sentence for s in suggested["seed"])


def test_a_pledged_enumeration_is_found_item_by_item(suggested: dict[str, list[Suggestion]]) -> None:
    by_sentence = {s.sentence: s for s in suggested["seed"] if s.reflection == 7}
    head = next(s for s in by_sentence if "我们将从三个方面落实会议精神：一是举办" in s)
    assert by_sentence[head].reason != REASON_ENUMERATION  # the pledge itself: 我们将…
    assert by_sentence["二是搭建技能提升平台。"].reason == REASON_ENUMERATION
    assert by_sentence["三是找准职工需求进行服务。"].reason == REASON_ENUMERATION


def test_enumeration_items_split_at_semicolons_are_suggested_separately(
    suggested: dict[str, list[Suggestion]],
) -> None:
    items = [s for s in suggested["page2"] if s.reflection == 0 and s.reason == REASON_ENUMERATION]
    assert [s.sentence[:2] for s in items] == ["一是", "二是", "三是"]
    assert [s.sentence[-1] for s in items] == ["；", "；", "。"]


def test_an_enumeration_introduced_by_an_opinion_is_not_suggested(suggested: dict[str, list[Suggestion]]) -> None:
    assert [s for s in suggested["seed"] if s.reflection == 4] == []  # 我认为，青年干部一是要…


def test_measures_after_a_pledge_carry_over_to_the_next_paragraph(suggested: dict[str, list[Suggestion]]) -> None:
    opening = [s for s in suggested["seed"] if s.reflection == 3 and s.paragraph == 1]
    assert len(opening) == 1 and opening[0].sentence.startswith("工作中，向劳模学习")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_offsets_point_exactly_at_the_sentence(name: str, suggested: dict[str, list[Suggestion]]) -> None:
    material, _ = _page(name)
    assert suggested[name]
    for s in suggested[name]:
        assert material.reflections[s.reflection].paragraphs[s.paragraph][s.start : s.end] == s.sentence
        assert s.sentence.rstrip("”’」』）)").endswith(("。", "！", "？", "；"))
        assert s.reason in REASONS
    assert suggested[name] == sorted(suggested[name], key=lambda s: (s.reflection, s.paragraph, s.start))


def test_suggestions_are_frozen() -> None:
    suggestion = suggest_commitments(_page("seed")[0])[0]
    with pytest.raises(FrozenInstanceError):
        suggestion.start = 0  # type: ignore[misc]


def test_paragraph_level_api_matches_the_material_level_one(suggested: dict[str, list[Suggestion]]) -> None:
    material, _ = _page("seed")
    lower = suggest_in_paragraphs(material.reflections[2].paragraphs)
    upper = [s for s in suggested["seed"] if s.reflection == 2]
    assert [(p.paragraph, p.start, p.end, p.sentence, p.reason) for p in lower] == [
        (s.paragraph, s.start, s.end, s.sentence, s.reason) for s in upper
    ]


def test_questions_and_empty_text_suggest_nothing() -> None:
    assert suggest_in_paragraphs([]) == []
    assert suggest_in_paragraphs(["", "   "]) == []
    assert suggest_in_paragraphs(["我们要怎样才能做好新时代的工会工作？"]) == []


def test_a_semicolon_list_of_measures_stays_one_sentence() -> None:
    text = "组织职工学习书法、绘画；参加快乐网球；开展公益大讲堂等活动。让职工满意。"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "组织职工学习书法、绘画；参加快乐网球；开展公益大讲堂等活动。",
        "让职工满意。",
    ]


def test_sentences_keep_closing_quotes_and_drop_surrounding_space() -> None:
    text = " 他说：“我们要干。” 一是建会；二是服务；三是帮扶。"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "他说：“我们要干。”",
        "一是建会；",
        "二是服务；",
        "三是帮扶。",
    ]
