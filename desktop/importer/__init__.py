"""The page importer: a newspaper page of reflections (plain text) -> :class:`Material`.

The public functions are the contract other modules code against (see
docs/ARCHITECTURE.md). Reading and decoding may refuse a file with an
:class:`~desktop.errors.InputError`; parsing never refuses text — what it cannot
recognise it imports as an untitled piece and explains in ``Material.warnings``.

Nothing heavy is imported here: the CLI's ``parse`` command and the window's import
both load this package at start-up.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.errors import InputError
from desktop.importer.notices import notice
from desktop.material import Material, Reflection

__all__ = ["MAX_PAGE_BYTES", "decode_page", "parse_file", "parse_page", "read_page"]

# A page is about 10 KB; a few MiB leaves room for a whole issue pasted into one file
# while refusing a video renamed to .txt before it is read into memory.
MAX_PAGE_BYTES = 4 * 1024 * 1024

_log = logging.getLogger(__name__)
_FALLBACK_WARNING = notice("unrecognised-structure")


def decode_page(data: bytes) -> str:
    """Text of a page's bytes (UTF-8 ± BOM, GB18030/GBK, UTF-16 with BOM…).

    Raises InputError with code ``input-binary``, ``input-empty``, ``input-too-large``
    or ``input-encoding``.
    """
    from desktop.text.decode import decode_bytes

    return decode_bytes(data, max_bytes=MAX_PAGE_BYTES)


def read_page(path: Path) -> str:
    """Read and decode a page file; InputError (``input-unreadable``…) on failure.

    The size is checked before reading, so a huge file is refused without loading it.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            data = b""
        else:
            with path.open("rb") as handle:
                data = handle.read(MAX_PAGE_BYTES + 1)
    except FileNotFoundError:
        raise _unreadable(path, f"The file {path} does not exist.") from None
    except IsADirectoryError:
        raise _unreadable(path, f"{path} is a folder, not a text file.") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise _unreadable(path, f"The file {path} cannot be read ({reason}).") from None
    if size > MAX_PAGE_BYTES:
        raise InputError(
            f"The file {path.name} is too large ({size:,} bytes; the limit is {MAX_PAGE_BYTES:,}): "
            "a page of reflections is a few kilobytes of text.",
            code="input-too-large",
            path=str(path),
        )
    try:
        return decode_page(data)
    except InputError as error:
        raise InputError(f"{path.name}: {error.message}", code=error.code, path=str(path)) from None


def _unreadable(path: Path, message: str) -> InputError:
    return InputError(message, code="input-unreadable", path=str(path))


def parse_page(text: str) -> Material:
    """The structure of a page: headline, subtitle, lead and reflections.

    Never raises: a failure of the recogniser itself (a bug) is logged and the page is
    imported as one untitled piece, so the user loses nothing and can fix it in review.
    """
    from desktop.importer.parse import recognise

    try:
        return recognise(text)
    except Exception:  # noqa: BLE001 - the contract is "never raises on text"
        _log.exception("page structure recognition failed")
        paragraphs = tuple(p.strip() for p in str(text).split("\n\n") if p.strip())
        return Material(
            headline="",
            subtitle="",
            lead="",
            reflections=(Reflection("", "", "", paragraphs, "none"),) if paragraphs else (),
            warnings=(_FALLBACK_WARNING,),
            source_text=text,
        )


def parse_file(path: Path) -> Material:
    """read_page + parse_page."""
    return parse_page(read_page(path))
