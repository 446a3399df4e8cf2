"""Fonts for the PDF: an embedded CJK body font, a Latin fallback, per-character coverage.

Why this exists:

* Only TrueType fonts can be embedded by reportlab (``TTFont``), and it embeds them as
  *subsets*, so a 4 MB CJK font costs a few dozen KB per brief. ``UnicodeCIDFont`` is
  never used: it embeds nothing and the PDF then depends on the reader's fonts.
* The bundled DroidSansFallbackFull.ttf has the CJK ideographs and full-width
  punctuation but **no Latin letters, digits, curly quotes or dashes** -- exactly what
  Chinese text is full of ("14", “”, ——). Every character is therefore checked against
  the font's cmap and falls back to Bitstream Vera (shipped inside reportlab, also
  TrueType, so also embedded and subset), or to Helvetica if Vera is missing.
* A character no font has (emoji, rare CJK such as 𠮷 U+20BB7 outside the bundled
  font) is shown as its code point in brackets -- 〔U+20BB7〕 -- by :mod:`markup`, never as
  an empty box.
* A CJK font has no bold: the family is registered with the same file as every face so
  ``<b>`` in markup cannot break a build; hierarchy comes from size, colour and rules.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.brief import BriefError
from desktop.resources import cjk_font_path

_LOCK = threading.Lock()
_REGISTERED: dict[tuple[str, int], Face] = {}


class _WinAnsiCoverage(Container[int]):
    """Coverage of a standard (non-embedded) font: what cp1252 can encode."""

    def __contains__(self, codepoint: object) -> bool:
        if not isinstance(codepoint, int) or codepoint < 0x20:
            return False
        try:
            chr(codepoint).encode("cp1252")
        except (UnicodeEncodeError, ValueError):
            return False
        return True


@dataclass(frozen=True, eq=False)
class Face:
    """A registered font: its reportlab name, a label for people and its coverage."""

    name: str
    label: str
    file: str
    coverage: Container[int]

    def covers(self, char: str) -> bool:
        return ord(char) in self.coverage


@dataclass(frozen=True, eq=False)
class FontSet:
    """The body face and the faces tried, in order, for characters it lacks."""

    body: Face
    fallbacks: tuple[Face, ...]
    latin: Face

    @property
    def chain(self) -> tuple[Face, ...]:
        return (self.body, *self.fallbacks)

    @property
    def font_used(self) -> str:
        """The body font as recorded in the PDF metadata and returned to the caller."""
        return f"{self.body.label} ({self.body.file})"

    def face_for(self, char: str) -> Face | None:
        codepoint = ord(char)
        for face in self.chain:
            if codepoint in face.coverage:
                return face
        return None


def load_fonts(font_path: Path | None = None, subfont_index: int = 0) -> FontSet:
    """Register the body font (the user's pick, else the bundled CJK font) and fallbacks."""
    bundled = register_truetype(cjk_font_path())
    latin = latin_fallback()
    if font_path is None:
        return FontSet(body=bundled, fallbacks=(latin,), latin=latin)
    body = register_truetype(Path(font_path), subfont_index)
    fallbacks = (latin,) if body.file == bundled.file else (bundled, latin)
    return FontSet(body=body, fallbacks=fallbacks, latin=latin)


def register_truetype(path: Path, subfont_index: int = 0) -> Face:
    """Register a .ttf/.ttc once per process; a clear BriefError when it cannot be used."""
    path = Path(path)
    try:
        resolved = str(path.resolve(strict=True))
    except (OSError, RuntimeError):
        raise BriefError(f"The font file {path} does not exist.", path=str(path)) from None
    key = (resolved, int(subfont_index))
    with _LOCK:
        face = _REGISTERED.get(key)
        if face is not None:
            return face
        digest = hashlib.sha1(f"{resolved}|{subfont_index}".encode()).hexdigest()[:10]
        name = f"SN{digest}"
        try:
            font = TTFont(name, resolved, subfontIndex=int(subfont_index))
        except (TTFError, OSError, ValueError, IndexError, KeyError) as error:
            raise BriefError(
                f"The font {path.name} cannot be embedded in a PDF ({error}); "
                "choose a TrueType font (.ttf or .ttc).",
                path=str(path),
            ) from None
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        face = Face(
            name=name,
            label=_family_name(font) or path.stem,
            file=path.name,
            coverage=frozenset(font.face.charToGlyph),
        )
        _REGISTERED[key] = face
        return face


def latin_fallback() -> Face:
    """Bitstream Vera from reportlab's own folder; Helvetica if a bundle left it out."""
    import reportlab

    vera = Path(reportlab.__file__).resolve().parent / "fonts" / "Vera.ttf"
    if vera.is_file():
        try:
            return register_truetype(vera)
        except BriefError:
            pass
    return Face(name="Helvetica", label="Helvetica", file="(standard)", coverage=_WinAnsiCoverage())


def _family_name(font: TTFont) -> str:
    raw = getattr(font.face, "familyName", b"") or getattr(font.face, "name", b"")
    if isinstance(raw, bytes):
        for encoding in ("utf-8", "utf-16-be", "latin-1"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if text.isprintable():
                return text.strip()
        return ""
    return str(raw).strip()

