"""``studynotes import FILE... [--dry-run]``: store pages in the library without the window.

Every file is parsed before the library is touched, so one bad file stops the command
with nothing imported. Each page is stored in its own transaction; a page already in the
library is recognised by its content and named, not stored twice.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.material import Material

HELP = "import pages (text files) into the library"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="page to import")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="parse and report what would be imported; store nothing, create no library",
    )


def run(args: argparse.Namespace) -> int:
    from desktop.errors import InputError
    from desktop.importer import parse_file
    from desktop.library import open_library

    pages: list[tuple[Path, Material]] = []
    for path in args.files:
        try:
            pages.append((path, parse_file(path)))
        except InputError as error:
            # The importer's sentence already names the file.
            raise InputError(f"{error.message} Nothing was imported.", code=error.code) from error

    if args.dry_run:
        _dry_run(pages, args.library)
        return 0

    with open_library(args.library, lock=True) as library:
        for path, material in pages:
            result = library.import_material(material, path.name)
            if result.created:
                print(f"{path}: new (id {result.material_id}, {_contents(material)})")
            else:
                print(f"{path}: already in library (id {result.material_id})")
    return 0


def _dry_run(pages: list[tuple[Path, Material]], location: str | None) -> None:
    """Say what a real import would say, without creating or changing the library."""
    from desktop.library import library_exists, open_library

    library = open_library(location) if library_exists(location) else None
    first_of: dict[str, Path] = {}
    try:
        for path, material in pages:
            duplicate = library.find_duplicate(material) if library is not None else None
            if duplicate is not None:
                print(f"{path}: already in library (id {duplicate})")
            elif material.content_hash in first_of:
                print(f"{path}: same page as {first_of[material.content_hash]}")
            else:
                first_of[material.content_hash] = path
                print(f"{path}: would import ({_contents(material)})")
    finally:
        if library is not None:
            library.close()


def _contents(material: Material) -> str:
    """The counts after a file name: reflections, and the review's warnings if any."""
    parts = [_plural(len(material.reflections), "reflection")]
    if material.warnings:
        parts.append(_plural(len(material.warnings), "warning"))
    return ", ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
