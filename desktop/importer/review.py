"""The import review's operations: correct a parsed page before it is stored.

Automatic structure is never perfect, so the window shows the parsed material and lets
the user fix it. Every correction is a pure function here that takes a :class:`Material`
and returns a NEW one: the dialog keeps the before/after values for an exact undo, and
the same operations can be tested (and scripted) without Qt.

The guiding rule is that a structural operation never loses text. Whatever a merge,
split, lead change or byline move does, every non-blank character of the headline,
subtitle, lead, titles, bylines and paragraphs is still somewhere in the result:

* merging two reflections that both have a title keeps the first one's title and byline;
  the second one's title and byline become paragraphs at the junction (in the merged
  piece they read as a sub-heading), where the user can keep, edit or move them;
* marking a reflection as the lead swaps its body with the old lead's, so a previous
  lead comes back as the body at that position (untitled, unless the reflection had a
  title, which stays where it was);
* moving a title+byline to another body swaps them, so the target's former title and
  byline go to the source.

Only reflections left with no text at all (no title, byline or paragraph) are dropped.
The explicit edits (``edit_*``) change exactly what the user typed.

Impossible operations raise :class:`ReviewError` (a ``ValueError``) or
:class:`ReviewIndexError` (an ``IndexError``) with one clear sentence; the window
disables such commands, so these are a safety net rather than a dialogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Literal

from desktop.errors import StudyNotesError
from desktop.material import Material, Reflection

HeaderField = Literal["headline", "subtitle", "lead"]
ReflectionField = Literal["title", "author", "affiliation"]

HEADER_FIELDS: tuple[str, ...] = ("headline", "subtitle", "lead")
REFLECTION_FIELDS: tuple[str, ...] = ("title", "author", "affiliation")

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


class ReviewError(StudyNotesError, ValueError):
    """A review operation that makes no sense for this material (e.g. nothing to merge)."""

    code = "review"


class ReviewIndexError(StudyNotesError, IndexError):
    """A reflection or paragraph number that does not exist."""

    code = "review-index"


# --- helpers -----------------------------------------------------------------------------


def has_byline(reflection: Reflection) -> bool:
    """Whether the reflection carries a title or any part of a byline."""
    return bool(reflection.title or reflection.author or reflection.affiliation)


def is_empty(reflection: Reflection) -> bool:
    """A reflection with no text at all: dropping it loses nothing."""
    return not has_byline(reflection) and not any(p.strip() for p in reflection.paragraphs)


def opening_words(reflection: Reflection, length: int = 30) -> str:
    """The first characters of the body: how a user recognises a piece without a title."""
    body = "".join(reflection.paragraphs).strip()
    return body if len(body) <= length else body[:length] + "…"


def paragraphs_from_text(text: str) -> tuple[str, ...]:
    """Paragraphs of an editor's text: every non-blank line is one paragraph.

    The editor shows paragraphs separated by blank lines for legibility; reading any line
    break as a paragraph break is the forgiving reading, since a user pressing Enter once
    means a new paragraph. Stored paragraphs never contain line breaks, so the round trip
    with :func:`paragraphs_to_text` is exact.
    """
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def paragraphs_to_text(paragraphs: Iterable[str]) -> str:
    """The editor's text for paragraphs: blank-line separated blocks."""
    return "\n\n".join(paragraphs)


def locate_in_text(text: str, position: int) -> tuple[int, int]:
    """Map a cursor position in an editor's text to (paragraph index, offset in it).

    Uses the same reading as :func:`paragraphs_from_text`. A cursor on a blank line between
    two paragraphs is placed at the start of the next one (or the end of the last one), so
    "split at cursor" splits between them.
    """
    position = max(0, min(position, len(text)))
    paragraph_index = -1
    line_start = 0
    last: tuple[int, int] | None = None
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        line_end = line_start + len(content)
        if content.strip():
            paragraph_index += 1
            stripped = content.strip()
            lead_ws = len(content) - len(content.lstrip())
            if position <= line_end:
                if position < line_start:
                    return paragraph_index, 0
                offset = position - line_start - lead_ws
                return paragraph_index, max(0, min(offset, len(stripped)))
            last = (paragraph_index, len(stripped))
        line_start += len(line)
    if last is None:
        raise ReviewError(
            "The text has no paragraph to place the cursor in.", code="review-empty-text"
        )
    return last


def _check_index(material: Material, index: int) -> Reflection:
    count = len(material.reflections)
    if not 0 <= index < count:
        raise ReviewIndexError(
            f"There is no reflection number {index + 1}; the page has {count}.", index=index
        )
    return material.reflections[index]


def _with_reflections(material: Material, reflections: Iterable[Reflection]) -> Material:
    return replace(material, reflections=tuple(reflections))


def _replace_at(material: Material, index: int, *new: Reflection) -> Material:
    items = list(material.reflections)
    items[index : index + 1] = [r for r in new if not is_empty(r)]
    return _with_reflections(material, items)


def _byline_paragraphs(reflection: Reflection) -> list[str]:
    """A title and byline written out as paragraphs, for a merge that cannot keep both."""
    return [part for part in (reflection.title, reflection.byline) if part]


def _untitled(paragraphs: Sequence[str]) -> Reflection:
    return Reflection(title="", author="", affiliation="", paragraphs=tuple(paragraphs))


# --- edits -------------------------------------------------------------------------------


def edit_header(material: Material, field: HeaderField, value: str) -> Material:
    """Correct the headline, subtitle or lead."""
    if field not in HEADER_FIELDS:
        raise ReviewError(f"{field!r} is not a header field of a material.", code="review-field")
    return replace(material, **{field: value.strip()})


def edit_reflection(material: Material, index: int, field: ReflectionField, value: str) -> Material:
    """Correct one reflection's title, author or affiliation."""
    reflection = _check_index(material, index)
    if field not in REFLECTION_FIELDS:
        raise ReviewError(f"{field!r} is not a field of a reflection.", code="review-field")
    changed = replace(reflection, **{field: value.strip()})
    if not has_byline(changed):
        changed = replace(changed, title_position="none")
    elif reflection.title_position == "none" and not has_byline(reflection):
        # A title typed by the user for an untitled body: it stands before the body.
        changed = replace(changed, title_position="before")
    items = list(material.reflections)
    items[index] = changed
    return _with_reflections(material, items)


def edit_paragraphs(material: Material, index: int, paragraphs: Sequence[str]) -> Material:
    """Replace one reflection's body; blank paragraphs are left out, the rest trimmed."""
    reflection = _check_index(material, index)
    if isinstance(paragraphs, str):
        raise TypeError("paragraphs must be a sequence of strings, not one string")
    cleaned = tuple(p.strip() for p in paragraphs if p.strip())
    items = list(material.reflections)
    items[index] = replace(reflection, paragraphs=cleaned)
    return _with_reflections(material, items)


# --- structure ---------------------------------------------------------------------------


def _merge(first: Reflection, second: Reflection) -> Reflection:
    if has_byline(first) and has_byline(second):
        paragraphs = first.paragraphs + tuple(_byline_paragraphs(second)) + second.paragraphs
        return replace(first, paragraphs=paragraphs)
    keeper = first if has_byline(first) or not has_byline(second) else second
    return replace(keeper, paragraphs=first.paragraphs + second.paragraphs)


def merge_with_previous(material: Material, index: int) -> Material:
    """Join a reflection to the one before it (the parser cut one piece in two)."""
    _check_index(material, index)
    if index == 0:
        raise ReviewError(
            "The first reflection has no previous reflection to merge with.",
            code="review-no-previous",
        )
    merged = _merge(material.reflections[index - 1], material.reflections[index])
    items = list(material.reflections)
    items[index - 1 : index + 1] = [merged]
    return _with_reflections(material, items)


def merge_with_next(material: Material, index: int) -> Material:
    """Join a reflection to the one after it."""
    _check_index(material, index)
    if index == len(material.reflections) - 1:
        raise ReviewError(
            "The last reflection has no next reflection to merge with.", code="review-no-next"
        )
    return merge_with_previous(material, index + 1)


def split(material: Material, index: int, paragraph_index: int) -> Material:
    """Cut a reflection in two before one of its paragraphs (the parser ran two together).

    The first part keeps the title and byline; the second is untitled, and the user can
    give it one by typing it or by moving a title+byline to it.
    """
    reflection = _check_index(material, index)
    count = len(reflection.paragraphs)
    if not 0 <= paragraph_index < count:
        raise ReviewIndexError(
            f"Reflection {index + 1} has no paragraph number {paragraph_index + 1}; "
            f"it has {count}.",
            index=index,
            paragraph_index=paragraph_index,
        )
    if paragraph_index == 0:
        raise ReviewError(
            "Splitting before the first paragraph would leave the first part without a body.",
            code="review-split-edge",
        )
    first = replace(reflection, paragraphs=reflection.paragraphs[:paragraph_index])
    second = _untitled(reflection.paragraphs[paragraph_index:])
    items = list(material.reflections)
    items[index : index + 1] = [first, second]
    return _with_reflections(material, items)


def split_at_text(
    material: Material, index: int, paragraph_index: int, char_offset: int
) -> Material:
    """Cut a reflection inside a paragraph, where two pieces ran together on the page.

    Whitespace at the cut is trimmed. A cut at the very start or end of a paragraph is a
    split between paragraphs; a cut that would leave either part with no text is refused.
    """
    reflection = _check_index(material, index)
    count = len(reflection.paragraphs)
    if not 0 <= paragraph_index < count:
        raise ReviewIndexError(
            f"Reflection {index + 1} has no paragraph number {paragraph_index + 1}; "
            f"it has {count}.",
            index=index,
            paragraph_index=paragraph_index,
        )
    paragraph = reflection.paragraphs[paragraph_index]
    if not 0 <= char_offset <= len(paragraph):
        raise ReviewIndexError(
            f"Position {char_offset} is outside paragraph {paragraph_index + 1}, "
            f"which has {len(paragraph)} characters.",
            index=index,
            paragraph_index=paragraph_index,
        )
    head, tail = paragraph[:char_offset].strip(), paragraph[char_offset:].strip()
    if not head:
        return split(material, index, paragraph_index)
    if not tail:
        if paragraph_index + 1 == count:
            raise ReviewError(
                "Splitting after the last paragraph would leave the second part without a body.",
                code="review-split-edge",
            )
        return split(material, index, paragraph_index + 1)
    paragraphs = (
        reflection.paragraphs[:paragraph_index]
        + (head, tail)
        + reflection.paragraphs[paragraph_index + 1 :]
    )
    widened = _replace_at(material, index, replace(reflection, paragraphs=paragraphs))
    return split(widened, index, paragraph_index + 1)


def mark_as_lead(material: Material, index: int) -> Material:
    """Make a reflection's body the lead (导语) of the page.

    The body and the old lead change places: a previous lead is not lost but becomes the
    body at that position (an untitled reflection, or the body under this reflection's
    title if it had one). A reflection left with no text at all is dropped.
    """
    reflection = _check_index(material, index)
    if not reflection.paragraphs:
        raise ReviewError(
            f"Reflection {index + 1} has no body to use as the lead.", code="review-no-body"
        )
    old_lead = paragraphs_from_text(material.lead)
    changed = replace(material, lead="\n".join(reflection.paragraphs))
    return _replace_at(changed, index, replace(reflection, paragraphs=old_lead))


def lead_to_reflection(material: Material) -> Material:
    """Turn the lead into an untitled first reflection (the lead was really a piece)."""
    paragraphs = paragraphs_from_text(material.lead)
    if not paragraphs:
        raise ReviewError("The page has no lead to turn into a reflection.", code="review-no-lead")
    return replace(material, lead="", reflections=(_untitled(paragraphs),) + material.reflections)


def move_byline(material: Material, from_index: int, to_index: int) -> Material:
    """Give one body's title and byline to another body (the parser paired them wrongly).

    The target's former title and byline go to the source, so nothing is lost; a source
    that was only a title (no body) and receives nothing is dropped.
    """
    source = _check_index(material, from_index)
    target = _check_index(material, to_index)
    if from_index == to_index:
        raise ReviewError(
            "A title and byline cannot be moved to the reflection they already belong to.",
            code="review-same-reflection",
        )
    if not has_byline(source):
        raise ReviewError(
            f"Reflection {from_index + 1} has no title or byline to move.", code="review-no-byline"
        )
    fields = ("title", "author", "affiliation", "title_position")
    items = list(material.reflections)
    items[to_index] = replace(target, **{f: getattr(source, f) for f in fields})
    items[from_index] = replace(source, **{f: getattr(target, f) for f in fields})
    return _with_reflections(material, [r for r in items if not is_empty(r)])


def index_after_move(material: Material, from_index: int, to_index: int) -> int:
    """Where the target of :func:`move_byline` ends up (the source may have been dropped)."""
    source = _check_index(material, from_index)
    target = _check_index(material, to_index)
    source_dropped = not has_byline(target) and not any(p.strip() for p in source.paragraphs)
    return to_index - 1 if source_dropped and from_index < to_index else to_index


def without_empty_reflections(material: Material) -> Material:
    """The material minus reflections the user emptied completely (they hold no text)."""
    kept = tuple(r for r in material.reflections if not is_empty(r))
    return material if len(kept) == len(material.reflections) else _with_reflections(material, kept)
