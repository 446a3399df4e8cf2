"""The seed page (the app's sample) parses to exactly the expected structure.

Also: the same page in every encoding a user's tools write, with CRLF line ends and
copied without blank lines, is the same material.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desktop.importer import decode_page, parse_file, parse_page, read_page
from desktop.material import Material


def squeezed(value: object) -> object:
    """The value with every whitespace character removed from every string."""
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, list):
        return [squeezed(v) for v in value]
    if isinstance(value, dict):
        return {k: squeezed(v) for k, v in value.items()}
    return value


def structure(material: Material) -> dict:
    data = material.to_json()
    data.pop("warnings")
    return data


def test_seed_page_equals_the_expected_structure(seed_path: Path, seed_expected: dict) -> None:
    material = parse_file(seed_path)
    assert squeezed(structure(material)) == squeezed(seed_expected)


def test_seed_headline_keeps_its_phrase_spaces(seed_path: Path) -> None:
    material = parse_file(seed_path)
    assert material.headline == "新时代 新时期 新作为 新担当"
    assert material.subtitle == "北京工会十四大在全市工会干部中引起强烈反响"


def test_seed_source_text_is_kept_and_far_title_is_flagged(seed_path: Path) -> None:
    text = read_page(seed_path)
    material = parse_page(text)
    assert material.source_text == text
    far = [w for w in material.warnings if "践行劳模精神劳动精神工匠精神" in w]
    assert len(far) == 1 and "far" in far[0]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom", "gbk-crlf"],
)
def test_every_encoding_of_the_seed_gives_the_same_material(
    seed_path: Path, seed_expected: dict, encode, tmp_path: Path
) -> None:
    text = seed_path.read_text(encoding="utf-8")
    reference = parse_page(text)
    page = tmp_path / "page.txt"
    page.write_bytes(encode(text))
    material = parse_file(page)
    assert material == reference  # Material equality ignores source_text
    assert squeezed(structure(material)) == squeezed(seed_expected)
    assert material.content_hash == reference.content_hash


def test_seed_copied_without_blank_lines_is_the_same_material(seed_path: Path, seed_expected: dict) -> None:
    text = seed_path.read_text(encoding="utf-8")
    packed = "\n".join(line for line in text.splitlines() if line.strip())
    assert "\n\n" not in packed
    assert squeezed(structure(parse_page(packed))) == squeezed(seed_expected)


def test_decode_then_parse_equals_parse_file(seed_path: Path) -> None:
    assert parse_page(decode_page(seed_path.read_bytes())) == parse_file(seed_path)
