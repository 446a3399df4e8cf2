"""What each unit of a page is: headline, subtitle, lead, title, byline, body, credit.

Classification scores rather than decides. A short line could be a title, a byline, a
wrapped half of either, or page furniture; each reading gets a score from structural
features (length, sentence punctuation, a name at the end, dashes and brackets) and the
genre's general vocabulary (organisation and post suffixes, see :mod:`.byline`), and
the best *segmentation* of a run of short lines into headings (title + byline pairs in
either order, or one of the two alone) is found by dynamic programming. That is what
lets one method read ``title / byline``, ``byline / title``, ``title byline`` on one
line and titles or bylines wrapped onto two lines alike.

The lead (导语) is the editor's paragraph among the reflections: news in the third
person, usually dated, often set across several columns (so its lines are wider than
the body's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from desktop.importer.blocks import Unit
from desktop.importer.byline import Byline, affiliation_score, is_credit, parse_byline
from desktop.text.cleanup import (
    CLOSERS,
    DASHES,
    TERMINAL_PUNCT,
    clean_display,
    display_width,
    join_lines,
    looks_doubled,
    normalize_spaces,
    remove_cjk_spaces,
    squeeze,
    strip_leading_dashes,
)

# Costs of the heading segmentation, in the units of title_score/parse_byline scores.
HEADING_COST = 2.5  # every heading must earn its place
PAIR_BONUS = 1.5  # a title with its byline is the normal case
TITLE_ONLY_PENALTY = 2.5  # a title without any byline is rare
BYLINE_ONLY_PENALTY = 0.5  # a byline without a title happens (untitled pieces)
JOIN_PENALTY = 1.0  # per extra line of a wrapped title or byline
BAD_WRAP_PENALTY = 3.0  # a "wrapped" line that is shorter than its continuation
ONE_LINE_PENALTY = 1.0  # title and byline sharing a line
JUNK_SCORE = -3.5  # a line that is none of these (page furniture)
MAX_WRAP = 2  # a title or byline wraps onto at most two lines

LEAD_THRESHOLD = 3.0

_LEAD_OPENERS = re.compile(r"^[【\[（(]?\s*(?:编者按|编者的话|编者按语|导语|编前语|本报讯|本刊讯)")
_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日")
# "我" as the writer (not 我市/我区/我国…, which news uses for the place).
_FIRST_PERSON = re.compile(r"我(?![市区国省县镇乡校院局厂所司])")
_DASH_CHARS = DASHES.replace(" ", "")
# Page furniture: dates, weekdays, page numbers (2018年5月10日 星期四, 第3版).
_FURNITURE = re.compile(
    r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|第\s*[\d一二三四五六七八九十]+\s*版|责任编辑|责编"
)


@dataclass(frozen=True)
class Heading:
    """A title and/or byline found between bodies, with the units it came from."""

    title: str
    affiliation: str
    author: str
    units: tuple[int, ...]
    score: float

    @property
    def has_byline(self) -> bool:
        return bool(self.author or self.affiliation)

    def describe(self) -> str:
        """How the heading reads in a warning."""
        byline = " ".join(p for p in (self.affiliation, self.author) if p)
        return " / ".join(p for p in (self.title, byline) if p)


@dataclass(frozen=True)
class Junk:
    """A short line that is neither title nor byline (kept for the warnings)."""

    text: str
    unit: int


# --- single lines -------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def title_score(raw: str) -> float:
    """How much ``raw`` reads as a reflection's title (roughly -10..2.5).

    Titles are short phrases without a sentence stop; they do not end with a person's
    name or read as an organisation and post.
    """
    text = squeeze(clean_display(raw))
    length = len(text)
    if length == 0:
        return -10.0
    score = 2.0
    if length < 4:
        score -= (4 - length) * 0.75
    if length > 26:
        score -= (length - 26) * 0.25
    body = text.rstrip("".join(CLOSERS))
    if body and body[-1] in "！？!?":
        body = body[:-1]
        score -= 0.3
    if any(c in TERMINAL_PUNCT for c in body):
        score -= 4.0
    score -= 0.6 * (text.count("，") + text.count("、") + text.count("："))
    if text[0] in _DASH_CHARS:
        score -= 1.5
    if looks_doubled(normalize_spaces(raw, ideographic=True)):
        score -= 2.0
    if is_credit(raw):
        score -= 5.0
    if _FURNITURE.search(text):
        score -= 4.0
    byline = parse_byline(raw)
    if byline is not None:
        if byline.author and byline.score > 2.0:
            score -= (byline.score - 2.0) * 0.7
        score -= 2.0 * max(0.0, affiliation_score(squeeze(raw)) - 1.0)
    return score


def is_subtitle_line(raw: str) -> bool:
    """A subtitle is opened by dashes (``———北京工会十四大…``) and is not a byline."""
    text = normalize_spaces(raw, ideographic=True).strip()
    if not text or text[0] not in _DASH_CHARS:
        return False
    rest = strip_leading_dashes(text)
    if len(squeeze(rest)) < 6:
        return False
    byline = parse_byline(text)
    return not (byline is not None and byline.author and byline.score >= 3.0)


def clean_subtitle(raw: str) -> str:
    return clean_display(strip_leading_dashes(normalize_spaces(raw, ideographic=True).strip()))


def lead_score(unit: Unit, column: float, position: float) -> float:
    """How much a prose paragraph reads as the editor's lead rather than a reflection.

    ``position`` is the paragraph's place among the page's prose (0 first, 1 last):
    a lead belongs to the top half of the page.
    """
    text = unit.text
    score = 0.0
    if len(unit.lines) >= 2 and unit.width >= column * 1.4:
        score += 3.0
    if _LEAD_OPENERS.match(text):
        score += 4.0
    if _DATE.search(text[:30]):
        score += 2.0
    if _FIRST_PERSON.search(text):
        score -= 2.5 if _FIRST_PERSON.search(text.replace("我们", "")) else 1.0
    elif "咱" not in text:
        score += 1.0  # reflections speak in the first person, the editor does not
    if position > 0.5:
        score -= 1.5
    return score


# --- runs of short lines --------------------------------------------------------------


class _Spans:
    """Scores of every title or byline reading of one or two consecutive lines."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.widths = [display_width(remove_cjk_spaces(line)) for line in lines]
        self._titles: dict[tuple[int, int], tuple[str, float]] = {}
        self._bylines: dict[tuple[int, int], Byline | None] = {}

    def _wrap_penalty(self, start: int, count: int) -> float:
        """Cost of reading ``count`` lines as one wrapped title or byline.

        A line wraps only when it is full, so the first line of a wrapped pair is at
        least about as wide as the second (``为新就业形态劳动者 / 撑腰``); a short line
        followed by a longer one is two things, not one.
        """
        if count == 1:
            return 0.0
        penalty = JOIN_PENALTY * (count - 1)
        for j in range(start, start + count - 1):
            if self.widths[j] < self.widths[j + 1] - 1.0:
                penalty += BAD_WRAP_PENALTY
        return penalty

    def title(self, start: int, count: int) -> tuple[str, float]:
        key = (start, count)
        if key not in self._titles:
            parts = [clean_display(line) for line in self.lines[start : start + count]]
            text = join_lines(parts)
            self._titles[key] = (text, title_score(text) - self._wrap_penalty(start, count))
        return self._titles[key]

    def byline(self, start: int, count: int) -> Byline | None:
        key = (start, count)
        if key not in self._bylines:
            byline = parse_byline(" ".join(self.lines[start : start + count]))
            if byline is not None and count > 1:
                penalty = self._wrap_penalty(start, count)
                byline = Byline(byline.affiliation, byline.author, byline.score - penalty)
            self._bylines[key] = byline
        return self._bylines[key]


def segment_headings(lines: Sequence[tuple[int, str]]) -> tuple[list[Heading | Junk], float]:
    """The best reading of consecutive short lines as headings (and junk lines).

    ``lines`` are (unit index, raw text) pairs in page order. Dynamic programming over
    the lines: each step takes a title and/or byline of one or two lines, or a title
    and byline sharing one line, or discards a line as junk; the reading with the
    highest total score wins. Returns the reading and its score.
    """
    texts = [text for _, text in lines]
    units = [index for index, _ in lines]
    n = len(texts)
    spans = _Spans(texts)
    best: list[float] = [0.0] * (n + 1)
    choice: list[tuple[int, Heading | Junk] | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):
        options: list[tuple[float, int, Heading | Junk]] = [
            (JUNK_SCORE, 1, Junk(clean_display(texts[i]), units[i]))
        ]
        for heading in _headings_at(spans, units, i, n):
            used = len(heading.units)
            options.append((heading.score, used, heading))
        score, used, item = max(options, key=lambda o: o[0] + best[i + o[1]])
        best[i] = score + best[i + used]
        choice[i] = (used, item)
    result: list[Heading | Junk] = []
    i = 0
    while i < n:
        used, item = choice[i]  # type: ignore[misc]
        result.append(item)
        i += used
    return result, best[0]


def _headings_at(spans: _Spans, units: list[int], i: int, n: int) -> list[Heading]:
    """Every heading that can start at line ``i``."""
    found: list[Heading] = []
    for t in range(1, MAX_WRAP + 1):
        if i + t > n:
            break
        title, t_score = spans.title(i, t)
        found.append(_heading(title, None, units[i : i + t], t_score - TITLE_ONLY_PENALTY))
        for b in range(1, MAX_WRAP + 1):
            if i + t + b > n:
                break
            byline = spans.byline(i + t, b)
            if byline is not None:
                score = t_score + byline.score + PAIR_BONUS
                found.append(_heading(title, byline, units[i : i + t + b], score))
    for b in range(1, MAX_WRAP + 1):
        if i + b > n:
            break
        byline = spans.byline(i, b)
        if byline is None:
            continue
        found.append(_heading("", byline, units[i : i + b], byline.score - BYLINE_ONLY_PENALTY))
        for t in range(1, MAX_WRAP + 1):
            if i + b + t > n:
                break
            title, t_score = spans.title(i + b, t)
            found.append(_heading(title, byline, units[i : i + b + t], t_score + byline.score + PAIR_BONUS))
    found.extend(_one_line_headings(spans.lines[i], units[i]))
    return found


def _heading(title: str, byline: Byline | None, units: Sequence[int], score: float) -> Heading:
    if byline is None:
        return Heading(title, "", "", tuple(units), score - HEADING_COST)
    return Heading(title, byline.affiliation, byline.author, tuple(units), score - HEADING_COST)


_INNER_DASH = re.compile(r"\s*[—－]{2,}\s*|\s+[—－]\s*")


def _one_line_headings(raw: str, unit: int) -> list[Heading]:
    """Title and byline on one line: ``标题 单位 姓名``, ``标题——姓名``."""
    text = normalize_spaces(raw, ideographic=True).strip()
    splits: list[tuple[str, str]] = []
    dash = _INNER_DASH.search(text)
    if dash and dash.start() > 0 and dash.end() < len(text):
        splits.append((text[: dash.start()], text[dash.start() :]))
    bracket = text.find("（")
    if bracket > 0 and text.endswith("）"):
        splits.append((text[:bracket], text[bracket:]))
    tokens = text.split()
    for k in range(1, len(tokens)):
        splits.append((" ".join(tokens[:k]), " ".join(tokens[k:])))
    found: list[Heading] = []
    for title_raw, byline_raw in splits:
        byline = parse_byline(byline_raw)
        if byline is None or not byline.author or byline.score < 2.0:
            continue
        t_score = title_score(title_raw)
        score = t_score + byline.score + PAIR_BONUS - ONE_LINE_PENALTY
        found.append(_heading(clean_display(title_raw), byline, (unit,), score))
    return found


def is_headline_candidate(raw: str) -> bool:
    """Whether a short line can serve as the page's headline when nothing is doubled."""
    return not is_credit(raw) and not is_subtitle_line(raw) and title_score(raw) > -2.0


def is_doubled_line(raw: str) -> bool:
    return looks_doubled(normalize_spaces(raw, ideographic=True).strip())
