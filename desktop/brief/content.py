"""What a brief is made of: plain frozen values, independent of where they come from.

The generator takes the material, the reader's highlights (标注) and notes (笔记) as
these dataclasses, filled in from the library by ``desktop.brief_source`` (or from a
file by the headless command), so it never touches the database. Nothing here imports reportlab: the window and the headless command build these values
cheaply and only the generator modules pay for the PDF library.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover - typing only
    from desktop.material import Material

Category = Literal["commitment", "quote", "question"]

COMMITMENT: Category = "commitment"
QUOTE: Category = "quote"
QUESTION: Category = "question"
CATEGORIES: tuple[Category, ...] = (COMMITMENT, QUOTE, QUESTION)
ALL_CATEGORIES: frozenset[str] = frozenset(CATEGORIES)


@dataclass(frozen=True)
class BriefHighlight:
    """One highlight (标注): a span of one paragraph of a reflection.

    ``start``/``end`` are character offsets into ``paragraphs[paragraph]``; ``text`` is the
    highlighted text itself, so a highlight still shows (in the lists) when the offsets no
    longer match the paragraph, and can be found again by its text. ``detached`` comes
    from the library (its words were not found after a correction): such a highlight is
    listed but never marked in the text, lest it land on other words.
    """

    category: Category
    paragraph: int
    start: int
    end: int
    text: str
    comment: str = ""
    detached: bool = False


@dataclass(frozen=True)
class BriefReflection:
    """A reflection (心得) with the reader's highlights and note (笔记)."""

    title: str
    author: str
    affiliation: str
    paragraphs: tuple[str, ...]
    highlights: tuple[BriefHighlight, ...] = ()
    note: str = ""

    @property
    def byline(self) -> str:
        return "　".join(part for part in (self.affiliation, self.author) if part)

    @property
    def display_title(self) -> str:
        """A title to show even for a piece the page printed without one."""
        if self.title.strip():
            return self.title.strip()
        if self.author.strip():
            return f"{self.author.strip()}的心得"
        return "（无标题）"


@dataclass(frozen=True)
class BriefContent:
    """One material (学习材料) as the brief sees it."""

    headline: str
    subtitle: str
    lead: str
    reflections: tuple[BriefReflection, ...]
    study_reflection: str = ""
    keywords: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class CoverInfo:
    """The cover of the personal brief: 学习主题, 单位, 姓名 and the date."""

    topic: str = ""
    unit: str = ""
    name: str = ""
    date: _dt.date | str | None = None

    @property
    def date_text(self) -> str:
        """The date the Chinese way (2024年5月8日); today when none was given."""
        value = self.date if self.date is not None else _dt.date.today()
        if isinstance(value, (_dt.date, _dt.datetime)):
            return f"{value.year}年{value.month}月{value.day}日"
        return str(value)


@dataclass(frozen=True)
class BriefOptions:
    """What goes into the PDF and how it is typeset."""

    categories: frozenset[str] = field(default_factory=lambda: ALL_CATEGORIES)
    include_full_text: bool = True
    gongwen: bool = False
    font_path: Path | None = None
    font_subfont_index: int = 0


@dataclass(frozen=True)
class BriefResult:
    """What an export produced: the file, its page count and the body font it embedded."""

    path: Path
    pages: int
    font_used: str


def content_from_material(
    material: Material, keywords: tuple[tuple[str, float], ...] = ()
) -> BriefContent:
    """A brief's content for a freshly imported page: no highlights, no notes yet."""
    return BriefContent(
        headline=material.headline,
        subtitle=material.subtitle,
        lead=material.lead,
        reflections=tuple(
            BriefReflection(
                title=r.title,
                author=r.author,
                affiliation=r.affiliation,
                paragraphs=tuple(r.paragraphs),
            )
            for r in material.reflections
        ),
        keywords=tuple(keywords),
    )
