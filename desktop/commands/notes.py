"""``studynotes notes export|import``: carry a material's annotations to another PC.

``notes export MATERIAL -o FILE.json`` writes the highlights, comments, notes, study
reflection and dismissed suggestions of one material (named by id or headline) to a
``studynotes-notes`` file (docs/notes-format.md); ``notes import FILE.json`` merges such
a file into the library holding the same page. Importing twice adds nothing. A missing
library is never created by this command.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.library import Library

HELP = "export or import a material's highlights and notes (to move them to another PC)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="notes_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write a material's annotations to a JSON file",
        description="Write a material's highlights, notes, study reflection and dismissed "
        "suggestions to a JSON file.",
    )
    export.add_argument("material", metavar="MATERIAL", help="material id or headline")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.json", help="file to write"
    )
    imported = actions.add_parser(
        "import",
        help="merge annotations from a JSON file into the library",
        description="Merge a notes file into the library copy of the same page; importing "
        "the same file again changes nothing.",
    )
    imported.add_argument("file", type=Path, metavar="FILE.json", help="notes file to import")
    imported.add_argument(
        "--material",
        metavar="MATERIAL",
        help="apply the notes to this material (id or headline) instead of the one with "
        "the same page content",
    )


def run(args: argparse.Namespace) -> int:
    if args.notes_action == "export":
        return _export(args)
    return _import(args)


def _export(args: argparse.Namespace) -> int:
    from desktop import notes_exchange

    # Reading only: no lock, so it works while the window has the library open.
    with _open(args.library, args.material, lock=False) as library:
        material_id = find_material(library, args.material)
        annotations = notes_exchange.export_notes(library, material_id, args.output)
    notes = sum(r.note is not None for r in annotations.reflections)
    notes += annotations.study_reflection is not None
    print(
        f"{args.output}: {_plural(annotations.highlight_count, 'highlight')}, "
        f"{_plural(notes, 'note')} of “{annotations.headline}”"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from desktop import notes_exchange

    # Check the file before the library is opened (or found missing).
    annotations = notes_exchange.read_file(args.file)
    with _open(args.library, args.material, lock=True, headline=annotations.headline) as library:
        material_id = find_material(library, args.material) if args.material else None
        result = library.import_annotations(annotations, material_id)
    parts = [f"{_plural(result.highlights_added, 'highlight')} added"]
    if result.highlights_detached:
        parts.append(f"{result.highlights_detached} of them detached (words not found)")
    if result.highlights_already_there:
        parts.append(f"{result.highlights_already_there} already there")
    parts.append(f"{_plural(result.notes_changed, 'note')} updated")
    parts.append(f"{_plural(result.dismissals_added, 'dismissed suggestion')} added")
    print(f"{args.file}: notes of “{annotations.headline}” (id {result.material_id}): {', '.join(parts)}")
    return 0


def _open(
    location: str | None, material: str | None, *, lock: bool, headline: str | None = None
) -> Library:
    """Open an existing library; a missing one holds no material, so say that instead of
    creating an empty library."""
    from desktop.annotation import UnknownMaterialError
    from desktop.library import library_exists, open_library

    if not library_exists(location):
        if headline is not None and material is None:
            raise UnknownMaterialError(
                f"The material “{headline}” is not in this library; import its page first, "
                "then import the notes again."
            )
        raise UnknownMaterialError(f"There is no material {material} in the library.")
    return open_library(location, lock=lock)


def find_material(library: Library, reference: str) -> int:
    """A material named on the command line by id or by its headline."""
    from desktop.annotation import UnknownMaterialError

    materials = library.materials()
    if reference.strip().isdigit():
        wanted = int(reference)
        if any(m.id == wanted for m in materials):
            return wanted
    squeezed = "".join(reference.split())
    matches = [m for m in materials if "".join(m.headline.split()) == squeezed]
    if len(matches) == 1:
        return matches[0].id
    if matches:
        ids = ", ".join(str(m.id) for m in matches)
        raise UnknownMaterialError(
            f"Several materials are headed “{reference}” (ids {ids}); name one by its id.",
            code="annotation-ambiguous-material",
        )
    raise UnknownMaterialError(f"There is no material {reference} in the library.")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
