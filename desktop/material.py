"""The dataclasses that cross layers: a material (学习材料) and its reflections (心得).

The importer produces them, the review edits them, the library stores and returns them,
the window shows them. They are plain, immutable values: no ORM rows and no Qt objects
leave the layer that owns them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

TitlePosition = Literal["before", "after", "far", "none"]


@dataclass(frozen=True)
class Reflection:
    """One reflection (心得) as parsed from a page: title, byline and body paragraphs.

    ``title_position`` records where the title + byline stood relative to the body on the
    page ("before", "after", "far" for a title block not adjacent to its body, "none"
    when the piece had no title block); the review uses it to explain the layout.
    """

    title: str
    author: str
    affiliation: str
    paragraphs: tuple[str, ...]
    title_position: TitlePosition = "none"

    @property
    def byline(self) -> str:
        return " ".join(part for part in (self.affiliation, self.author) if part)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "author": self.author,
            "affiliation": self.affiliation,
            "paragraphs": list(self.paragraphs),
            "title_position": self.title_position,
        }


@dataclass(frozen=True)
class Material:
    """One imported page (学习材料): headline, subtitle, lead (导语) and reflections."""

    headline: str
    subtitle: str
    lead: str
    reflections: tuple[Reflection, ...]
    warnings: tuple[str, ...] = ()
    source_text: str = field(default="", repr=False, compare=False)

    def to_json(self) -> dict[str, object]:
        return {
            "headline": self.headline,
            "subtitle": self.subtitle,
            "lead": self.lead,
            "reflections": [r.to_json() for r in self.reflections],
            "warnings": list(self.warnings),
        }

    @property
    def content_hash(self) -> str:
        """Identity of the page for duplicate detection.

        Hashes the source text with every whitespace character removed, so the same page
        saved in another encoding, with other line ends or wrapped differently is still
        recognised; falls back to the structure when there is no source (built by hand).
        """
        basis = self.source_text or repr(self.to_json())
        squeezed = "".join(basis.split())
        return hashlib.sha256(squeezed.encode("utf-8")).hexdigest()


# --- what the library returns -------------------------------------------------------


@dataclass(frozen=True)
class MaterialSummary:
    """A material as listed in the library panel."""

    id: int
    headline: str
    subtitle: str
    source_name: str
    imported_at: datetime
    reflection_count: int


@dataclass(frozen=True)
class ReflectionSummary:
    """A reflection as listed in the library panel: enough to draw a row, no body."""

    id: int
    material_id: int
    position: int
    title: str
    author: str
    affiliation: str


@dataclass(frozen=True)
class StoredReflection:
    """A reflection read back from the library, with its body, for the reading pane."""

    id: int
    material_id: int
    position: int
    title: str
    author: str
    affiliation: str
    paragraphs: tuple[str, ...]
    material_headline: str = ""


@dataclass(frozen=True)
class StoredMaterial:
    """A material read back from the library, with its lead."""

    id: int
    headline: str
    subtitle: str
    lead: str
    source_name: str
    imported_at: datetime
    content_hash: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the material's id and whether it was new or already there."""

    material_id: int
    created: bool
    reflection_count: int
