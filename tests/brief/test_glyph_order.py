"""Numbering characters by frequency embeds the same glyphs and switches subsets less."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from pdf_helpers import page_texts

from desktop.brief import BriefOptions, build_study_brief, glyph_order, layout


def _embedded_characters(path: Path) -> dict[str, set[str]]:
    """Font (without its subset suffix) -> the characters its embedded subsets map to."""
    found: dict[str, set[str]] = {}
    seen: set = set()
    for page in pypdf.PdfReader(str(path)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            if id(font) in seen or "/ToUnicode" not in font:
                continue
            seen.add(id(font))
            base = re.sub(r"^/?[A-Z]{6}\+", "", str(font["/BaseFont"]))
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            chars = {chr(int(code, 16)) for code in re.findall(r"<[0-9A-F]{2}> <([0-9A-F]{4,})>", cmap)}
            found.setdefault(base, set()).update(chars)
    return found


def _font_switches(path: Path) -> int:
    return sum(page.get_contents().get_data().count(b" Tf") for page in pypdf.PdfReader(str(path)).pages)


@pytest.fixture
def unordered(monkeypatch):
    """Build without the frequency numbering: characters numbered as they first appear."""

    def build(*args):
        with monkeypatch.context() as patch:
            patch.setattr(layout, "printed_text", lambda story: {})
            return build_study_brief(*args)

    return build


def test_the_same_glyphs_are_embedded_and_the_same_text_printed(seed_content, cover, out_dir, unordered):
    ordered = build_study_brief(seed_content, cover, BriefOptions(), out_dir / "ordered.pdf")
    plain = unordered(seed_content, cover, BriefOptions(), out_dir / "plain.pdf")
    ordered_glyphs = _embedded_characters(ordered.path)
    assert ordered_glyphs == _embedded_characters(plain.path)
    assert sum(map(len, ordered_glyphs.values())) > 500  # the body font's Chinese characters
    assert page_texts(ordered.path) == page_texts(plain.path)


def test_frequent_characters_share_subsets_so_lines_switch_font_less(seed_content, cover, out_dir, unordered):
    ordered = build_study_brief(seed_content, cover, BriefOptions(), out_dir / "ordered.pdf")
    plain = unordered(seed_content, cover, BriefOptions(), out_dir / "plain.pdf")
    assert _font_switches(ordered.path) < 0.9 * _font_switches(plain.path)


def test_characters_left_out_of_the_brief_are_not_counted(seed_content, cover):
    """Without the full text, the paragraphs' characters must not be numbered (and so
    embedded): only what the story prints."""
    from desktop.brief.common import resolve_fonts
    from desktop.brief.layout import PageLedger
    from desktop.brief.study_brief import brief_story
    from desktop.brief.styles import make_theme

    options = BriefOptions(include_full_text=False, categories=frozenset({"commitment"}))
    theme = make_theme(resolve_fonts(options), False)
    story = brief_story(seed_content, cover, options, theme, PageLedger())
    counted = set().union(*glyph_order.printed_text(story).values())
    quoted = "".join(h.text for r in seed_content.reflections for h in r.highlights if h.category == "commitment")
    assert set(quoted) - {" "} <= counted
    only_in_full_text = set("".join(p for r in seed_content.reflections for p in r.paragraphs)) - counted
    assert only_in_full_text, "the full text has characters the brief without it never prints"
