"""The PDF study brief (学习简报) and the trainer's handout (培训讲义).

``import desktop.brief`` is cheap: it defines the input values and the error, and loads
reportlab only when a PDF is actually built (the headless command and the window's
start-up never pay for it). The typesetting lives in the submodules:

* ``content``   the input dataclasses (no reportlab)
* ``fonts``     embedded CJK font, Latin fallback, per-character coverage
* ``markup``    user text -> escaped paragraph markup with per-character font fallback
* ``paragraph`` Chinese line breaking (禁则) and justification
* ``line_drawing`` writes the broken lines into the PDF without reportlab's per-fragment overhead
* ``glyph_order`` numbers each embedded font's characters most frequent first
* ``styles``    paragraph styles and page geometry (normal and 公文)
* ``layout``    page template, 第 X 页 / 共 Y 页, outline, contents, atomic writing
* ``marks``     highlights in context, printable in black and white
* ``charts``    the keyword bar chart
* ``common``    building blocks shared by the two products (headings, contents, legend)
* ``gongwen``   GB/T 9704-2012 geometry and page numbers
* ``study_brief`` / ``handout``  the two products
"""

from __future__ import annotations

from pathlib import Path

from desktop.brief.content import (
    ALL_CATEGORIES,
    CATEGORIES,
    BriefContent,
    BriefHighlight,
    BriefOptions,
    BriefReflection,
    BriefResult,
    CoverInfo,
    content_from_material,
)
from desktop.errors import StudyNotesError


class BriefError(StudyNotesError):
    """A brief or handout that cannot be written (folder not writable, unusable font)."""

    code = "brief"


def build_study_brief(
    content: BriefContent, cover: CoverInfo, options: BriefOptions, out_path: Path | str
) -> BriefResult:
    """Write the personal study brief (个人学习简报) to ``out_path``."""
    from desktop.brief.study_brief import build_study_brief as build

    return build(content, cover, options, Path(out_path))


def build_handout(content: BriefContent, options: BriefOptions, out_path: Path | str) -> BriefResult:
    """Write the trainer's handout (培训讲义) to ``out_path``."""
    from desktop.brief.handout import build_handout as build

    return build(content, options, Path(out_path))


__all__ = [
    "ALL_CATEGORIES",
    "CATEGORIES",
    "BriefContent",
    "BriefError",
    "BriefHighlight",
    "BriefOptions",
    "BriefReflection",
    "BriefResult",
    "CoverInfo",
    "build_handout",
    "build_study_brief",
    "content_from_material",
]
