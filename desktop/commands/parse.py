"""``studynotes parse FILE [--json]``: show the structure recognised in a page.

Stores nothing: it is how a user (or a script, with ``--json``) checks what the
importer makes of a page before importing it, and how a bug report shows what went
wrong. Only the importer is loaded — no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.material import Material

HELP = "show the structure recognised in a page of reflections (stores nothing)"

_POSITIONS = {
    "before": "title above the body",
    "after": "title below the body",
    "far": "title far from the body",
    "none": "no title block",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the page, as a plain-text file")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the structure as JSON (headline, subtitle, lead, reflections, warnings)",
    )


def run(args: argparse.Namespace) -> int:
    from desktop.importer import parse_file

    material = parse_file(args.file)
    output = to_json_text(material) if args.json else render_text(material)
    _write(output)
    return 0


def to_json_text(material: Material) -> str:
    """The JSON form: Chinese kept readable (not \\u-escaped), one space indents."""
    return json.dumps(material.to_json(), ensure_ascii=False, indent=1)


def render_text(material: Material) -> str:
    """A plain-text rendering for reading in a terminal."""
    lines: list[str] = []
    header = (("Headline", material.headline), ("Subtitle", material.subtitle), ("Lead", material.lead))
    for label, value in header:
        lines.append(f"{label + ':':<10}{value or '—'}")
    for number, reflection in enumerate(material.reflections, start=1):
        lines.append("")
        lines.append(f"{number}. {reflection.title or '(untitled)'}")
        byline = reflection.byline or "(no byline)"
        lines.append(f"   {byline}  [{_POSITIONS.get(reflection.title_position, reflection.title_position)}]")
        for paragraph in reflection.paragraphs:
            lines.append(f"   {paragraph}")
    if material.warnings:
        lines.append("")
        lines.append("Warnings:")
        lines.extend(f"  - {warning}" for warning in material.warnings)
    return "\n".join(lines)


def _write(text: str) -> None:
    """Print, degrading to escapes on a console that cannot show Chinese.

    Escaped JSON (``\\u65b0``) is still valid JSON, so a script reading the output of
    ``--json`` through a legacy code page gets the right data either way.
    """
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if reconfigure is not None and encoding not in ("utf8", "utf16", "utf32", "gb18030"):
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # pragma: no cover - a stream that refuses
            pass
    stream.write(text + "\n")
