"""学习札记 (Study Notes): import newspaper pages of reflections, study them, print briefs.

The package is split so the folder tree shows the architecture:

* core, free of Qt: ``text`` (Chinese text clean-up), ``importer`` (page -> material),
  ``library`` (SQLAlchemy storage), ``material`` (the dataclasses that cross layers),
  ``annotation`` / ``anchoring`` (highlights and where they sit), ``brief`` (the PDFs),
  ``cli`` and ``commands`` (the headless commands);
* ``ui``: the PySide6 window, which calls the core and is never called by it.
"""

from __future__ import annotations

__all__ = ["__version__"]


def _version() -> str:
    # importlib.metadata reads the installed distribution, so the version lives only in
    # pyproject.toml; the PyInstaller spec ships that metadata (copy_metadata). A build
    # without it may drop a desktop/_version.py with VERSION; otherwise "0+unknown".
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover - Python < 3.8
        return "0+unknown"
    try:
        return version("studynotes")
    except PackageNotFoundError:
        try:
            from desktop._version import VERSION  # type: ignore[import-not-found]
        except ImportError:
            return "0+unknown"
        return VERSION


_cached_version: str | None = None


def __getattr__(name: str) -> str:
    # PEP 562: the version is looked up on first use, not on import, because
    # importlib.metadata costs ~40 ms and the window must start fast.
    global _cached_version
    if name == "__version__":
        if _cached_version is None:
            _cached_version = _version()
        return _cached_version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
