"""Where the app keeps its files on the user's PC.

The library lives in the *local* (not roaming) application data folder: office PCs
often redirect roaming profiles to a network drive, where SQLite's WAL journal does not
work. ``STUDYNOTES_HOME`` moves every folder at once (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "StudyNotes"
APP_AUTHOR = "StudyNotes"
LIBRARY_ENV = "STUDYNOTES_LIBRARY"
HOME_ENV = "STUDYNOTES_HOME"
DEFAULT_LIBRARY_NAME = "library.sqlite3"


def _platform_dirs():  # -> platformdirs.PlatformDirs; imported lazily for start-up time
    from platformdirs import PlatformDirs

    return PlatformDirs(APP_NAME, APP_AUTHOR, roaming=False)


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    """Local application data folder (holds the default library and its backups)."""
    home = _home_override()
    return home / "data" if home else Path(_platform_dirs().user_data_dir)


def cache_dir() -> Path:
    """Cache folder (start-up snapshot, jieba dictionary cache)."""
    home = _home_override()
    return home / "cache" if home else Path(_platform_dirs().user_cache_dir)


def log_dir() -> Path:
    """Folder for log files and crash reports."""
    home = _home_override()
    return home / "log" if home else Path(_platform_dirs().user_log_dir)


def default_library_path() -> Path:
    return data_dir() / DEFAULT_LIBRARY_NAME


def library_location(cli_value: str | None = None) -> str:
    """The library to open: ``--library``, else ``STUDYNOTES_LIBRARY``, else the default.

    Returns a path or an SQLAlchemy URL string; :mod:`desktop.library` tells them apart.
    """
    if cli_value:
        return cli_value
    env_value = os.environ.get(LIBRARY_ENV)
    if env_value:
        return env_value
    return str(default_library_path())
