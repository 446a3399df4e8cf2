"""The annotation values that cross layers: highlights (标注), notes (笔记), dismissals.

Like :mod:`desktop.material`, these are plain frozen dataclasses: the library returns
them, the window and the commands consume them, nobody sees ORM rows. A highlight's
place is a :class:`desktop.anchoring.Anchor` (position + quote + context), so it can be
found again after the reflection's text is corrected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from desktop.errors import StudyNotesError

if TYPE_CHECKING:  # only a type here; the window's first paint need not import anchoring
    from desktop.anchoring import Anchor

Category = Literal["commitment", "quote", "question"]

COMMITMENT: Category = "commitment"  # 承诺
QUOTE: Category = "quote"  # 金句
QUESTION: Category = "question"  # 疑问

CATEGORIES: tuple[Category, ...] = (COMMITMENT, QUOTE, QUESTION)
"""Every category, in display order (legend, filters, the brief's sections)."""

NOTE_SEPARATOR = "\n\n————\n\n"
"""Put between two different versions of a note when both are kept (see
:func:`merge_texts`); a plain line of dashes that reads the same in any language."""


class AnnotationError(StudyNotesError, ValueError):
    """A highlight or note that cannot be stored as asked (unknown category, stale place)."""

    code = "annotation"


class UnknownMaterialError(AnnotationError):
    """Annotations (e.g. from another PC) for a material this library does not hold."""

    code = "annotation-unknown-material"


def check_category(category: str) -> Category:
    """Refuse an unknown category with a clear message (the database would refuse too,
    but with an SQL error)."""
    if category not in CATEGORIES:
        raise AnnotationError(
            f"{category!r} is not a highlight category; use one of {', '.join(CATEGORIES)}.",
            code="annotation-category",
        )
    return category  # type: ignore[return-value]


@dataclass(frozen=True)
class Highlight:
    """A highlight on a reflection.

    ``detached`` means its words were not found after the text was corrected: the anchor
    is then the one from before the correction (quote and context as they were), for the
    user to re-attach by hand or remove; it is never moved onto other words.
    """

    id: int
    reflection_id: int
    category: Category
    anchor: Anchor
    comment: str
    created_at: datetime
    updated_at: datetime
    detached: bool = False


@dataclass(frozen=True)
class Note:
    """The note on a reflection, or the study reflection on a material, with its age."""

    text: str
    updated_at: datetime


@dataclass(frozen=True)
class DismissedSuggestion:
    """A suggested commitment the reader turned down.

    Recognised by :attr:`key` (the sentence's words), so offsets may change without the
    suggestion coming back; the offsets are kept as where it was when dismissed.
    """

    reflection_id: int
    paragraph: int
    start: int
    end: int
    sentence: str
    dismissed_at: datetime | None = None

    @property
    def key(self) -> str:
        return sentence_key(self.sentence)


def sentence_key(sentence: str) -> str:
    """What identifies a suggested sentence: its characters without any whitespace.

    Re-wrapped or re-spaced text (a corrected page) keeps the key, so a dismissal holds.
    Compare ``sentence_key(suggestion.sentence) in library.dismissed_suggestions(id)``.
    """
    return "".join(sentence.split())


def merge_texts(ours: str, theirs: str) -> str:
    """Merge two versions of a note (or a comment) without losing either.

    Chosen over "the newer wins" because a note written on another PC is the user's work
    too. Idempotent, so importing the same file twice changes nothing: a version that
    already contains the other one is kept as it is; two different versions are both
    kept, ``ours`` first, joined by :data:`NOTE_SEPARATOR`.
    """
    if not theirs.strip() or theirs in ours:
        return ours
    if not ours.strip() or ours in theirs:
        return theirs
    return ours + NOTE_SEPARATOR + theirs


# --- a material's annotations as a whole (export / import) --------------------------------


@dataclass(frozen=True)
class PortableHighlight:
    """A highlight as carried between libraries: no id, no reflection id (the receiving
    library has its own)."""

    category: Category
    anchor: Anchor
    comment: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    detached: bool = False


@dataclass(frozen=True)
class ReflectionAnnotations:
    """Everything annotated on one reflection, found again by its position and title."""

    position: int
    title: str
    note: Note | None = None
    highlights: tuple[PortableHighlight, ...] = ()
    dismissed: tuple[DismissedSuggestion, ...] = ()


@dataclass(frozen=True)
class MaterialAnnotations:
    """A material's annotations, identified by the page's content hash (or, if that
    changed because the text was corrected, by its headline and reflection titles)."""

    content_hash: str
    headline: str
    subtitle: str = ""
    reflection_titles: tuple[str, ...] = ()
    study_reflection: Note | None = None
    reflections: tuple[ReflectionAnnotations, ...] = field(default=())

    @property
    def highlight_count(self) -> int:
        return sum(len(r.highlights) for r in self.reflections)


@dataclass(frozen=True)
class AnnotationImportResult:
    """What importing a material's annotations did, for the user's summary line."""

    material_id: int
    highlights_added: int
    highlights_detached: int
    highlights_already_there: int
    notes_changed: int
    dismissals_added: int
