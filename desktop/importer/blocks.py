"""Page text -> units: paragraphs of prose and single display lines.

Extracted text keeps the layout's line breaks but not its meaning: a paragraph is
several hard-wrapped lines, a title and its byline may share a block, and text copied
from a PDF viewer has no blank lines at all. Units are recovered from what the layout
leaves behind:

* blank lines and paragraph indents (``　　``) end units, and so does a line about two
  characters short after a full stop (an indent the extraction dropped);
* a prose line set to the full column width continues on the next line, while a short
  line that closes a sentence ends its paragraph. "Full" is measured against the line
  above when that one wrapped (it was full, so it is the column), else against the
  prose lines nearby: pages mix column widths, and a lead set across several columns
  is wider than the body;
* a *display line* — short with no sentence punctuation, opened by a dash, doubled
  bold type, or an unmistakable byline — always stands alone. Titles and bylines
  wrapped onto a second line are therefore two units here; the heading classifier
  re-joins them, because only it knows whether two short lines are one title or a
  title and its byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from desktop.importer.byline import parse_byline
from desktop.text.cleanup import (
    CLOSERS,
    DASHES,
    TERMINAL_PUNCT,
    clean_prose,
    display_width,
    looks_doubled,
    normalize_newlines,
    normalize_spaces,
    remove_cjk_spaces,
)

UnitKind = Literal["prose", "line"]

_SENTENCE_MARKS = re.compile(r"[，。；！？、：,;!?]")
_INDENT = re.compile(r"^(?:\u3000| {2,}|\u3000 )")
# A display line may hold a comma or two (求真务实，服务职工) but no more.
_MAX_DISPLAY_COMMAS = 2
# Widest single line that can still be a display line (title + byline on one line).
_MAX_DISPLAY_WIDTH = 44.0
# Lines on either side that give a line's local column width, and how many of them
# must be prose for the estimate to count.
_WINDOW = 6
_MIN_WINDOW_LINES = 4
# A display line is narrower than this share of the prose lines around it.
_DISPLAY_SHARE = 0.8
_STRONG_BYLINE = 4.0
# How much wider than a line the next line of the same column can be.
_SAME_COLUMN_SLACK = 2.5
_SAME_COLUMN_LOOKAHEAD = 3


@dataclass(frozen=True)
class Unit:
    """A paragraph of prose or a single display line, in page order.

    ``text`` of a prose unit is unwrapped and cleaned; a display line keeps its
    spaces, which separate a byline's name from its affiliation.
    """

    kind: UnitKind
    text: str
    lines: tuple[str, ...]
    width: float
    first_line: int


@dataclass(frozen=True)
class _Line:
    text: str  # stripped, ideographic spaces as " "
    clean: str  # spaces next to Chinese removed
    width: float
    indent: bool
    number: int


@dataclass(frozen=True)
class Page:
    """A page's units and its estimated body column width (in characters)."""

    units: tuple[Unit, ...]
    column: float


def split_units(text: str) -> Page:
    """Split a page into units (see the module docstring for the rules)."""
    groups, column = _split_lines(text)
    return Page(tuple(_make_unit(group) for group in groups), column)


def _read_lines(text: str) -> list[_Line | None]:
    """The page's lines, ``None`` for blank ones."""
    result: list[_Line | None] = []
    text = normalize_spaces(normalize_newlines(text))
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.replace("\u3000", " ").strip()
        if not stripped:
            result.append(None)
            continue
        clean = remove_cjk_spaces(stripped)
        result.append(
            _Line(
                text=stripped,
                clean=clean,
                width=display_width(clean),
                indent=bool(_INDENT.match(raw)),
                number=number,
            )
        )
    return result


def estimate_column_width(widths: list[float]) -> float:
    """The body column width: the upper quartile of the prose lines' widths.

    Most lines of a page are full body lines; the quartile ignores the short last
    lines of paragraphs below it and a few wide lead lines above it.
    """
    if not widths:
        return 20.0
    ordered = sorted(widths)
    return max(ordered[(len(ordered) - 1) * 3 // 4], 6.0)


def _is_prose_line(line: _Line) -> bool:
    return line.width >= 6 and bool(_SENTENCE_MARKS.search(line.clean))


def _local_columns(present: list[_Line], column: float) -> list[float]:
    """The column width around each line.

    A page may set pieces in columns of different widths; measured over the prose
    lines nearby, a narrow column's full lines are not mistaken for short display
    lines. Too few prose lines nearby (a run of titles) fall back to the page's.
    """
    prose = [_is_prose_line(line) for line in present]
    result: list[float] = []
    for i in range(len(present)):
        window = [
            present[j].width
            for j in range(max(0, i - _WINDOW), min(len(present), i + _WINDOW + 1))
            if prose[j]
        ]
        result.append(estimate_column_width(window) if len(window) >= _MIN_WINDOW_LINES else column)
    return result


def _split_lines(text: str) -> tuple[list[list[_Line]], float]:
    lines = _read_lines(text)
    present = [line for line in lines if line is not None]
    column = estimate_column_width([line.width for line in present if _is_prose_line(line)])
    columns = _local_columns(present, column)
    # Reference width of each line: the width of the body line above it when that
    # line wrapped (a line wraps only when full, so that is exactly this column),
    # else the column around it — widened by a full prose line next to it (a lead
    # set across columns). Top-down, because "body line above" is decided first.
    refs: dict[int, float] = {}
    display: dict[int, bool] = {}
    for i, line in enumerate(present):
        above = present[i - 1] if i > 0 else None
        if (
            above is not None
            and above.number == line.number - 1
            and not display[above.number]
            and not ends_sentence(above.clean)
            and above.width >= columns[i - 1] * 0.5
        ):
            ref = above.width
        else:
            ref = columns[i]
        for j in (i - 1, i + 1):
            if 0 <= j < len(present):
                other = present[j]
                if abs(other.number - line.number) == 1 and _is_full_prose(other, columns[j]):
                    ref = max(ref, other.width)
        refs[line.number] = ref
        display[line.number] = is_display_line(
            line.clean, line.width, ref, line.text, continues=_continues_into(present, i)
        )
    lost_indent = _lost_indents(present, columns)

    groups: list[list[_Line]] = []
    current: list[_Line] = []
    previous: _Line | None = None
    for line in lines:
        if line is None:
            if current:
                groups.append(current)
            current, previous = [], None
            continue
        if previous is not None and (
            _breaks(previous, line, refs, display)
            or (line.number in lost_indent and ends_sentence(previous.clean))
        ):
            groups.append(current)
            current = []
        current.append(line)
        previous = line
    if current:
        groups.append(current)
    return groups, column


def _lost_indents(present: list[_Line], columns: list[float]) -> set[int]:
    """Lines that begin a paragraph whose indent the extraction dropped.

    PDF extraction often loses the two-character indent of a paragraph's first line
    but keeps its effect: that line is about two characters narrower than the full
    line below it. Only consulted after a line that ends a sentence, where it tells a
    paragraph break from a sentence that merely ends at the line's end.
    """
    found: set[int] = set()
    for i in range(len(present) - 1):
        line, below = present[i], present[i + 1]
        column = columns[i]
        if below.number != line.number + 1:
            continue
        if (
            column - 4.0 <= line.width <= column - 1.5
            and below.width >= line.width + 1.5
            and _is_full_prose(below, column)
        ):
            found.add(line.number)
    return found


def _is_full_prose(line: _Line, column: float) -> bool:
    return line.width >= column * 0.9 and _is_prose_line(line)


def _breaks(
    previous: _Line, line: _Line, refs: dict[int, float], display: dict[int, bool]
) -> bool:
    """Whether a unit ends between two consecutive non-blank lines."""
    if line.indent:
        return True
    if display[previous.number] or display[line.number]:
        return True
    ref = refs[previous.number]
    short = previous.width < ref - max(2.5, ref * 0.15)
    return short and ends_sentence(previous.clean)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with a full stop, possibly followed by closing quotes."""
    stripped = text.rstrip("".join(CLOSERS) + " ")
    return bool(stripped) and stripped[-1] in TERMINAL_PUNCT


def _has_inner_stop(text: str) -> bool:
    """A full stop anywhere but as a title's final ！ or ？."""
    body = text.rstrip("".join(CLOSERS) + " ")
    if body and body[-1] in "！？!?":
        body = body[:-1]
    return any(c in TERMINAL_PUNCT for c in body)


def _continues_into(present: list[_Line], i: int) -> bool:
    """Whether the lines right below, as wide, lead into prose: one column's lines.

    Where pieces set in columns of different widths meet, the first line of a narrow
    column looks short next to the wide one above; the lines below it tell the truth
    (a line or two without punctuation may come first).
    """
    line = present[i]
    for k in range(1, _SAME_COLUMN_LOOKAHEAD + 1):
        if i + k >= len(present):
            return False
        below = present[i + k]
        if (
            below.number != present[i + k - 1].number + 1
            or below.indent
            or not line.width - 1.5 <= below.width <= line.width + _SAME_COLUMN_SLACK
        ):
            return False
        if _is_prose_line(below):
            return True
        if _is_strong_byline(below.clean, below.text):
            return False  # a title and its byline above a body, not a column of text
    return False


def _is_strong_byline(clean: str, raw: str) -> bool:
    if _SENTENCE_MARKS.search(clean):
        return False
    byline = parse_byline(raw or clean)
    return byline is not None and bool(byline.author) and byline.score >= _STRONG_BYLINE


def is_display_line(
    clean: str, width: float, ref: float, raw: str = "", *, continues: bool = False
) -> bool:
    """Whether a line is display type (headline, subtitle, title, byline) by its shape.

    Display lines carry no sentence (no stop, at most a comma or two, not ending on a
    comma) and are either clearly narrower than the prose around them (a body line
    varies by a character or two, and its first line lost a two-character indent) and
    not continued by an equally wide prose line, opened by a dash, doubled bold type,
    or an unmistakable byline.
    """
    if not clean or width > _MAX_DISPLAY_WIDTH:
        return False
    if _has_inner_stop(clean) or clean[-1] in "，、：,:；;":
        return False
    if clean.count("，") + clean.count("、") + clean.count(",") > _MAX_DISPLAY_COMMAS:
        return False
    if clean[0] in DASHES.strip() or looks_doubled(clean):
        return True
    if width < ref * _DISPLAY_SHARE and not continues:
        return True
    # A byline can be as wide as the column; its name and organisation give it away.
    return _is_strong_byline(clean, raw)


def _make_unit(group: list[_Line]) -> Unit:
    first = group[0]
    width = max(line.width for line in group)
    if len(group) == 1 and _single_display(first):
        return Unit("line", first.text, (first.text,), width, first.number)
    text = clean_prose([line.clean for line in group])
    return Unit("prose", text, tuple(line.text for line in group), width, first.number)


def _single_display(line: _Line) -> bool:
    """A line standing alone is display type unless it reads as a sentence."""
    clean = line.clean
    if line.width > _MAX_DISPLAY_WIDTH or _has_inner_stop(clean):
        return False
    if clean[-1] in "，、：,:；;":
        return False
    return clean.count("，") + clean.count("、") + clean.count(",") <= _MAX_DISPLAY_COMMAS
