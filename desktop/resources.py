"""Find the app's bundled resources (fonts, samples, translations, dictionaries).

One function serves every way the app runs: from a checkout (``resources/`` beside the
package), from an installed wheel (copied into ``desktop/_resources``) and from a
PyInstaller bundle (``sys._MEIPASS/resources``). Everything that loads a resource goes
through :func:`resource_path`, so the installer only has to ship the one folder.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The folder that holds the resources, whichever way the app was started."""
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(_PACKAGE_DIR / "_resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(
        "The app's resources folder is missing; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "X.ttf")``."""
    return resources_root().joinpath(*parts)


def sample_page_path() -> Path:
    """The sample page loaded into an empty library on first run."""
    return resource_path("samples", "beijing_union_congress.txt")


def cjk_font_path() -> Path:
    """The bundled CJK TrueType font (the window and, later, the PDF brief use it)."""
    return resource_path("fonts", "DroidSansFallbackFull.ttf")
