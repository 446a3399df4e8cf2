"""Decoding a page's bytes: every encoding a user's tools write, one message for the rest."""

from __future__ import annotations

import codecs

import pytest

from desktop.errors import InputError
from desktop.text.decode import decode_bytes

PAGE = "新时代 新担当\n\n作为基层工会，我们要迅速掀起学习贯彻大会精神的高潮。Windows 10 也能用。\n"
LIMIT = 1024 * 1024


@pytest.mark.parametrize(
    "data",
    [
        PAGE.encode("utf-8"),
        codecs.BOM_UTF8 + PAGE.encode("utf-8"),
        PAGE.encode("gb18030"),
        PAGE.encode("gbk"),
        PAGE.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
        PAGE.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32"],
)
def test_every_supported_encoding_gives_the_same_text(data: bytes) -> None:
    assert decode_bytes(data, max_bytes=LIMIT) == PAGE


def test_gb18030_characters_outside_gbk_survive() -> None:
    text = "𠀀 is a GB18030 four-byte character in a page about 工会。"
    assert decode_bytes(text.encode("gb18030"), max_bytes=LIMIT) == text


def test_a_stray_dos_end_of_file_mark_does_not_make_text_binary() -> None:
    assert decode_bytes("工会干部\x1a".encode("gbk"), max_bytes=LIMIT) == "工会干部\x1a"


def _refusal(data: bytes, limit: int = LIMIT) -> InputError:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, max_bytes=limit)
    return caught.value


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.7\n\x00\x01\x02\x03", bytes(range(1, 32)) * 10],
    ids=["png", "pdf-with-nul", "control-characters"],
)
def test_binary_data_is_refused_with_one_clear_message(data: bytes) -> None:
    error = _refusal(data)
    assert error.code == "input-binary"
    assert "not plain text" in error.message
    assert "\n" not in error.message


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", "\u3000\u3000\n".encode("utf-8"), codecs.BOM_UTF8])
def test_empty_or_blank_input_is_refused(data: bytes) -> None:
    error = _refusal(data)
    assert error.code == "input-empty"
    assert error.message == "The page is empty: it contains no text."


def test_input_above_the_limit_is_refused_before_decoding() -> None:
    error = _refusal(b"a" * 101, limit=100)
    assert error.code == "input-too-large"
    assert "too large" in error.message


def test_a_broken_utf16_file_is_an_encoding_error() -> None:
    error = _refusal(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
    assert error.code == "input-encoding"
    assert "encoding" in error.message
