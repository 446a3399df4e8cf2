"""Anchoring highlights (标注) to a reflection's text so they survive corrections.

A highlight that remembers only paragraph and offsets is lost, or worse lands on other
words, as soon as the text is corrected: a typo fixed in the review, a paragraph split,
a corrected page imported again. So an :class:`Anchor` stores, like W3C Web Annotation's
TextPositionSelector + TextQuoteSelector, both the position and the quoted words with a
little context on each side, and :func:`reattach` finds the words again:

1. *position*: the stored place still holds the quote (and nothing fits better);
2. *exact*: the quote occurs elsewhere; among several occurrences the context decides,
   then nearness to the old place. Without supporting context a verbatim occurrence is
   taken only if it is unique and at least :data:`DISTINCTIVE` characters long (the
   sentence moved), or if the quote was a whole paragraph (paragraphs reordered);
3. *fuzzy*: an approximate search tolerating small edits inside the quote (a fixed
   typo, removed spaces, full-width/half-width changes).

Candidates are compared by one cost: the edit distance of ``prefix + quote + suffix``
aligned to the text. That cost also contains the explanation "the quote was deleted and
its context closed up", which is how a deleted sentence is told apart from a
similar-looking neighbour. Short quotes ("职工") must also be backed by their context.
A highlight that cannot be placed well enough is reported as detached (``None``), never
moved onto other words and never dropped; when in doubt, it detaches.

The approximate search is Myers' bit-parallel edit-distance algorithm with Python
integers as bit vectors: linear in the text length, so re-anchoring a hundred
highlights after a correction stays interactive. No Qt here; anchors are plain JSON.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from desktop.errors import StudyNotesError

Method = Literal["position", "exact", "fuzzy"]

CONTEXT = 32
"""Characters of context stored on each side of a quote (as TextQuoteSelector does)."""

MAX_ERROR_RATE = 0.3
"""Share of a quote's characters that may have changed for a fuzzy match to count."""

DISTINCTIVE = 8
"""A quote at least this long (ignoring whitespace) identifies its place on its own;
shorter quotes ("职工", "娘家人") must also be backed by their context."""

MIN_CONTEXT_SIMILARITY = 0.5
"""Context agreement required to place a quote shorter than :data:`DISTINCTIVE`."""

PARAGRAPH_SEPARATOR = "\n"


class AnchorError(StudyNotesError, ValueError):
    """A highlight range or a stored anchor that does not make sense."""

    code = "anchor"


# --- values ------------------------------------------------------------------------------


def _is_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Anchor:
    """Where a highlight is, robustly: position plus quote with context.

    ``start``/``end`` are offsets into ``paragraphs[paragraph]``; ``exact`` is the text
    there; ``prefix``/``suffix`` are up to :data:`CONTEXT` characters before and after it
    in the reflection's body (paragraphs joined by newlines, so context may reach into
    the neighbouring paragraph).
    """

    paragraph: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    def __post_init__(self) -> None:
        # Anchors come back from the database and from export files: refuse nonsense at
        # the door rather than let it surface as a misplaced highlight later.
        if not all(_is_index(v) for v in (self.paragraph, self.start, self.end)):
            raise AnchorError("A highlight's paragraph and offsets must be whole numbers.")
        if not all(isinstance(v, str) for v in (self.exact, self.prefix, self.suffix)):
            raise AnchorError("A highlight's quote and context must be text.")
        if self.paragraph < 0 or self.start < 0 or self.end <= self.start:
            raise AnchorError(
                f"A highlight must cover at least one character "
                f"(got paragraph {self.paragraph}, {self.start}-{self.end})."
            )
        if len(self.exact) != self.end - self.start:
            raise AnchorError("A highlight's quote does not match the length of its range.")
        if not self.exact.strip():
            raise AnchorError("A highlight must contain some text, not only spaces.")

    def to_json(self) -> dict[str, object]:
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Anchor:
        """Rebuild an anchor from :meth:`to_json` output; unknown keys are ignored so
        that newer export files still load."""
        if not isinstance(data, Mapping):
            raise AnchorError("A stored highlight is not a JSON object.")
        missing = [key for key in ("paragraph", "start", "end", "exact") if key not in data]
        if missing:
            raise AnchorError(f"A stored highlight lacks {', '.join(missing)}.")
        return cls(
            paragraph=data["paragraph"],  # type: ignore[arg-type]
            start=data["start"],  # type: ignore[arg-type]
            end=data["end"],  # type: ignore[arg-type]
            exact=data["exact"],  # type: ignore[arg-type]
            prefix=data.get("prefix", ""),  # type: ignore[arg-type]
            suffix=data.get("suffix", ""),  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class Placement:
    """Where a highlight re-attached, and how sure that is.

    ``score`` is the similarity of the placed words to the stored quote, ignoring
    whitespace and character width: 1.0 means the same words. ``method`` says which step
    found it; the UI may ask the user to check "fuzzy" placements.
    """

    paragraph: int
    start: int
    end: int
    method: Method
    score: float


def make_anchor(
    paragraphs: Sequence[str], paragraph: int, start: int, end: int, context: int = CONTEXT
) -> Anchor:
    """Anchor the selection ``paragraphs[paragraph][start:end]``.

    Whitespace at either end of the selection is left out: it carries no meaning, and a
    correction that removes spaces would otherwise make the quote look edited.
    """
    if not _is_index(paragraph) or not 0 <= paragraph < len(paragraphs):
        raise AnchorError(f"Paragraph {paragraph} does not exist in this reflection.")
    text = paragraphs[paragraph]
    if not (_is_index(start) and _is_index(end)) or not 0 <= start <= end <= len(text):
        raise AnchorError(
            f"The selection {start}-{end} lies outside paragraph {paragraph} "
            f"({len(text)} characters)."
        )
    if not _is_index(context) or context < 0:
        raise AnchorError("The context length of a highlight must be zero or more.")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise AnchorError("The selection contains no text to highlight.")
    offset = sum(len(p) + len(PARAGRAPH_SEPARATOR) for p in paragraphs[:paragraph])
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    return Anchor(
        paragraph=paragraph,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=body[max(0, offset + start - context) : offset + start],
        suffix=body[offset + end : offset + end + context],
    )


def anchor_at(
    paragraphs: Sequence[str], placement: Placement, context: int = CONTEXT
) -> Anchor:
    """A fresh anchor for a placement (after re-attaching, or a manual re-selection), so
    the stored quote and context follow the corrected text."""
    return make_anchor(paragraphs, placement.paragraph, placement.start, placement.end, context)


def reattach(anchor: Anchor, paragraphs: Sequence[str]) -> Placement | None:
    """Find the anchored words in (possibly corrected) paragraphs; ``None`` = detached."""
    return _Body(paragraphs).place(anchor)


def reattach_all(anchors: Sequence[Anchor], paragraphs: Sequence[str]) -> list[Placement | None]:
    """:func:`reattach` for every highlight of one reflection, preparing the text once."""
    body = _Body(paragraphs)
    return [body.place(anchor) for anchor in anchors]


# --- folding: compare text the way a reader does ---------------------------------------------


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Whitespace and invisible format characters vanish, width and case are ignored:
    PDF clean-up and re-imports change exactly these without changing the words."""
    if ch.isspace() or unicodedata.category(ch) == "Cf":
        return ""
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        return ch
    lowered = folded.lower()
    return lowered if len(lowered) == 1 else folded


def _fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


# --- Myers' bit-parallel edit distance -------------------------------------------------------


def _myers(pattern: str, text: str, *, free_start: bool) -> list[int]:
    """Edit distances of ``pattern`` against ``text`` for every end position.

    ``result[j]`` is the distance to the best substring of ``text`` ending at ``j`` when
    ``free_start`` (approximate search, Sellers' recurrence), else to ``text[:j]``
    (plain edit distance). One pass of a handful of big-integer operations per text
    character (Myers 1999, in Hyyrö's formulation).
    """
    m = len(pattern)
    if m == 0:
        return [0] * (len(text) + 1) if free_start else list(range(len(text) + 1))
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    carry = 0 if free_start else 1
    pv, mv, score = full, 0, m
    scores = [m]
    append = scores.append
    get = peq.get
    for ch in text:
        eq = get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (full & ~(xh | pv))
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = mh | (full & ~(xv | ph))
        mv = ph & xv
        append(score)
    return scores


def _distance(a: str, b: str) -> int:
    return _myers(a, b, free_start=False)[-1]


def _max_errors(length: int) -> int:
    return int(length * MAX_ERROR_RATE + 1e-9)


# --- the text being anchored into ----------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    fold_start: int
    fold_end: int
    cost: int  # edit distance of prefix + quote + suffix aligned here


class _Body:
    """A reflection's paragraphs joined by newlines, with a folded copy for matching.

    ``folded[i]`` is the reader-visible character at body offset ``fold_to_raw[i]``;
    ``raw_to_fold[k]`` counts the folded characters before body offset ``k``.
    """

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = tuple(paragraphs)
        self.raw = PARAGRAPH_SEPARATOR.join(self.paragraphs)
        self.starts: list[int] = []
        offset = 0
        for text in self.paragraphs:
            self.starts.append(offset)
            offset += len(text) + len(PARAGRAPH_SEPARATOR)
        folded: list[str] = []
        self.fold_to_raw: list[int] = []
        self.raw_to_fold: list[int] = []
        for k, ch in enumerate(self.raw):
            self.raw_to_fold.append(len(folded))
            f = _fold_char(ch)
            if f:
                folded.append(f)
                self.fold_to_raw.append(k)
        self.raw_to_fold.append(len(folded))
        self.folded = "".join(folded)

    # .. coordinates ..

    def paragraph_of(self, raw: int) -> int:
        return bisect_right(self.starts, raw) - 1

    def paragraph_fold_range(self, paragraph: int) -> tuple[int, int]:
        start = self.starts[paragraph]
        end = start + len(self.paragraphs[paragraph])
        return self.raw_to_fold[start], self.raw_to_fold[end]

    def old_position(self, anchor: Anchor) -> int:
        """Folded offset where the anchor used to start, as well as this text can say;
        only used to prefer the nearer of equally good places."""
        if not self.paragraphs:
            return 0
        paragraph = min(anchor.paragraph, len(self.paragraphs) - 1)
        start = min(anchor.start, len(self.paragraphs[paragraph]))
        return self.raw_to_fold[self.starts[paragraph] + start]

    def context_equals(self, anchor: Anchor, raw_start: int, raw_end: int) -> bool:
        before = self.raw[max(0, raw_start - len(anchor.prefix)) : raw_start]
        after = self.raw[raw_end : raw_end + len(anchor.suffix)]
        return before == anchor.prefix and after == anchor.suffix

    def occurrences(self, exact: str) -> list[tuple[int, int]]:
        """(paragraph, start) of every verbatim occurrence of the quote."""
        found = []
        for index, text in enumerate(self.paragraphs):
            at = text.find(exact)
            while at != -1:
                found.append((index, at))
                at = text.find(exact, at + 1)
        return found

    # .. placing ..

    def place(self, anchor: Anchor) -> Placement | None:
        if not self.paragraphs:
            return None
        occurrences = self.occurrences(anchor.exact)
        quick = self._place_verbatim(anchor, occurrences)
        if quick is not None:
            return quick
        return self._place_by_alignment(anchor, occurrences)

    def _placement(
        self, anchor: Anchor, paragraph: int, start: int, end: int, score: float
    ) -> Placement:
        text = self.paragraphs[paragraph][start:end]
        if text != anchor.exact:
            method: Method = "fuzzy"
        elif (paragraph, start, end) == (anchor.paragraph, anchor.start, anchor.end):
            method = "position"
        else:
            method = "exact"
        return Placement(paragraph, start, end, method, 1.0 if method != "fuzzy" else score)

    def _place_verbatim(
        self, anchor: Anchor, occurrences: list[tuple[int, int]]
    ) -> Placement | None:
        """The common cases without any alignment: the quote and its whole stored context
        are still there, verbatim (unchanged text, or edits elsewhere)."""
        old = self.old_position(anchor)
        best: tuple[int, int, int] | None = None
        for paragraph, start in occurrences:
            raw_start = self.starts[paragraph] + start
            if not self.context_equals(anchor, raw_start, raw_start + len(anchor.exact)):
                continue
            distance = abs(self.raw_to_fold[raw_start] - old)
            if best is None or distance < best[0]:
                best = (distance, paragraph, start)
        if best is None:
            return None
        _, paragraph, start = best
        return self._placement(anchor, paragraph, start, start + len(anchor.exact), 1.0)

    def _place_by_alignment(
        self, anchor: Anchor, occurrences: list[tuple[int, int]]
    ) -> Placement | None:
        quote = _fold(anchor.exact)
        if not quote:
            return None
        prefix, suffix = _fold(anchor.prefix), _fold(anchor.suffix)
        folded = self.folded
        fit = _Fit(
            quote=quote,
            prefix_cost=_myers(prefix, folded, free_start=True),
            suffix_cost=_myers(suffix[::-1], folded[::-1], free_start=True)[::-1],
            context_length=len(prefix) + len(suffix),
        )
        head_cost = _myers(prefix + quote, folded, free_start=True)
        old = self.old_position(anchor)

        best = self._best_alignment(fit, head_cost, old + len(quote))
        if best is not None and best.cost < fit.deletion_cost:
            placed = self._clip(best.fold_start, best.fold_end)
            if placed is not None:
                fs, fe, paragraph = placed
                errors = _distance(quote, folded[fs:fe])
                backed = len(quote) >= DISTINCTIVE or fit.context_backs(fs, fe)
                if errors <= _max_errors(len(quote)) and backed:
                    score = 1 - errors / len(quote)
                    return self._placement_from_fold(anchor, paragraph, fs, fe, score)

        # The best alignment says the words are gone (or too changed); verbatim copies
        # still count when their context backs them, when the quote is long enough to
        # be unambiguous and occurs once, or when a whole paragraph moved.
        ranked = []
        for paragraph, start in occurrences:
            raw_start = self.starts[paragraph] + start
            fs = self.raw_to_fold[raw_start]
            fe = self.raw_to_fold[raw_start + len(anchor.exact)]
            ranked.append((fit.cost(fs, fe), abs(fs - old), paragraph, fs, fe))
        ranked.sort()
        unique = len(occurrences) == 1 and len(quote) >= DISTINCTIVE
        for cost, _, paragraph, fs, fe in ranked:
            backed = cost < fit.deletion_cost and fit.context_backs(fs, fe)
            moved = _is_whole_paragraph(anchor) and self._fills_paragraph(paragraph, fs, fe)
            if backed or unique or moved:
                return self._placement_from_fold(anchor, paragraph, fs, fe, 1.0)
        return None

    def _placement_from_fold(
        self, anchor: Anchor, paragraph: int, fold_start: int, fold_end: int, score: float
    ) -> Placement:
        paragraph_start = self.starts[paragraph]
        start = self.fold_to_raw[fold_start] - paragraph_start
        end = self.fold_to_raw[fold_end - 1] + 1 - paragraph_start
        return self._placement(anchor, paragraph, start, end, score)

    def _fills_paragraph(self, paragraph: int, fold_start: int, fold_end: int) -> bool:
        return self.paragraph_fold_range(paragraph) == (fold_start, fold_end)

    def _best_alignment(
        self, fit: _Fit, head_cost: list[int], old_end: int
    ) -> _Candidate | None:
        """The cheapest alignment of prefix + quote + suffix; its quote span may be empty
        or short, which means the quote's words are gone from where its context stands."""
        quote, prefix_cost = fit.quote, fit.prefix_cost
        totals = [h + s for h, s in zip(head_cost, fit.suffix_cost)]
        lowest = min(totals)
        ends = [e for e, total in enumerate(totals) if total == lowest]
        # Equal costs: take the run of adjacent ends nearest the old place, and inside it
        # the end that fits the quote best (an insertion right after the quote belongs to
        # the suffix, not to the highlight).
        runs: list[list[int]] = []
        for e in ends:
            if runs and e - runs[-1][-1] <= 1:
                runs[-1].append(e)
            else:
                runs.append([e])
        run = min(runs, key=lambda r: min(abs(e - old_end) for e in r))
        end = min(run, key=lambda e: (head_cost[e], e))

        # Walk back from the end: which start gives that cost? Spans much longer than
        # the quote could not pass the error threshold anyway.
        limit = min(end, len(quote) + _max_errors(len(quote)))
        window = self.folded[end - limit : end][::-1]
        # quote_cost[n] = edit distance of the quote to text[end - n : end]
        quote_cost = _myers(quote[::-1], window, free_start=False)
        best: tuple[int, int] | None = None
        best_length = 0
        for length in range(limit + 1):
            key = (prefix_cost[end - length] + quote_cost[length], abs(length - len(quote)))
            if best is None or key < best:
                best, best_length = key, length
        if best is None or best[0] != head_cost[end]:
            return None
        return _Candidate(end - best_length, end, lowest)

    def _clip(self, fold_start: int, fold_end: int) -> tuple[int, int, int] | None:
        """Keep a span inside one paragraph: (fold_start, fold_end, paragraph).

        A span over a paragraph break (the quote's paragraph was split) is cut to the
        paragraph holding most of it; the caller then judges what is left on its own.
        """
        if fold_end <= fold_start:
            return None
        first = self.paragraph_of(self.fold_to_raw[fold_start])
        last = self.paragraph_of(self.fold_to_raw[fold_end - 1])
        best = (fold_start, fold_end, first)
        if first != last:
            widest = -1
            for paragraph in range(first, last + 1):
                lo, hi = self.paragraph_fold_range(paragraph)
                lo, hi = max(lo, fold_start), min(hi, fold_end)
                if hi - lo > widest:
                    widest, best = hi - lo, (lo, hi, paragraph)
        return best if best[1] > best[0] else None


@dataclass
class _Fit:
    """How well the stored context fits around any span of the folded text.

    ``prefix_cost[x]``: edit distance of the prefix aligned to end exactly at ``x`` (its
    far end free); ``suffix_cost[x]``: of the suffix aligned to start exactly at ``x``.
    ``deletion_cost`` explains the text as "the quote was deleted and its context closed
    up"; a placement must explain the text better than that.
    """

    quote: str
    prefix_cost: list[int]
    suffix_cost: list[int]
    context_length: int
    deletion_cost: int = field(init=False)

    def __post_init__(self) -> None:
        closest = min(p + s for p, s in zip(self.prefix_cost, self.suffix_cost))
        self.deletion_cost = closest + len(self.quote)

    def cost(self, fold_start: int, fold_end: int) -> int:
        return self.prefix_cost[fold_start] + self.suffix_cost[fold_end]

    def context_backs(self, fold_start: int, fold_end: int) -> bool:
        if not self.context_length:
            return True
        agreement = 1 - self.cost(fold_start, fold_end) / self.context_length
        return agreement >= MIN_CONTEXT_SIMILARITY


def _is_whole_paragraph(anchor: Anchor) -> bool:
    """Whether the anchored quote was a paragraph of its own (context on both sides
    begins at a paragraph break), so it carries no context of its own to move with."""
    before = anchor.prefix.rpartition(PARAGRAPH_SEPARATOR)[2]
    after = anchor.suffix.partition(PARAGRAPH_SEPARATOR)[0]
    return not before.strip() and not after.strip()
