"""``studynotes brief (--material ID | FILE) -o OUT.pdf [--handout] [--gongwen]``.

Writes the personal study brief (学习简报), or with ``--handout`` the trainer's handout
(培训讲义), as a PDF. From ``--material ID`` it reads a material of the library; from a
FILE it imports the page on the fly into no library (a ``.json`` file in the format of
``Material.to_json`` -- what ``studynotes parse --json`` prints -- is read as is).

From the library the brief carries the reader's highlights, notes, 学习心得 and the
keyword figure (:mod:`desktop.brief_source`, shared with the window's export); a page
file has none of those yet. Qt is never imported; reportlab only once the arguments are
valid, and jieba only for the keywords of a library material.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "write the study brief (or the trainer's handout) of a material as a PDF"

_CATEGORY_NAMES = ("commitment", "quote", "question")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="a page to import on the fly (or a material .json)")
    source.add_argument("--material", type=int, metavar="ID", help="a material of the library (see `studynotes list`)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    parser.add_argument("--handout", action="store_true", help="write the trainer's handout instead of the brief")
    parser.add_argument("--gongwen", action="store_true", help="official-document layout (GB/T 9704-2012)")
    parser.add_argument(
        "--full-text",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="include each reflection's full text in the brief (default: yes)",
    )
    parser.add_argument(
        "--categories",
        default=",".join(_CATEGORY_NAMES),
        metavar="LIST",
        help="highlight categories to include, comma-separated (default: commitment,quote,question)",
    )
    parser.add_argument("--font", metavar="FONT.ttf", help="a TrueType font to use instead of the bundled one")
    parser.add_argument("--font-index", type=int, default=0, metavar="N", help="font number inside a .ttc collection")
    parser.add_argument("--topic", default="", help="cover: 学习主题 (default: the material's headline)")
    parser.add_argument("--unit", default="", help="cover: 单位")
    parser.add_argument("--name", default="", help="cover: 姓名")
    parser.add_argument("--date", default=None, help="cover: date (default: today)")


def run(args: argparse.Namespace) -> int:
    from desktop.brief import BriefError, BriefOptions, CoverInfo, build_handout, build_study_brief

    categories = frozenset(part.strip() for part in args.categories.split(",") if part.strip())
    unknown = sorted(categories - set(_CATEGORY_NAMES))
    if unknown:
        raise BriefError(
            f"Unknown highlight category {', '.join(unknown)}; use commitment, quote or question.",
            code="brief-categories",
        )
    content = _content(args)
    options = BriefOptions(
        categories=categories,
        include_full_text=args.full_text,
        gongwen=args.gongwen,
        font_path=Path(args.font) if args.font else None,
        font_subfont_index=args.font_index,
    )
    output = Path(args.output)
    if args.handout:
        result = build_handout(content, options, output)
    else:
        cover = CoverInfo(topic=args.topic, unit=args.unit, name=args.name, date=args.date)
        result = build_study_brief(content, cover, options, output)
    kind = "handout" if args.handout else "brief"
    print(f"Wrote the {kind} {result.path} ({result.pages} pages, font: {result.font_used}).")
    return 0


def _content(args: argparse.Namespace):
    from desktop.brief import content_from_material

    if args.material is not None:
        return _content_from_library(args.library, args.material)
    path = Path(args.file)
    if path.suffix.lower() == ".json":
        return content_from_material(_material_from_json(path))
    from desktop.importer import parse_file

    return content_from_material(parse_file(path))


def _content_from_library(location: str | None, material_id: int):
    from desktop.brief import BriefError
    from desktop.brief_source import brief_content_for_material
    from desktop.library import library_exists, open_library

    if not library_exists(location):
        raise BriefError("The library does not exist yet; import a page first.", code="brief-no-library")
    with open_library(location) as library:
        return brief_content_for_material(library, material_id)


def _material_from_json(path: Path):
    import json

    from desktop.errors import InputError
    from desktop.material import Material, Reflection

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        reflections = tuple(
            Reflection(
                title=str(r.get("title", "")),
                author=str(r.get("author", "")),
                affiliation=str(r.get("affiliation", "")),
                paragraphs=tuple(str(p) for p in r.get("paragraphs", ())),
            )
            for r in data["reflections"]
        )
        return Material(
            headline=str(data.get("headline", "")),
            subtitle=str(data.get("subtitle", "")),
            lead=str(data.get("lead", "")),
            reflections=reflections,
        )
    except OSError as error:
        raise InputError(f"Cannot read {path}: {error.strerror or error}.", code="input-unreadable") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InputError(
            f"{path.name} is not a material in JSON (an object with headline, lead and reflections).",
            code="input-json",
        ) from None
