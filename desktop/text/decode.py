"""Bytes of a page -> text, with one clear message when they are not a page.

Pages reach the app as whatever the user's tools wrote: UTF-8 (with or without a BOM)
from a modern editor, GB18030/GBK from Notepad on a Chinese Windows, UTF-16 from some
PDF tools. Detection must be deterministic — the same file always imports the same way —
so it goes from certain to likely: BOMs, then strict UTF-8 (which almost never decodes
anything else by accident), then strict GB18030 checked for plausibility (GB18030
accepts many byte strings, so the result must look like Chinese text), and only then a
statistical guess by charset-normalizer, imported lazily because it is rarely needed.
"""

from __future__ import annotations

import codecs
import re

from desktop.errors import InputError

# Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that plain text does not contain (tab, line ends, form feed do).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A few stray control characters (a DOS end-of-file mark, a PDF tool's glitch) are
# tolerated; more than this share of the text means binary data.
_MAX_CONTROL_SHARE = 0.01
_TOLERATED_CONTROLS = 3
# Share of a GB18030 decoding's non-ASCII characters that must be common Chinese.
_MIN_GB_PLAUSIBLE = 0.85


def decode_bytes(data: bytes, *, max_bytes: int) -> str:
    """Decode a page; raise :class:`InputError` when the bytes are not a text page."""
    if len(data) > max_bytes:
        raise InputError(
            f"The page is too large ({len(data):,} bytes; the limit is {max_bytes:,}): "
            "a page of reflections is a few kilobytes of text.",
            code="input-too-large",
            size=len(data),
            limit=max_bytes,
        )
    text = _decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if _is_binary(text):
        raise _binary_error()
    if not text.strip(" \t\r\n\x0b\x0c\u3000\u00a0\ufeff\u200b"):
        raise InputError("The page is empty: it contains no text.", code="input-empty")
    return text


def _decode(data: bytes) -> str:
    """The text of ``data`` by the first encoding that certainly or plausibly fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise _encoding_error() from None
    if b"\x00" in data or _is_binary(data.decode("latin-1")):
        # Without a BOM, every encoding a page can be in keeps ASCII control bytes
        # for control characters, so NULs and many controls mean binary data (or
        # BOM-less UTF-16, which no editor writes by default and which cannot be told
        # from binary reliably). Checked on the bytes, before any guessing.
        raise _binary_error()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return text
    return _guess(data)


def _plausible_chinese(text: str) -> bool:
    """Whether a GB18030 decoding reads as Chinese rather than as mojibake.

    Text in another 8-bit encoding often decodes as GB18030 too, but into rare
    characters, private-use code points and symbols; real Chinese is mostly common
    ideographs and CJK punctuation.
    """
    non_ascii = [c for c in text if ord(c) >= 0x80]
    if not non_ascii:
        return True
    common = sum(
        1
        for c in non_ascii
        if 0x4E00 <= ord(c) <= 0x9FA5
        or 0x3000 <= ord(c) <= 0x303F
        or 0xFF01 <= ord(c) <= 0xFF5E
        or c in "“”‘’—…·"
    )
    return common / len(non_ascii) >= _MIN_GB_PLAUSIBLE


def _guess(data: bytes) -> str:
    """Last resort: charset-normalizer's best guess, or a clear refusal."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        raise _encoding_error() from None
    best = from_bytes(data).best()
    if best is None:
        raise _encoding_error()
    return str(best)


def _binary_error() -> InputError:
    return InputError(
        "The file is not plain text (it contains binary data); "
        "save the page as a .txt file and import that.",
        code="input-binary",
    )


def _encoding_error() -> InputError:
    return InputError(
        "The page's text encoding could not be recognised; "
        "save it as UTF-8 (or GB18030) text and import it again.",
        code="input-encoding",
    )


def _is_binary(text: str) -> bool:
    """Whether decoded text is really binary data: NULs or many control characters."""
    if "\x00" in text:
        return True
    controls = len(_CONTROLS.findall(text))
    return controls > max(_TOLERATED_CONTROLS, len(text) * _MAX_CONTROL_SHARE)
