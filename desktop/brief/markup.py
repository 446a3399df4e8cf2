"""User text -> reportlab paragraph markup, escaped, with per-character font fallback.

Everything a user or a page supplies (titles, notes, comments, the 学习心得) reaches a
``Paragraph`` only through :func:`rich`: ``<``, ``>`` and ``&`` are escaped, so a note
reading ``<font color=red>`` or ``&nbsp;`` prints exactly that, and each character is
checked against the body font's cmap so a missing glyph is drawn from the next font in
the chain instead of an empty box.

Characters that no font of the chain has are replaced by something visible:

* enclosed numbers such as ① become ``(1)``; other compatibility forms (℃, ﬁ, ...) their
  NFKC decomposition when every resulting character is covered;
* anything else -- emoji, a rare ideograph like 𠮷 (U+20BB7) that the bundled font lacks,
  a lone surrogate from a badly decoded file -- becomes its code point in brackets,
  ``〔U+20BB7〕``, so the reader sees that something was there and what it was.

Invisible format characters (zero-width joiners, variation selectors, a BOM) are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterator

from desktop.brief.fonts import Face, FontSet

_LINE_SPLIT = re.compile(r"\s*(?:\r\n|\r|\n)\s*")
_ENCLOSED = range(0x2460, 0x2500)


def escape(text: str) -> str:
    """Escape the three characters the paragraph parser treats as markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Control and format characters (Cc, Cf), no-break space and variation selectors.
_NEEDS_CLEANING = re.compile(
    "[\x00-\x1f\x7f-\xa0\xad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb\U000e0000-\U000e0fff\ud800-\udfff]"
)


def clean(text: str) -> str:
    """One line of user text as it should print: NFC, no control or invisible characters."""
    if not _NEEDS_CLEANING.search(text) and unicodedata.is_normalized("NFC", text):
        return text
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in "\t\r\n\v\f\xa0":
            out.append(" ")
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF:
            continue
        out.append(char)
    return "".join(out)


def split_paragraphs(text: str) -> list[str]:
    """A multi-line note as paragraphs: one per non-empty line."""
    return [part.strip() for part in _LINE_SPLIT.split(text or "") if part.strip()]


def replacement(char: str, fonts: FontSet) -> str:
    """What to print for a character no font of the chain can draw."""
    codepoint = ord(char)
    if 0xD800 <= codepoint <= 0xDFFF:  # a lone surrogate cannot even be encoded
        return _codepoint_label(codepoint, fonts)
    folded = unicodedata.normalize("NFKC", char)
    if folded != char and folded and all(fonts.face_for(c) is not None for c in folded):
        return f"({folded})" if codepoint in _ENCLOSED else folded
    return _codepoint_label(codepoint, fonts)


def _codepoint_label(codepoint: int, fonts: FontSet) -> str:
    left, right = ("〔", "〕") if fonts.face_for("〔") and fonts.face_for("〕") else ("[", "]")
    return f"{left}U+{codepoint:04X}{right}"


def runs(text: str, fonts: FontSet) -> list[tuple[str, Face]]:
    """Cleaned text cut into runs that one face can draw completely."""
    pieces: list[list] = []

    def add(run: str, face: Face) -> None:
        if pieces and pieces[-1][1] is face:
            pieces[-1][0] += run
        else:
            pieces.append([run, face])

    text = clean(text)
    body = fonts.body
    position = 0
    for match in _body_runs(fonts).finditer(text):  # whole runs of the body font at C speed
        for char, face in _faced_slow(text[position : match.start()], fonts):
            add(char, face)
        add(match.group(), body)
        position = match.end()
    for char, face in _faced_slow(text[position:], fonts):
        add(char, face)
    return [(run, face) for run, face in pieces]


def _faced_slow(text: str, fonts: FontSet) -> Iterator[tuple[str, Face]]:
    for char in text:
        face = fonts.face_for(char)
        if face is not None:
            yield char, face
            continue
        for substitute in replacement(char, fonts):
            yield substitute, fonts.face_for(substitute) or fonts.latin


def rich(text: str, fonts: FontSet) -> str:
    """Paragraph markup that prints ``text`` verbatim: escaped, with font fallback."""
    if not text:
        return ""
    if _body_only(text, fonts):  # the common case, checked at C speed
        return escape(text) if ("&" in text or "<" in text or ">" in text) else text
    parts: list[str] = []
    for run, face in runs(text, fonts):
        if face is fonts.body:
            parts.append(escape(run))
        else:
            parts.append(f'<font name="{face.name}">{escape(run)}</font>')
    return "".join(parts)


_BODY_PATTERNS: dict[str, re.Pattern[str]] = {}


def _body_runs(fonts: FontSet) -> re.Pattern[str]:
    """Runs of characters the body font prints as they are (compiled once per font)."""
    pattern = _BODY_PATTERNS.get(fonts.body.name)
    if pattern is None:
        pattern = _BODY_PATTERNS[fonts.body.name] = _coverage_pattern(fonts.body)
    return pattern


def _body_only(text: str, fonts: FontSet) -> bool:
    """True when every character is printable in the body font and needs no cleaning."""
    return _body_runs(fonts).fullmatch(text) is not None


def _coverage_pattern(face: Face) -> re.Pattern[str]:
    """A regular expression matching text made only of the face's ordinary characters."""
    codepoints = sorted(
        c for c in face.coverage
        if c >= 0x20 and c != 0xA0 and not (0xFE00 <= c <= 0xFE0F)
        and unicodedata.category(chr(c)) not in ("Cc", "Cf", "Mn", "Me", "Mc")
    )
    ranges: list[str] = []
    start = prev = None
    for c in codepoints:
        if start is None:
            start = prev = c
        elif c == prev + 1:
            prev = c
        else:
            ranges.append(_range(start, prev))
            start = prev = c
    if start is not None:
        ranges.append(_range(start, prev))
    return re.compile(f"[{''.join(ranges)}]+")


def _range(first: int, last: int) -> str:
    return re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"


def plain(text: str) -> str:
    """Text for PDF outline entries and metadata: no controls, no lone surrogates."""
    cleaned = clean(text)
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in cleaned).strip()


@lru_cache(maxsize=4096)
def _measured_runs(text: str, fonts: FontSet, size: float) -> tuple[tuple[str, Face, float], ...]:
    """Runs with their widths; page furniture draws the same few texts on every page."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return tuple((run, face, stringWidth(run, face.name, size)) for run, face in runs(text, fonts))


def text_width(text: str, fonts: FontSet, size: float) -> float:
    """Width of ``text`` drawn with fallback, for canvas drawing and charts."""
    return sum(width for _, _, width in _measured_runs(text, fonts, size))


def draw_text(canvas, x: float, y: float, text: str, fonts: FontSet, size: float, align: str = "left") -> float:
    """Draw one line on a canvas with per-character fallback; returns its width.

    Page furniture (footers, page numbers) is drawn straight on the canvas, where the
    paragraph markup does not apply, so it needs the same fallback.
    """
    pieces = _measured_runs(text, fonts, size)
    total = sum(width for _, _, width in pieces)
    if align == "center":
        x -= total / 2
    elif align == "right":
        x -= total
    # One text object for the whole line (the pen advances by itself), not one per run:
    # a page's header and footer are drawn on every page of a long brief.
    line = canvas.beginText(x, y)
    for run, face, _ in pieces:
        line.setFont(face.name, size)
        line.textOut(run)
    canvas.drawText(line)
    return total
