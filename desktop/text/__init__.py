"""Chinese text clean-up (no Qt): decoding pages, CJK spacing, doubled glyphs, unwrapping.

Kept apart from the importer because the same rules serve wherever text from a PDF
enters the app (the importer, the review's edits, search). ``sentences`` belongs to the
study features; the rest is the clean-up of extracted text.
"""

from __future__ import annotations

from desktop.text.cleanup import (
    clean_display,
    clean_prose,
    display_width,
    is_cjk,
    is_doubled,
    is_ideograph,
    join_lines,
    normalize_newlines,
    normalize_spaces,
    remove_cjk_spaces,
    squeeze,
    strip_leading_dashes,
    undouble,
)
from desktop.text.decode import decode_bytes

__all__ = [
    "clean_display",
    "clean_prose",
    "decode_bytes",
    "display_width",
    "is_cjk",
    "is_doubled",
    "is_ideograph",
    "join_lines",
    "normalize_newlines",
    "normalize_spaces",
    "remove_cjk_spaces",
    "squeeze",
    "strip_leading_dashes",
    "undouble",
]
