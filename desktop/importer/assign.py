"""Which title + byline belongs to which body: one global assignment by content.

On these pages a heading may stand after its body, before it, or far from it (the
first piece's title at the very end of the file). Position alone is therefore a poor
guide, but content is a good one: a reflection's title and the place names of its
affiliation recur in its body (密云, 平谷, 教科书, 钉钉子精神…). Character bigrams
capture that for Chinese without word segmentation; weighting each bigram by how few
bodies contain it (IDF) discounts the genre's common words (工会, 职工).

All headings are matched to all bodies at once (Hungarian algorithm, maximising total
score), so a strong match elsewhere settles a weak one here. Adjacency adds a small
bonus: it decides between bodies the content cannot tell apart, and a chain of
adjacent headings resolves a whole page even when titles share no words with bodies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

ADJACENT_BONUS = 0.35  # the tie-breaker: less than a clear content match
# Beyond this many headings or bodies the "page" is a whole issue pasted into one file:
# the exact O(n³) assignment gives way to a greedy one among nearby bodies.
EXACT_LIMIT = 60
NEARBY = 3
AFFILIATION_WEIGHT = 0.6
_IDEOGRAPH_RUNS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]{2,}")


def bigrams(text: str) -> set[str]:
    """The pairs of consecutive Chinese characters in ``text`` (punctuation breaks pairs)."""
    pairs: set[str] = set()
    for run in _IDEOGRAPH_RUNS.findall(text):
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return pairs


class ContentScorer:
    """Scores how well a title + affiliation fits each body of one page."""

    def __init__(self, bodies: Sequence[str | set[str]]) -> None:
        """``bodies``: each body's text, or its bigrams when the caller has them already."""
        self._bodies = [body if isinstance(body, set) else bigrams(body) for body in bodies]
        df: Counter[str] = Counter()
        for grams in self._bodies:
            df.update(grams)
        count = len(self._bodies)
        self._df = df
        self._count = count

    def _weights(self, grams: set[str]) -> tuple[dict[str, float], float]:
        """IDF weight of each bigram and their sum (the text's information)."""
        weights = {g: math.log((self._count + 1) / (self._df.get(g, 0) + 0.5)) for g in grams}
        return weights, sum(weights.values())

    def _coverage(self, weighted: tuple[dict[str, float], float], body: int) -> float:
        """Share of the text's information (IDF mass) that the body contains."""
        weights, total = weighted
        if total <= 0:
            return 0.0
        present = self._bodies[body]
        return sum(w for g, w in weights.items() if g in present) / total

    def scores(self, title: str, affiliation: str, bodies: Sequence[int] | None = None) -> list[float]:
        """Content score of the heading against every body (or only ``bodies``)."""
        title_weights = self._weights(bigrams(title))
        affiliation_weights = self._weights(bigrams(affiliation))
        return [
            self._coverage(title_weights, j) + AFFILIATION_WEIGHT * self._coverage(affiliation_weights, j)
            for j in (range(self._count) if bodies is None else bodies)
        ]


def hungarian(weights: Sequence[Sequence[float]]) -> list[int]:
    """Maximum-weight assignment of rows to columns; -1 for rows left without one.

    The classic O(n²m) shortest-augmenting-path algorithm with potentials, on costs
    ``max - weight``; rectangular inputs are handled by transposing so rows <= columns.
    """
    rows = len(weights)
    if rows == 0:
        return []
    cols = len(weights[0])
    if cols == 0:
        return [-1] * rows
    if rows > cols:
        transposed = [[weights[r][c] for r in range(rows)] for c in range(cols)]
        by_col = hungarian(transposed)
        result = [-1] * rows
        for c, r in enumerate(by_col):
            if r >= 0:
                result[r] = c
        return result
    top = max(max(row) for row in weights)
    cost = [[top - w for w in row] for row in weights]
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: row (1-based) assigned to column j
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            for j in range(1, cols + 1):
                if not used[j]:
                    current = row[j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j] = current
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [-1] * rows
    for j in range(1, cols + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def assign(content: Sequence[Sequence[float]], adjacent: Sequence[Sequence[bool]]) -> tuple[list[int], float]:
    """Body index for each heading (-1 if none) and the total score of the assignment."""
    weights = [
        [c + (ADJACENT_BONUS if a else 0.0) for c, a in zip(c_row, a_row)]
        for c_row, a_row in zip(content, adjacent)
    ]
    mapping = hungarian(weights)
    total = sum(weights[h][b] for h, b in enumerate(mapping) if b >= 0)
    return mapping, total


def greedy_assign(weights: dict[tuple[int, int], float], rows: int) -> tuple[list[int], float]:
    """Best pairs first, each row and column used once: the large-page fallback."""
    mapping = [-1] * rows
    taken: set[int] = set()
    total = 0.0
    for (row, col), weight in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
        if mapping[row] < 0 and col not in taken:
            mapping[row] = col
            taken.add(col)
            total += weight
    return mapping, total
