"""The direct line writer prints exactly what reportlab would, and the wavy line is where
the quote is."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from pdf_helpers import text_lines

from desktop.brief import BriefContent, BriefHighlight, BriefOptions, build_handout, build_study_brief, line_drawing
from desktop.brief.marks import QUOTE_LINE


def _streams(path: Path) -> list[bytes]:
    return [page.get_contents().get_data() for page in pypdf.PdfReader(str(path)).pages]


def _both_ways(build, out_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[bytes], list[bytes]]:
    monkeypatch.setattr(line_drawing, "enabled", False)
    build(out_dir / "reportlab.pdf")
    monkeypatch.setattr(line_drawing, "enabled", True)
    build(out_dir / "direct.pdf")
    return _streams(out_dir / "reportlab.pdf"), _streams(out_dir / "direct.pdf")


@pytest.mark.parametrize("gongwen", [False, True], ids=["a4", "gongwen"])
def test_brief_pages_are_byte_for_byte_what_reportlab_draws(seed_content, cover, out_dir, monkeypatch, gongwen):
    options = BriefOptions(gongwen=gongwen)
    slow, fast = _both_ways(lambda path: build_study_brief(seed_content, cover, options, path), out_dir, monkeypatch)
    assert len(fast) > 5
    assert fast == slow


def test_a_user_chosen_body_font_is_drawn_byte_for_byte_as_reportlab_draws_it(
    seed_content, cover, out_dir, monkeypatch
):
    """Latin body font, Chinese from the bundled fallback: other subsets, other switches."""
    import reportlab

    vera_bold = Path(reportlab.__file__).resolve().parent / "fonts" / "VeraBd.ttf"
    options = BriefOptions(font_path=vera_bold)
    slow, fast = _both_ways(lambda path: build_study_brief(seed_content, cover, options, path), out_dir, monkeypatch)
    assert fast == slow


def test_handout_pages_are_byte_for_byte_what_reportlab_draws(seed_content, out_dir, monkeypatch):
    slow, fast = _both_ways(lambda path: build_handout(seed_content, BriefOptions(), path), out_dir, monkeypatch)
    assert fast == slow


def test_every_line_of_a_brief_is_written_directly(seed_content, cover, out_dir, monkeypatch):
    """Guard against a change that quietly sends lines back through reportlab's drawer."""
    counts = {"plain": 0, "decorated": 0, "reportlab": 0}
    plain, decorated = line_drawing._Writer.plain_line, line_drawing._Writer.decorated_line

    def count(name, method):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return method(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(line_drawing._Writer, "plain_line", count("plain", plain))
    monkeypatch.setattr(line_drawing._Writer, "decorated_line", count("decorated", decorated))
    monkeypatch.setattr(line_drawing, "_DRAWERS", {k: count("reportlab", v) for k, v in line_drawing._DRAWERS.items()})
    build_study_brief(seed_content, cover, BriefOptions(), out_dir / "brief.pdf")
    assert counts["plain"] > 4 * counts["decorated"] > 0
    assert counts["reportlab"] == 0


def _quote_only(seed_content: BriefContent) -> BriefContent:
    """The first reflection with one quote spanning more than a line."""
    first = seed_content.reflections[0]
    paragraph = first.paragraphs[0]
    end = paragraph.index("。", 60) + 1
    quote = BriefHighlight("quote", 0, 0, end, paragraph[:end], "")
    return replace(seed_content, reflections=(replace(first, highlights=(quote,), note=""),))


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = 60) -> bool:
    return sum(abs(a - b) for a, b in zip(pixel, colour)) < tolerance


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils (installed by make test)")
def test_the_wavy_line_runs_under_the_whole_quote_and_no_further(seed_content, cover, out_dir):
    content = _quote_only(seed_content)
    result = build_study_brief(content, cover, BriefOptions(), out_dir / "quote.pdf")
    quote = content.reflections[0].highlights[0].text
    lines = text_lines(result.path)
    # The printed lines of the full text that hold the quote: its start and its end.
    title = content.reflections[0].title
    heading = max(i for i, line in enumerate(lines) if line.text.replace(" ", "") == title.replace(" ", ""))
    first = next(line for line in lines[heading:] if quote[:12] in line.text.replace(" ", ""))
    last = next(line for line in lines if line.page == first.page and line.y < first.y and quote[-8:] in line.text.replace(" ", ""))
    reader = pypdf.PdfReader(str(result.path))
    page_height = float(reader.pages[first.page - 1].mediabox.height)
    dpi = 144
    scale = dpi / 72
    prefix = out_dir / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(first.page), "-l", str(first.page), "-png", str(result.path), str(prefix)], check=True)
    image = Image.open(next(out_dir.glob("page*.png"))).convert("RGB")
    colour = tuple(round(c * 255) for c in QUOTE_LINE.rgb())

    def wave_extent(line) -> tuple[float, float] | None:
        """Leftmost and rightmost wave pixel in the band just under a printed line."""
        top = int((page_height - line.y) * scale) - 2
        xs = [
            x
            for y in range(top, top + int(0.6 * line.size * scale))
            for x in range(image.width)
            if _near(image.getpixel((x, y)), colour)
        ]
        return (min(xs) / scale, max(xs) / scale) if xs else None

    start_line = wave_extent(first)
    end_line = wave_extent(last)
    assert start_line is not None and end_line is not None, "no wavy line under the quote"
    assert abs(start_line[0] - first.x) < 3  # starts with the quote's first character
    assert abs(start_line[1] - first.x_max) < 3  # runs to the end of a full line
    printed = last.text.replace(" ", "")
    on_last_line = printed.index(quote[-8:]) + 8
    advance = (last.x_max - last.x) / len(printed)
    quote_end = last.x + on_last_line * advance
    assert abs(end_line[0] - last.x) < 3
    assert abs(end_line[1] - quote_end) < advance  # stops at the quote's last character
    after = next((line for line in lines if line.page == first.page and line.y < last.y - 1), None)
    if after is not None and after.y > last.y - 3 * last.size:
        assert wave_extent(after) is None  # the line after the quote has no wave
