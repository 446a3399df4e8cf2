"""Reading a generated PDF back the way a person would check it: text lines, fonts, outline.

Lines are rebuilt from the positions poppler's pdftotext gives every word, so the
line-breaking tests check what is actually printed, not what the generator meant.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pypdf


XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass
class Line:
    page: int
    y: float
    x: float
    text: str
    size: float
    x_max: float = 0.0


def _words(path: Path) -> list[Line]:
    """Words with their boxes, as poppler (a real PDF renderer) places them.

    poppler follows form XObjects (the page total and the contents' page numbers are
    forms written at the end), which pypdf's text positions do not.
    """
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is required: apt-get install -y poppler-utils"
    out = subprocess.run([exe, "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    words: list[Line] = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        height = float(page.get("height"))
        for word in page.iter(f"{XHTML}word"):
            y_min, y_max = float(word.get("yMin")), float(word.get("yMax"))
            x_min, x_max = float(word.get("xMin")), float(word.get("xMax"))
            words.append(Line(number, height - y_max, x_min, word.text or "", y_max - y_min, x_max))
    return words


def text_chunks(path: Path) -> list[Line]:
    """Every word with its position (table cells keep their column); ``y`` is measured up
    from the bottom of the page to the bottom of the word's box."""
    return _words(path)


def text_lines(path: Path) -> list[Line]:
    """Every printed line: words grouped by page and position, left to right, joined with
    a space where they are visibly apart."""
    by_line: dict[tuple[int, float], list[Line]] = {}
    for word in _words(path):
        key = next((k for k in by_line if k[0] == word.page and abs(k[1] - word.y) < 1.0), (word.page, word.y))
        by_line.setdefault(key, []).append(word)
    result: list[Line] = []
    for (page, y), parts in sorted(by_line.items(), key=lambda item: (item[0][0], -item[0][1])):
        parts.sort(key=lambda w: w.x)
        text = parts[0].text
        for before, after in zip(parts, parts[1:]):
            gap = after.x - before.x_max
            text += (" " if gap > 0.12 * max(before.size, after.size) else "") + after.text
        result.append(Line(page, y, parts[0].x, text, max(p.size for p in parts), parts[-1].x_max))
    return result


def page_texts(path: Path) -> list[str]:
    lines = text_lines(path)
    pages = pypdf.PdfReader(str(path)).get_num_pages()
    return ["\n".join(line.text for line in lines if line.page == n) for n in range(1, pages + 1)]


def pdffonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub, uni for every font in the file."""
    exe = shutil.which("pdffonts")
    assert exe, "pdffonts (poppler-utils) is required: apt-get install -y poppler-utils"
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type (1-2 words), encoding, emb, sub, uni, object, id
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def outline(path: Path) -> list[tuple[str, list]]:
    """The bookmarks as (title, children) trees."""
    reader = pypdf.PdfReader(str(path))

    def walk(items) -> list[tuple[str, list]]:
        result: list[tuple[str, list]] = []
        for item in items:
            if isinstance(item, list):
                if result:
                    result[-1][1].extend(walk(item))
                continue
            result.append((item.title, []))
        return result

    return walk(reader.outline)


def outline_pages(path: Path) -> dict[str, int]:
    """Bookmark title -> 1-based page number it points to."""
    reader = pypdf.PdfReader(str(path))
    pages: dict[str, int] = {}

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages[item.title] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    return pages
