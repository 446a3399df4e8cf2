"""Official-document layout (公文格式) after GB/T 9704-2012, and a FangSong font if any.

The standard fixes the geometry, which this module turns into numbers:

* A4 paper; type area (版心) 156 mm x 225 mm; top margin (天头) 37 mm; left margin
  (订口) 28 mm -- so the bottom margin is 35 mm and the right margin 26 mm;
* 22 lines of 28 characters in 三号仿宋: a character is 156 mm / 28 = 15.79 pt (三号 is
  16 pt; the standard lets the size give way to the grid) and the line pitch is
  225 mm / 22 = 28.99 pt;
* page numbers in 4号 (14 pt) Arabic digits between one-em dashes, ``— 1 —``, 7 mm under
  the type area, on the outer side: odd pages right, even pages left, one character in.

The body font should be a FangSong (仿宋). None ships with the app (licences), so the
user may pick one (BriefOptions.font_path); otherwise the common Windows/macOS/Linux
files are looked for, and failing that the bundled sans font is used -- which font was
used is written to the PDF's metadata and returned, so nobody is misled.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MM = 72 / 25.4
PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
TYPE_WIDTH = 156 * MM
TYPE_HEIGHT = 225 * MM
TOP_MARGIN = 37 * MM
LEFT_MARGIN = 28 * MM
BOTTOM_MARGIN = PAGE_HEIGHT - TOP_MARGIN - TYPE_HEIGHT
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
CHAR_SIZE = TYPE_WIDTH / CHARS_PER_LINE
# A hair under the exact pitch: 22 lines must fit the frame after floating-point
# subtraction, or reportlab would carry the 22nd line over to the next page.
LINE_PITCH = TYPE_HEIGHT / LINES_PER_PAGE - 1e-5
PAGE_NUMBER_SIZE = 14.0
PAGE_NUMBER_DROP = 7 * MM

# FangSong files that office PCs commonly have (file names are case-insensitive on Windows).
FANGSONG_FILES = (
    "simfang.ttf",
    "STFANGSO.TTF",
    "FZFSK.TTF",
    "FZFSJW.TTF",
    "fangsong_gb2312.ttf",
    "FangSong_GB2312.ttf",
    "Fangsong.ttf",
)


def font_folders() -> list[Path]:
    """Where installed fonts live on this platform (the user's own folder first)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [local / "Microsoft" / "Windows" / "Fonts", windir / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    return [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


def find_fangsong_font(folders: list[Path] | None = None) -> Path | None:
    """An installed FangSong TrueType file, or None (the bundled font is used then)."""
    wanted = {name.lower() for name in FANGSONG_FILES}
    for folder in folders if folders is not None else font_folders():
        try:
            if not folder.is_dir():
                continue
            for path in folder.rglob("*"):
                if path.name.lower() in wanted and path.is_file():
                    return path
        except OSError:
            continue
    return None


def page_number_label(page: int) -> str:
    return f"— {page} —"


def page_number_position(page: int, label_width: float) -> tuple[float, float]:
    """Where ``— n —`` starts: outer side, one character in, 7 mm under the type area."""
    y = BOTTOM_MARGIN - PAGE_NUMBER_DROP - 0.8 * PAGE_NUMBER_SIZE
    if page % 2:
        x = LEFT_MARGIN + TYPE_WIDTH - PAGE_NUMBER_SIZE - label_width
    else:
        x = LEFT_MARGIN + PAGE_NUMBER_SIZE
    return x, y


def chinese_number(n: int) -> str:
    """一, 二, ... 十一, 二十, 一百零五: heading numbers as official documents write them."""
    digits = "零一二三四五六七八九"
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = digits[n // 100] + "百"
        if rest == 0:
            return head
        return head + ("零" + chinese_number(rest) if rest < 10 else _tens(rest))
    if n < 10000:
        rest = n % 1000
        head = digits[n // 1000] + "千"
        if rest == 0:
            return head
        if rest < 100:
            return head + "零" + (chinese_number(rest) if rest < 10 else _tens(rest))
        return head + chinese_number(rest)
    return str(n)


def _tens(n: int) -> str:
    """Tens inside a larger number keep their 一: 一百一十 (not 一百十)."""
    return chinese_number(n) if n >= 20 else "一" + chinese_number(n)
