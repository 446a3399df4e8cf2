"""Give the most printed characters the first codes of each embedded font.

reportlab embeds a TrueType font as subsets of 256 glyphs and numbers characters in the
order they first appear, so in a Chinese document the common characters end up spread
over a dozen subsets and a line of body text switches subset every few characters: a
font-switch operator each time, in the file and in the time it takes to write it.
Numbering the characters by how often the document prints them, before anything is
drawn, puts the common ones together in the first subsets; the same glyphs are
embedded, only their numbering changes.

Only characters of the story's paragraphs are counted (what is certainly printed), so
no glyph is embedded that the document does not use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Paragraph, Table
from reportlab.platypus.flowables import KeepTogether


def printed_text(story: Iterable) -> dict[str, Counter]:
    """Character counts per font name, over the paragraphs of a story."""
    texts: dict[str, list[str]] = {}
    for paragraph in _paragraphs(story):
        for frag in paragraph.frags:
            text = getattr(frag, "text", "")
            if text and isinstance(text, str):
                texts.setdefault(frag.fontName, []).append(text)
    return {font: Counter("".join(parts)) for font, parts in texts.items()}


def _paragraphs(story: Iterable) -> Iterator[Paragraph]:
    for flowable in story:
        if isinstance(flowable, Paragraph):
            yield flowable
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    yield from _paragraphs(cell if isinstance(cell, (list, tuple)) else [cell])
        elif isinstance(flowable, KeepTogether):
            yield from _paragraphs(flowable._content)
        else:
            yield from _paragraphs(getattr(flowable, "paragraphs", lambda: ())())


def assign_codes(doc, counts: dict[str, Counter]) -> None:
    """Number each font's characters for ``doc`` most frequent first."""
    for font_name, counter in counts.items():
        font = getFont(font_name)
        if not getattr(font, "_dynamicFont", False):
            continue
        glyphs = font.face.charToGlyph
        ranked = "".join(char for char, _ in counter.most_common() if ord(char) in glyphs and char != "\xa0")
        if ranked:
            font.splitString(ranked, doc)
