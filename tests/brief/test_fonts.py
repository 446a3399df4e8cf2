"""Fonts: the user's choice (.ttf, .ttc with an index), fallback, clear errors."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import reportlab
from pdf_helpers import pdffonts, text_lines

from desktop.brief import BriefError, BriefOptions, build_handout, build_study_brief
from desktop.brief.fonts import load_fonts

VERA = Path(reportlab.__file__).parent / "fonts"


def make_ttc(*fonts: bytes) -> bytes:
    """A TrueType collection of the given .ttf files (tables copied, offsets rewritten)."""
    parsed = []
    for data in fonts:
        count = struct.unpack(">H", data[4:6])[0]
        records = [struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i]) for i in range(count)]
        parsed.append((data, count, records))
    position = 12 + 4 * len(fonts)
    offsets = []
    for _, count, _ in parsed:
        offsets.append(position)
        position += 12 + 16 * count
    directories, body = bytearray(), bytearray()
    for data, _, records in parsed:
        directories += data[:12]
        for tag, checksum, offset, length in records:
            directories += struct.pack(">4sIII", tag, checksum, position + len(body), length)
            body += data[offset : offset + length] + b"\0" * (-length % 4)
    header = struct.pack(">4sII", b"ttcf", 0x00010000, len(fonts)) + b"".join(struct.pack(">I", o) for o in offsets)
    return header + bytes(directories) + bytes(body)


def test_user_font_is_the_body_font_and_cjk_falls_back_to_the_bundled_font(tmp_path, seed_content, cover):
    options = BriefOptions(font_path=VERA / "VeraBd.ttf")
    result = build_study_brief(seed_content, cover, options, tmp_path / "b.pdf")
    assert result.font_used == "Bitstream Vera Sans (VeraBd.ttf)"
    names = {f["name"].split("+")[-1] for f in pdffonts(result.path)}
    assert names == {"BitstreamVeraSans-Bold", "DroidSansFallback", "BitstreamVeraSans-Roman"}
    text = "".join(l.text for l in text_lines(result.path))
    assert seed_content.reflections[0].title in text


def test_a_collection_needs_its_index(tmp_path, seed_content):
    ttc = tmp_path / "vera.ttc"
    ttc.write_bytes(make_ttc((VERA / "Vera.ttf").read_bytes(), (VERA / "VeraBI.ttf").read_bytes()))
    result = build_handout(seed_content, BriefOptions(font_path=ttc, font_subfont_index=1), tmp_path / "h.pdf")
    names = {f["name"].split("+")[-1] for f in pdffonts(result.path)}
    assert any(name.startswith("BitstreamVeraSans-BoldOblique") for name in names), names
    assert result.font_used.endswith("(vera.ttc)")
    with pytest.raises(BriefError, match="vera.ttc cannot be embedded"):
        load_fonts(ttc, 5)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.ttf", None, "does not exist"),
        ("outlines.otf", b"OTTO\x00\x01\x00\x00\x00\x00\x00\x00", "choose a TrueType font"),
        ("junk.ttf", b"not a font at all", "choose a TrueType font"),
    ],
)
def test_unusable_fonts_are_refused_with_a_sentence_and_write_nothing(tmp_path, seed_content, cover, name, data, message):
    font = tmp_path / name
    if data is not None:
        font.write_bytes(data)
    out = tmp_path / "out.pdf"
    with pytest.raises(BriefError, match=message) as raised:
        build_study_brief(seed_content, cover, BriefOptions(font_path=font), out)
    assert raised.value.code == "brief"
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name] if data is not None else [])


def test_the_bundled_font_lacks_latin_so_digits_come_from_the_fallback():
    fonts = load_fonts()
    assert not fonts.body.covers("1") and not fonts.body.covers("“")
    assert fonts.face_for("1") is fonts.latin and fonts.face_for("“") is fonts.latin
    assert fonts.face_for("学") is fonts.body
    assert fonts.face_for("\U00020bb7") is None
