"""Sentence and word spans for selecting Chinese text in the reading pane.

Dragging a mouse over Chinese is fiddly: there are no spaces to snap to, and a selection
easily runs one character into the next sentence. The reading pane therefore selects a
whole sentence on a modified click or triple-click and a word on a double-click; these
functions say where those end. They are pure (no Qt, no jieba): the word tokens, when
there are any, are computed elsewhere and passed in.

A sentence ends after 。！？；… (a run of them, e.g. ？！ or ……) together with the closing
quotes or brackets right after it (。” ）), and at every line break. Spans never start
or end with whitespace; every other character belongs to exactly one sentence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from desktop.text.cleanup import is_ideograph

Span = tuple[int, int]

TERMINATORS = frozenset("。！？；…｡!?;")
"""Characters that end a sentence (or, for ；, a clause the reader treats as one)."""

CLOSERS = frozenset("”’」』）》〉】〕〗〙〛)]}\"'")
"""Closing quotes and brackets that stay with the sentence they follow (。” ）)."""

LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

_NUMBER_JOINERS = frozenset(".,．，")


def sentence_spans(text: str) -> list[Span]:
    """The sentences of ``text`` as ``(start, end)`` offsets, in order."""
    spans: list[Span] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in LINE_BREAKS:
            _add_stripped(spans, text, start, i)
            start = i = i + 1
        elif ch in TERMINATORS or _is_full_stop(text, i):
            i += 1
            while i < n and (text[i] in TERMINATORS or _is_full_stop(text, i)):
                i += 1
            while i < n and text[i] in CLOSERS:
                i += 1
            _add_stripped(spans, text, start, i)
            start = i
        else:
            i += 1
    _add_stripped(spans, text, start, n)
    return spans


def sentence_at(text: str, pos: int) -> Span:
    """The sentence under ``pos``; on blank space the sentence before it on the same
    line (where a click past a line's end lands), else the one after it; ``(pos, pos)``
    when the line has no text."""
    pos = max(0, min(pos, len(text)))
    spans = sentence_spans(text)
    before: Span | None = None
    for span in spans:
        start, end = span
        if start <= pos < end:
            return span
        if end <= pos:
            before = span
        elif before is not None and not _has_line_break(text, before[1], pos):
            return before
        elif not _has_line_break(text, pos, start):
            return span
        else:
            break
    if before is not None and not _has_line_break(text, before[1], pos):
        return before
    return (pos, pos)


def word_at(text: str, pos: int, words: Sequence[Span] | None = None) -> Span:
    """The word under the character at ``pos``, for a double-click.

    With ``words`` (token spans from a segmenter) the token containing ``pos``, cut to
    its sentence and to the run of word characters around ``pos``; without them, or when
    no token covers ``pos``, the run of characters of the same kind (Chinese, Latin
    letters and digits). A punctuation mark selects itself; blank space selects nothing.
    """
    if not text:
        return (0, 0)
    pos = max(0, min(pos, len(text) - 1))
    kind = _kind(text, pos)
    if kind == "space":
        return (pos, pos)
    if kind == "punct":
        return (pos, pos + 1)
    sentence_start, sentence_end = sentence_at(text, pos)
    token = _token_at(words, pos) if words else None
    if token is not None:
        # A token may mix kinds (6.8万); only blank space and punctuation cut it.
        low, high = max(token[0], sentence_start), min(token[1], sentence_end)
        kinds = {"cjk", "latin"}
    else:
        low, high = sentence_start, sentence_end
        kinds = {kind}
    start, end = pos, pos + 1
    while start > low and _kind(text, start - 1) in kinds:
        start -= 1
    while end < high and _kind(text, end) in kinds:
        end += 1
    return (start, end)


# --- helpers ------------------------------------------------------------------------------------


def _add_stripped(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _is_full_stop(text: str, i: int) -> bool:
    """An ASCII '.' ends a sentence only before blank space or the end (not in 6.8)."""
    return text[i] == "." and (i + 1 == len(text) or text[i + 1].isspace())


def _has_line_break(text: str, start: int, end: int) -> bool:
    return any(ch in LINE_BREAKS for ch in text[start:end])


def _token_at(words: Sequence[Span], pos: int) -> Span | None:
    for start, end in words:
        if start <= pos < end:
            return (start, end)
    return None


def _kind(text: str, i: int) -> str:
    """'space', 'punct', 'cjk' or 'latin' (letters and digits, with the point or comma
    inside a number such as 6.8 or 1,000)."""
    ch = text[i]
    if ch.isspace():
        return "space"
    if is_ideograph(ch) or ch == "々":
        return "cjk"
    if ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M"):
        return "latin"
    if (
        ch in _NUMBER_JOINERS
        and 0 < i < len(text) - 1
        and text[i - 1].isdigit()
        and text[i + 1].isdigit()
    ):
        return "latin"
    return "punct"
