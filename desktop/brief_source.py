"""A brief's content (:class:`desktop.brief.BriefContent`) read from the library.

The brief generator takes plain values and knows nothing of the library; this module is
the one bridge, shared by the window's export and ``studynotes brief --material``, so
both print the same highlights, notes and 学习心得. No Qt here, and neither reportlab
(the generator's values are reportlab-free) nor jieba unless keywords are asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from desktop.brief.content import BriefContent, BriefHighlight, BriefReflection
from desktop.material import Material, Reflection

if TYPE_CHECKING:  # pragma: no cover - typing only
    from desktop.annotation import Highlight
    from desktop.library import Library
    from desktop.material import StoredMaterial, StoredReflection

# (material, how many) -> (keyword, weight) pairs, best first.
KeywordExtractor = Callable[[Material, int], Iterable[tuple[str, float]]]

__all__ = ["brief_content_for_material", "brief_highlight"]

_KEYWORD_COUNT = 10
"""As many keywords as the brief's figure shows (desktop.brief.charts.MAX_KEYWORDS,
not imported: that module loads reportlab)."""


def brief_content_for_material(
    library: Library, material_id: int, *, with_keywords: bool = True,
    keywords: KeywordExtractor | None = None,
) -> BriefContent:
    """Everything the brief prints about one material, read in a few queries.

    ``with_keywords=False`` skips the keyword figure, which needs jieba (a slow first
    load); the brief then simply has no figure. ``keywords`` extracts them elsewhere --
    the window passes its analysis process, so jieba never loads in the window's own
    process -- instead of here. Raises the library's LibraryError for an unknown material.
    """
    stored = library.material(material_id)
    summaries = sorted(library.reflection_summaries(material_id), key=lambda s: s.position)
    by_reflection: dict[int, list[Highlight]] = {}
    for highlight in library.highlights(material_id=material_id):
        by_reflection.setdefault(highlight.reflection_id, []).append(highlight)
    reflections = [library.reflection(summary.id) for summary in summaries]
    content = BriefContent(
        headline=stored.headline,
        subtitle=stored.subtitle,
        lead=stored.lead,
        reflections=tuple(
            _brief_reflection(reflection, by_reflection.get(reflection.id, []), library.note(reflection.id))
            for reflection in reflections
        ),
        study_reflection=library.study_reflection(material_id),
    )
    if not with_keywords:
        return content
    return _with_keywords(content, stored, reflections, keywords)


def brief_highlight(highlight: Highlight) -> BriefHighlight:
    """A library highlight as the brief takes it: its anchor's place and words."""
    anchor = highlight.anchor
    return BriefHighlight(
        category=highlight.category,
        paragraph=anchor.paragraph,
        start=anchor.start,
        end=anchor.end,
        text=anchor.exact,
        comment=highlight.comment,
        detached=highlight.detached,
    )


def _brief_reflection(reflection: StoredReflection, highlights: list[Highlight], note: str) -> BriefReflection:
    # Reading order; detached ones (no trustworthy place) after the placed ones.
    ordered = sorted(
        highlights,
        key=lambda h: (h.detached, h.anchor.paragraph, h.anchor.start, h.anchor.end, h.id),
    )
    return BriefReflection(
        title=reflection.title,
        author=reflection.author,
        affiliation=reflection.affiliation,
        paragraphs=tuple(reflection.paragraphs),
        highlights=tuple(brief_highlight(h) for h in ordered),
        note=note,
    )


def _with_keywords(
    content: BriefContent, stored: StoredMaterial, reflections: list[StoredReflection],
    extract: KeywordExtractor | None,
) -> BriefContent:
    from dataclasses import replace

    if extract is None:
        from desktop.keywords import material_keywords  # jieba: only when asked for

        def extract(material: Material, top_k: int) -> Iterable[tuple[str, float]]:
            return material_keywords(material, top_k=top_k)

    material = Material(
        headline=stored.headline,
        subtitle=stored.subtitle,
        lead=stored.lead,
        reflections=tuple(
            Reflection(r.title, r.author, r.affiliation, tuple(r.paragraphs)) for r in reflections
        ),
    )
    keywords = extract(material, _KEYWORD_COUNT)
    return replace(content, keywords=tuple((word, float(weight)) for word, weight in keywords))
