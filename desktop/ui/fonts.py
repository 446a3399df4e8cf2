"""Register the bundled CJK font so Chinese renders on every PC.

Many office PCs (and every Linux machine without language packs) have no Chinese font,
and Qt then draws each character as an empty box. The app ships Droid Sans Fallback and
puts it at the end of every font's family list: a system Chinese font (YaHei, PingFang,
Noto CJK) still wins where installed, the bundled one fills the gaps. Droid Sans Fallback
has no Latin letters, so the platform's UI family stays first for those.

Users are often past fifty: the interface font is at least 11 pt and the reading pane
defaults to 16 pt.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.resources import cjk_font_path

UI_POINT_SIZE = 11
# System Chinese fonts preferred over the bundled one when present (checked by name).
SYSTEM_CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)

_bundled_family: str | None = None


def register_bundled_font() -> str | None:
    """Add the bundled font to Qt's database once; its family name, None if unusable."""
    global _bundled_family
    if _bundled_family is None:
        font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _bundled_family = families[0] if families else ""
    return _bundled_family or None


_cjk_families: list[str] | None = None


def cjk_families() -> list[str]:
    """Chinese-capable families in order of preference, bundled font last (looked up once)."""
    global _cjk_families
    if _cjk_families is None:
        installed = [name for name in SYSTEM_CJK_FAMILIES if QFontDatabase.hasFamily(name)]
        bundled = register_bundled_font()
        _cjk_families = installed + ([bundled] if bundled else [])
    return list(_cjk_families)


def with_cjk_fallback(font: QFont) -> QFont:
    """A copy of ``font`` that falls back to a Chinese font for glyphs it lacks."""
    result = QFont(font)
    families = [family for family in font.families() or [font.family()] if family]
    result.setFamilies(families + [f for f in cjk_families() if f not in families])
    return result


def apply_application_font(app: QApplication, point_size: int = UI_POINT_SIZE) -> QFont:
    """Make the application font Chinese-capable and legible; returns it."""
    font = with_cjk_fallback(app.font())
    if font.pointSizeF() < point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return font


def reading_font(point_size: float) -> QFont:
    """The reading pane's font: the UI family for Latin, Chinese fallback for the rest."""
    font = with_cjk_fallback(QApplication.font())
    font.setPointSizeF(point_size)
    return font
