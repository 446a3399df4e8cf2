"""Errors the user is meant to read.

Every failure a user can cause (a bad file, a locked library) is raised as a
:class:`StudyNotesError` subclass carrying one clear sentence, so the CLI can print it
on one line and the window can show it in one dialog, without tracebacks. ``code`` lets
the UI substitute a translated sentence; ``message`` is the English fallback.
"""

from __future__ import annotations


class StudyNotesError(Exception):
    """Base of every error that reaches the user as a message."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, **details: object) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details = details

    def __str__(self) -> str:
        return self.message


class InputError(StudyNotesError):
    """A page that cannot be imported: not text, empty, too large, unreadable."""

    code = "input"


class LibraryError(StudyNotesError):
    """A library that cannot be opened or written."""

    code = "library"


class LibraryLockedError(LibraryError):
    """The library is open in another window of the app."""

    code = "library-locked"


class NotALibraryError(LibraryError):
    """The file exists but is not a study-notes library (or is damaged)."""

    code = "not-a-library"
