"""Assigning headings to bodies: the Hungarian algorithm and the content scores."""

from __future__ import annotations

import itertools
import random

import pytest

from desktop.importer.assign import ContentScorer, assign, bigrams, greedy_assign, hungarian


def brute_force(weights: list[list[float]]) -> float:
    rows, cols = len(weights), len(weights[0])
    best = float("-inf")
    if rows <= cols:
        for perm in itertools.permutations(range(cols), rows):
            best = max(best, sum(weights[r][c] for r, c in enumerate(perm)))
    else:
        for perm in itertools.permutations(range(rows), cols):
            best = max(best, sum(weights[r][c] for c, r in enumerate(perm)))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_hungarian_finds_the_maximum_total(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 6), rng.randint(1, 6)
    weights = [[round(rng.uniform(-1, 2), 3) for _ in range(cols)] for _ in range(rows)]
    mapping = hungarian(weights)
    assigned = [(r, c) for r, c in enumerate(mapping) if c >= 0]
    assert len(assigned) == min(rows, cols)
    assert len({c for _, c in assigned}) == len(assigned)
    assert sum(weights[r][c] for r, c in assigned) == pytest.approx(brute_force(weights))


def test_hungarian_edge_cases() -> None:
    assert hungarian([]) == []
    assert hungarian([[], []]) == [-1, -1]
    assert hungarian([[1.0], [5.0]]) == [-1, 0]


def test_a_strong_match_elsewhere_settles_a_weak_one() -> None:
    # Heading 0 fits body 0 slightly better than body 1, but heading 1 fits only body 0:
    # the global assignment gives body 0 to heading 1.
    mapping, total = assign([[0.6, 0.5], [0.9, 0.0]], [[False, False], [False, False]])
    assert mapping == [1, 0]
    assert total == pytest.approx(1.4)


def test_adjacency_breaks_ties_of_content() -> None:
    mapping, _ = assign([[0.0, 0.0], [0.0, 0.0]], [[False, True], [True, False]])
    assert mapping == [1, 0]


def test_greedy_fallback_takes_best_pairs_first() -> None:
    mapping, total = greedy_assign({(0, 0): 0.9, (0, 1): 0.8, (1, 0): 0.85}, rows=2)
    assert mapping == [0, -1]
    assert total == pytest.approx(0.9)


def test_bigrams_skip_punctuation() -> None:
    assert bigrams("当好职工的“娘家人”") == {"当好", "好职", "职工", "工的", "娘家", "家人"}


def test_content_score_follows_title_words_and_place_names() -> None:
    bodies = [
        "密云区总工会连续多年举办经济技术创新竞赛活动，工会服务职工。",
        "平谷区总工会加大宣传，工会服务职工。",
        "我们要以钉钉子精神做实做好各项工作，工会服务职工。",
    ]
    scorer = ContentScorer(bodies)
    by_place = scorer.scores("学习心得", "密云区总工会干部")
    assert max(range(3), key=by_place.__getitem__) == 0
    by_title = scorer.scores("以钉钉子精神做实做好各项工作", "朝阳区劲松街道工会")
    assert max(range(3), key=by_title.__getitem__) == 2
    # Words every body shares (工会, 职工) carry no weight.
    shared = scorer.scores("工会服务职工", "")
    assert max(shared) == pytest.approx(min(shared))
