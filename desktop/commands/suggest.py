"""``studynotes suggest FILE``: print the suggested commitments of a page, headless.

For checking the suggester on real pages and for scripts: the window shows the same
suggestions as highlights to accept. Offsets are into the importer's paragraphs, so
``material.reflections[reflection].paragraphs[paragraph][start:end] == sentence``; all
reflection and paragraph numbers are 0-based in ``--json`` and 1-based in the text output,
which is for people; character offsets (start, end) are 0-based in both.

Only argparse-level modules are imported here: the importer and jieba load inside ``run``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "print the suggested commitments (承诺) of a page, without opening the window"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the page to read (a text file)")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print [{"reflection", "paragraph", "start", "end", "sentence"}, ...] (0-based)',
    )


def run(args: argparse.Namespace) -> int:
    from desktop.commitments import suggest_commitments
    from desktop.importer import parse_file

    material = parse_file(args.file)
    suggestions = suggest_commitments(material)
    out = sys.stdout
    if args.json:
        json.dump([s.to_json() for s in suggestions], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not suggestions:
        out.write("No commitments suggested.\n")
        return 0
    current = None
    for suggestion in suggestions:
        if suggestion.reflection != current:
            current = suggestion.reflection
            reflection = material.reflections[current]
            byline = f" — {reflection.byline}" if reflection.byline else ""
            out.write(f"{current + 1}. {reflection.title or '(untitled)'}{byline}\n")
        out.write(
            f"   ¶{suggestion.paragraph + 1} {suggestion.start}-{suggestion.end}"
            f" [{suggestion.reason}] {suggestion.sentence}\n"
        )
    return 0
