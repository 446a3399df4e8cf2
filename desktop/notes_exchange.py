"""Carrying a material's annotations to another PC: the ``studynotes-notes`` JSON file.

The format is documented in ``docs/notes-format.md``; this module is its only reader and
writer. Reading validates the whole file before the library is touched, so a damaged,
foreign or newer file gets one clear sentence and changes nothing; the library then
merges it in one transaction (:meth:`desktop.library.Library.import_annotations`).
Writing goes to a temporary file that replaces the target only when complete.

No Qt and no SQLAlchemy at import: the ``notes`` command uses this.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.anchoring import Anchor, AnchorError
from desktop.annotation import (
    CATEGORIES,
    DismissedSuggestion,
    MaterialAnnotations,
    Note,
    PortableHighlight,
    ReflectionAnnotations,
)
from desktop.errors import StudyNotesError

if TYPE_CHECKING:
    from desktop.annotation import AnnotationImportResult
    from desktop.library import Library

FORMAT = "studynotes-notes"
VERSION = 1
MAX_FILE_BYTES = 50 * 1024 * 1024
"""A notes file is text typed by one person; anything bigger is not one."""


class NotesFileError(StudyNotesError):
    """A notes file that cannot be read or written: not JSON, another format, too new."""

    code = "notes-file"


# --- values <-> JSON ----------------------------------------------------------------------


def to_json(annotations: MaterialAnnotations, exported_at: datetime | None = None) -> dict[str, Any]:
    """The file's content for a material's annotations (see docs/notes-format.md)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _time(exported_at or datetime.now(timezone.utc)),
        "material": {
            "content_hash": annotations.content_hash,
            "headline": annotations.headline,
            "subtitle": annotations.subtitle,
            "reflection_titles": list(annotations.reflection_titles),
        },
        "study_reflection": _note_json(annotations.study_reflection),
        "reflections": [
            {
                "position": r.position,
                "title": r.title,
                "note": _note_json(r.note),
                "highlights": [
                    {
                        "category": h.category,
                        "anchor": h.anchor.to_json(),
                        "comment": h.comment,
                        "created_at": _time(h.created_at),
                        "updated_at": _time(h.updated_at),
                        "detached": h.detached,
                    }
                    for h in r.highlights
                ],
                "dismissed": [
                    {
                        "sentence": d.sentence,
                        "paragraph": d.paragraph,
                        "start": d.start,
                        "end": d.end,
                        "dismissed_at": _time(d.dismissed_at),
                    }
                    for d in r.dismissed
                ],
            }
            for r in annotations.reflections
        ],
    }


def from_json(data: object) -> MaterialAnnotations:
    """Check and read a whole file's content; NotesFileError naming the first problem.

    Unknown keys are ignored (a later version 1 writer may add some); a higher
    ``version`` is refused, because its meaning may have changed.
    """
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise NotesFileError("This is not a Study Notes notes file.", code="notes-format")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise NotesFileError("The notes file has no valid format version.", code="notes-version")
    if version > VERSION:
        raise NotesFileError(
            f"The notes file was written by a newer version of Study Notes (format version "
            f"{version}); update the app to import it.",
            code="notes-version",
        )
    reader = _Reader()
    material = reader.mapping(data, "material")
    content_hash = reader.text(material, "content_hash", "material")
    headline = reader.text(material, "headline", "material")
    subtitle = reader.text(material, "subtitle", "material", default="")
    titles = tuple(
        reader.item_text(t, "material.reflection_titles")
        for t in reader.list(material, "reflection_titles", "material", default=[])
    )
    reflections = reader.list(data, "reflections")
    positions = [reader.index(r, "position", "reflections") for r in reflections]
    if len(set(positions)) != len(positions):
        raise reader.fail("reflections", "lists a reflection twice")
    return MaterialAnnotations(
        content_hash=content_hash,
        headline=headline,
        subtitle=subtitle,
        reflection_titles=titles,
        study_reflection=reader.note(data.get("study_reflection"), "study_reflection"),
        reflections=tuple(reader.reflection(r) for r in reflections),
    )


def _note_json(note: Note | None) -> dict[str, str] | None:
    return None if note is None else {"text": note.text, "updated_at": _time(note.updated_at)}


def _time(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


class _Reader:
    """Typed access to the parsed JSON, with one clear sentence per problem."""

    def fail(self, where: str, problem: str) -> NotesFileError:
        return NotesFileError(
            f"The notes file is damaged: {where} {problem}; nothing was imported.",
            code="notes-malformed",
        )

    def mapping(self, data: Mapping[str, Any], key: str, where: str = "") -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(_path(where, key), "is missing or not an object")
        return value

    def list(
        self, data: Mapping[str, Any], key: str, where: str = "", default: list[Any] | None = None
    ) -> list[Any]:
        value = data.get(key, default)
        if not isinstance(value, list):
            raise self.fail(_path(where, key), "is missing or not a list")
        return value

    def text(
        self, data: Mapping[str, Any], key: str, where: str, default: str | None = None
    ) -> str:
        value = data.get(key, default)
        if not isinstance(value, str):
            raise self.fail(_path(where, key), "is missing or not text")
        return value

    def item_text(self, value: object, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(where, "holds something that is not text")
        return value

    def index(self, data: object, key: str, where: str) -> int:
        if not isinstance(data, Mapping):
            raise self.fail(where, "holds something that is not an object")
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(_path(where, key), "is missing or not a whole number")
        return value

    def time(self, data: Mapping[str, Any], key: str, where: str, required: bool) -> datetime | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise self.fail(_path(where, key), "is missing or not a date and time")
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise self.fail(_path(where, key), f"is not a date and time ({value!r})") from None
        # A time without a zone is read as UTC, which is what this app writes.
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)

    def note(self, value: object, where: str) -> Note | None:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(where, "is not an object")
        return Note(self.text(value, "text", where), self.time(value, "updated_at", where, True))  # type: ignore[arg-type]

    def reflection(self, data: Mapping[str, Any]) -> ReflectionAnnotations:
        position = data["position"]
        where = f"reflection {position + 1}"
        return ReflectionAnnotations(
            position=position,
            title=self.text(data, "title", where, default=""),
            note=self.note(data.get("note"), f"{where} note"),
            highlights=tuple(
                self.highlight(h, f"{where} highlight {n + 1}")
                for n, h in enumerate(self.list(data, "highlights", where, default=[]))
            ),
            dismissed=tuple(
                self.dismissal(d, f"{where} dismissed suggestion {n + 1}")
                for n, d in enumerate(self.list(data, "dismissed", where, default=[]))
            ),
        )

    def highlight(self, data: object, where: str) -> PortableHighlight:
        if not isinstance(data, Mapping):
            raise self.fail(where, "is not an object")
        category = data.get("category")
        if category not in CATEGORIES:
            raise self.fail(where, f"has an unknown category ({category!r})")
        try:
            anchor = Anchor.from_json(self.mapping(data, "anchor", where))
        except AnchorError as error:
            raise self.fail(where, f"has a bad anchor ({error.message})") from None
        detached = data.get("detached", False)
        if not isinstance(detached, bool):
            raise self.fail(_path(where, "detached"), "is not true or false")
        return PortableHighlight(
            category=category,
            anchor=anchor,
            comment=self.text(data, "comment", where, default=""),
            created_at=self.time(data, "created_at", where, False),
            updated_at=self.time(data, "updated_at", where, False),
            detached=detached,
        )

    def dismissal(self, data: object, where: str) -> DismissedSuggestion:
        if not isinstance(data, Mapping):
            raise self.fail(where, "is not an object")
        sentence = self.text(data, "sentence", where)
        if not sentence.strip():
            raise self.fail(_path(where, "sentence"), "is empty")
        return DismissedSuggestion(
            reflection_id=0,  # not known until the import finds the reflection
            paragraph=self.index(data, "paragraph", where),
            start=self.index(data, "start", where),
            end=self.index(data, "end", where),
            sentence=sentence,
            dismissed_at=self.time(data, "dismissed_at", where, False),
        )


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


# --- files -------------------------------------------------------------------------------


def write_file(annotations: MaterialAnnotations, path: Path) -> None:
    """Write the notes file: to a temporary name beside it, then replace ``path``, so an
    interrupted export never leaves half a file where a good one was."""
    text = json.dumps(to_json(annotations), ensure_ascii=False, indent=2) + "\n"
    path = Path(path)
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise NotesFileError(
            f"The notes file {path} cannot be written ({error.strerror or error}).",
            code="notes-write",
        ) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise NotesFileError(
            f"The notes file {path} cannot be written ({error.strerror or error}).",
            code="notes-write",
        ) from error


def read_file(path: Path) -> MaterialAnnotations:
    """Read and check a notes file; NotesFileError with one sentence naming the file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise NotesFileError(f"{path} is too large to be a notes file.", code="notes-format")
        raw = path.read_bytes()
    except OSError as error:
        raise NotesFileError(
            f"The notes file {path} cannot be read ({error.strerror or error}).", code="notes-read"
        ) from error
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotesFileError(f"{path} is not a Study Notes notes file (not UTF-8 text).",
                             code="notes-format") from None
    except json.JSONDecodeError as error:
        raise NotesFileError(
            f"{path} is not a Study Notes notes file (invalid JSON at line {error.lineno}).",
            code="notes-format",
        ) from None
    try:
        return from_json(data)
    except NotesFileError as error:
        raise NotesFileError(f"{path}: {error.message}", code=error.code) from None


# --- library <-> file ----------------------------------------------------------------------


def export_notes(library: Library, material_id: int, path: Path) -> MaterialAnnotations:
    """Write one material's annotations to ``path``; returns what was written."""
    annotations = library.export_annotations(material_id)
    write_file(annotations, path)
    return annotations


def import_notes(
    library: Library, path: Path, material_id: int | None = None
) -> tuple[MaterialAnnotations, AnnotationImportResult]:
    """Merge a notes file into the library, all or nothing.

    The material is found by content hash, else by headline and reflection titles, or is
    ``material_id`` when given. Highlights are re-attached against this library's text.
    """
    annotations = read_file(path)
    return annotations, library.import_annotations(annotations, material_id)
