"""Draw the app icon: an open book on paper with a red seal (印章) bearing 札.

    .venv/bin/python installer/make_icons.py

Writes resources/icons/studynotes.svg (the source of truth: plain shapes, the seal's
character as an outline so no font is needed to show it), then renders it with Qt's
SVG renderer to studynotes.png (256 px, the Linux hicolor icon and the window icon) and
studynotes.ico (16-256 px, for the Windows executables, installer and shortcuts).
The outputs are committed; run this again only to change the design.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
ICONS = PROJECT / "resources" / "icons"
FONT = PROJECT / "resources" / "fonts" / "DroidSansFallbackFull.ttf"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)

PAPER_TOP, PAPER_BOTTOM, PAPER_EDGE = "#fbf7ee", "#ece2cc", "#d8caa9"
INK = "#26344f"  # the cover and outlines: dark blue-black, as ink
PAGE, RULE = "#ffffff", "#a9b2c2"
SEAL, SEAL_MARK = "#c1272d", "#fff7f0"

SVG_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>学习札记</title>
  <defs>
    <linearGradient id="paper" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="{paper_top}"/>
      <stop offset="1" stop-color="{paper_bottom}"/>
    </linearGradient>
  </defs>
  <rect x="10" y="10" width="236" height="236" rx="44" fill="url(#paper)" stroke="{paper_edge}" stroke-width="3"/>
  <!-- the cover, showing under the pages -->
  <path d="M24 92 C64 76 104 78 128 96 C152 78 192 76 232 92 L232 204 C192 192 152 194 128 212 C104 194 64 192 24 204 Z" fill="{ink}"/>
  <!-- the open pages -->
  <path d="M34 84 C70 70 106 72 124 90 L124 196 C104 180 70 178 34 190 Z" fill="{page}" stroke="{ink}" stroke-width="4" stroke-linejoin="round"/>
  <path d="M222 84 C186 70 150 72 132 90 L132 196 C152 180 186 178 222 190 Z" fill="{page}" stroke="{ink}" stroke-width="4" stroke-linejoin="round"/>
  <g fill="none" stroke="{rule}" stroke-width="5" stroke-linecap="round">
    <path d="M50 104 C72 96 92 96 110 104"/>
    <path d="M50 124 C72 116 92 116 110 124"/>
    <path d="M50 144 C72 136 92 136 110 144"/>
    <path d="M50 164 C72 156 92 156 110 164"/>
    <path d="M146 104 C164 96 184 96 206 104"/>
  </g>
  <!-- the seal: a square vermilion stamp with 札 in reserve -->
  <g transform="rotate(-5 178 158)">
    <rect x="140" y="120" width="76" height="76" rx="7" fill="{seal}"/>
    <rect x="147" y="127" width="62" height="62" rx="3" fill="none" stroke="{seal_mark}" stroke-width="3"/>
    <path d="{glyph}" fill="{seal_mark}"/>
  </g>
</svg>
"""


def glyph_path(character: str, box: tuple[float, float, float, float]) -> str:
    """SVG path data of ``character`` in the bundled font, fitted into ``box`` (x, y, w, h)."""
    from PySide6.QtGui import QFont, QFontDatabase, QPainterPath

    font_id = QFontDatabase.addApplicationFont(str(FONT))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(100)
    font.setBold(True)
    path = QPainterPath()
    path.addText(0, 0, font, character)
    bounds = path.boundingRect()
    x, y, width, height = box
    scale = min(width / bounds.width(), height / bounds.height())
    dx = x + (width - bounds.width() * scale) / 2 - bounds.left() * scale
    dy = y + (height - bounds.height() * scale) / 2 - bounds.top() * scale
    commands: list[str] = []
    index = 0
    count = path.elementCount()
    while index < count:
        element = path.elementAt(index)
        px, py = element.x * scale + dx, element.y * scale + dy
        if element.isMoveTo():
            commands.append(f"M{px:.1f} {py:.1f}")
            index += 1
        elif element.isLineTo():
            commands.append(f"L{px:.1f} {py:.1f}")
            index += 1
        else:  # a cubic: this element and the next two (control, control, end)
            points = [path.elementAt(index + k) for k in range(3)]
            coords = " ".join(f"{p.x * scale + dx:.1f} {p.y * scale + dy:.1f}" for p in points)
            commands.append(f"C{coords}")
            index += 3
    return " ".join(commands) + " Z"


def write_svg() -> Path:
    svg = SVG_TEMPLATE.format(
        paper_top=PAPER_TOP, paper_bottom=PAPER_BOTTOM, paper_edge=PAPER_EDGE, ink=INK,
        page=PAGE, rule=RULE, seal=SEAL, seal_mark=SEAL_MARK,
        glyph=glyph_path("札", (154, 134, 48, 48)),
    )
    target = ICONS / "studynotes.svg"
    target.write_text(svg, encoding="utf-8")
    return target


def render(svg: Path, size: int):  # -> QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def write_ico(svg: Path) -> Path:
    """A multi-size .ico (Pillow writes one image per size; Qt's writer only one)."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    images = []
    for size in ICO_SIZES:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        render(svg, size).save(buffer, "PNG")
        images.append(Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA"))
    target = ICONS / "studynotes.ico"
    images[-1].save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=images[:-1])
    return target


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = write_svg()
    png = ICONS / "studynotes.png"
    if not render(svg, 256).save(str(png), "PNG"):
        raise SystemExit(f"cannot write {png}")
    ico = write_ico(svg)
    for path in (svg, png, ico):
        print(f"{path.relative_to(PROJECT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
