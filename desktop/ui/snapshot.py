"""The start-up snapshot: the last reflection read, shown before the library opens.

Opening the library means importing SQLAlchemy and running migrations, which takes
longer than showing a window. So the window first shows the reflection the user was
reading, from this small JSON file in the cache folder, and the library opens in a
worker right after. The file is a cache: keyed by library location, rewritten
atomically (temporary file + os.replace) whenever a reflection is shown, and silently
ignored when missing or damaged. No Qt here: it is plain data.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop.material import StoredReflection
from desktop.paths import cache_dir

SNAPSHOT_NAME = "startup-snapshot.json"
FORMAT_VERSION = 1
MAX_LIBRARIES = 8


def snapshot_path() -> Path:
    return cache_dir() / SNAPSHOT_NAME


def library_key(location: str) -> str:
    """One key per library whichever way its path was written (URLs are kept as they are)."""
    if "://" in location:
        return location
    return os.path.normcase(os.path.abspath(os.path.expanduser(location)))


def _read_all() -> dict[str, dict]:
    try:
        data = json.loads(snapshot_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        return {}
    libraries = data.get("libraries")
    return libraries if isinstance(libraries, dict) else {}


def load_reflection(location: str) -> StoredReflection | None:
    """The reflection last shown for this library, or None."""
    entry = _read_all().get(library_key(location))
    if not isinstance(entry, dict):
        return None
    fields = entry.get("reflection")
    try:
        return StoredReflection(
            id=int(fields["id"]),
            material_id=int(fields["material_id"]),
            position=int(fields["position"]),
            title=str(fields["title"]),
            author=str(fields["author"]),
            affiliation=str(fields["affiliation"]),
            paragraphs=tuple(str(p) for p in fields["paragraphs"]),
            material_headline=str(fields.get("material_headline", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None


def save_reflection(location: str, reflection: StoredReflection) -> None:
    """Remember ``reflection`` as the one to show first next time (best effort)."""
    libraries = _read_all()
    key = library_key(location)
    libraries.pop(key, None)
    libraries[key] = {
        "reflection": {
            "id": reflection.id,
            "material_id": reflection.material_id,
            "position": reflection.position,
            "title": reflection.title,
            "author": reflection.author,
            "affiliation": reflection.affiliation,
            "paragraphs": list(reflection.paragraphs),
            "material_headline": reflection.material_headline,
        }
    }
    while len(libraries) > MAX_LIBRARIES:
        libraries.pop(next(iter(libraries)))
    try:
        _write_atomically(snapshot_path(), {"version": FORMAT_VERSION, "libraries": libraries})
    except OSError:
        pass  # a cache: failing to write it only costs the next start a blank reading pane


def forget(location: str) -> None:
    """Drop the snapshot of a library (e.g. when its reflection no longer exists)."""
    libraries = _read_all()
    if libraries.pop(library_key(location), None) is not None:
        try:
            _write_atomically(snapshot_path(), {"version": FORMAT_VERSION, "libraries": libraries})
        except OSError:
            pass


def _write_atomically(path: Path, data: dict) -> None:
    import tempfile  # lazily: not needed on the way to the first window

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".snapshot-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
