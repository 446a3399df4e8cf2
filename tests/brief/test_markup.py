"""User text reaches the paragraph parser escaped, with per-character font fallback."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from desktop.brief.fonts import load_fonts
from desktop.brief.markup import rich, runs, split_paragraphs
from desktop.brief.paragraph import CJKParagraph


@pytest.fixture(scope="module")
def fonts():
    return load_fonts()


def printed(fonts, text: str) -> tuple[str, list[tuple[str, str]]]:
    style = ParagraphStyle("t", fontName=fonts.body.name, fontSize=10, leading=17, wordWrap="CJK")
    paragraph = CJKParagraph(rich(text, fonts), style)
    return "".join(f.text for f in paragraph.frags), [(f.text, f.fontName) for f in paragraph.frags]


@pytest.mark.parametrize(
    "text",
    [
        "<b>不是粗体</b>",
        "<font color=red>不是红字</font>",
        "&nbsp; &amp; &lt;",
        "a < b && c > d",
        "<para>学习</para><br/>",
        "<onDraw name=x/>",
    ],
)
def test_markup_characters_print_verbatim(fonts, text):
    shown, frags = printed(fonts, text)
    assert shown == text
    assert all(name in (fonts.body.name, fonts.latin.name) for _, name in frags)


def test_each_character_uses_a_font_that_has_it(fonts):
    shown, frags = printed(fonts, "第14次代表大会“ABC”——完美世界")
    assert shown == "第14次代表大会“ABC”——完美世界"
    by_font = {text: name for text, name in frags}
    assert by_font["14"] == fonts.latin.name
    assert by_font["“ABC”——"] == fonts.latin.name
    assert by_font["次代表大会"] == fonts.body.name


def test_characters_no_font_has_become_visible_code_points(fonts):
    shown, _ = printed(fonts, "𠮷野家😀")
    assert shown == "〔U+20BB7〕野家〔U+1F600〕"


def test_compatibility_characters_fold_to_what_the_fonts_have(fonts):
    shown, _ = printed(fonts, "①②℃")
    assert shown == "(1)(2)°C"


def test_invisible_and_broken_characters_never_fail(fonts):
    shown, _ = printed(fonts, "职\u200d工\ufe0f\x00\x07\ud800会")
    assert shown == "职工〔U+D800〕会"


def test_runs_cover_every_character_with_a_face(fonts):
    text = "学习A1“”—…·é"
    assert "".join(run for run, _ in runs(text, fonts)) == text
    for run, face in runs(text, fonts):
        assert all(face.covers(c) for c in run)


def test_notes_split_into_paragraphs_on_lines():
    assert split_paragraphs("第一段\n\n  第二段  \r\n第三段\n") == ["第一段", "第二段", "第三段"]
    assert split_paragraphs("") == []
