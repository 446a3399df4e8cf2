"""``studynotes list [--json]``: the library's materials with their reflection counts.

Newest first, like the library panel. A library that does not exist yet is listed as
empty rather than created.
"""

from __future__ import annotations

import argparse

HELP = "list the materials in the library"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help="print a JSON list of objects instead of lines"
    )


def run(args: argparse.Namespace) -> int:
    from desktop.library import library_exists, open_library

    materials = []
    if library_exists(args.library):
        with open_library(args.library) as library:
            materials = library.materials()

    if args.json:
        import json

        rows = [
            {
                "id": m.id,
                "headline": m.headline,
                "subtitle": m.subtitle,
                "source_name": m.source_name,
                "imported_at": m.imported_at.isoformat(),
                "reflection_count": m.reflection_count,
            }
            for m in materials
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0

    if not materials:
        print("The library is empty.")
        return 0
    for m in materials:
        imported = m.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
        title = f"{m.headline} — {m.subtitle}" if m.subtitle else m.headline
        print(f"{m.id:>4}  {imported}  {m.reflection_count:>3} reflections  {title}  [{m.source_name}]")
    return 0
