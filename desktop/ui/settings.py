"""Preferences kept with QSettings: reading size, window layout, last-read reflection.

QSettings is the Qt way to keep preferences (the registry on Windows, an ini file
elsewhere). ``STUDYNOTES_HOME`` moves the library, cache and logs of a portable install
or a test run, so it moves the settings too: an ini file under ``$STUDYNOTES_HOME/config``.
This wrapper gives every key a type and a default in one place.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from desktop.paths import APP_AUTHOR, APP_NAME, HOME_ENV

DEFAULT_READING_SIZE = 16
MIN_READING_SIZE = 10
MAX_READING_SIZE = 36
SETTINGS_FILE_NAME = "studynotes.ini"


def configure_application(app: QCoreApplication) -> None:
    """Name the application so QSettings and the platform find the right place."""
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)


def settings_file() -> Path | None:
    """The ini file used under ``STUDYNOTES_HOME``; None when the platform store is used."""
    home = os.environ.get(HOME_ENV)
    return Path(home) / "config" / SETTINGS_FILE_NAME if home else None


def clamp_reading_size(size: int) -> int:
    return max(MIN_READING_SIZE, min(MAX_READING_SIZE, int(size)))


def _library_key(location: str) -> str:
    # QSettings keys cannot hold slashes or colons portably: hash the location.
    return hashlib.sha1(location.encode("utf-8")).hexdigest()[:16]


class Settings:
    """Typed access to the app's QSettings."""

    def __init__(self) -> None:
        path = settings_file()
        if path is not None:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._store = QSettings(
                QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME
            )

    # --- reading -------------------------------------------------------------------

    @property
    def reading_font_size(self) -> int:
        value = self._store.value("reading/fontSize", DEFAULT_READING_SIZE)
        try:
            return clamp_reading_size(int(value))
        except (TypeError, ValueError):
            return DEFAULT_READING_SIZE

    @reading_font_size.setter
    def reading_font_size(self, size: int) -> None:
        self._store.setValue("reading/fontSize", clamp_reading_size(size))

    def last_reflection_id(self, location: str) -> int | None:
        value = self._store.value(f"libraries/{_library_key(location)}/lastReflection")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_reflection_id(self, location: str, reflection_id: int) -> None:
        self._store.setValue(f"libraries/{_library_key(location)}/lastReflection", reflection_id)

    # --- window layout -------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._store.setValue("window/splitter", value)

    # --- exporting briefs (desktop/ui/export_dialog.py) ----------------------------

    def export_text(self, name: str, default: str = "") -> str:
        """A remembered text of the export dialog (cover fields, folder, font file)."""
        value = self._store.value(f"export/{name}", default)
        return value if isinstance(value, str) else default

    def set_export_text(self, name: str, value: str) -> None:
        self._store.setValue(f"export/{name}", value)

    def export_flag(self, name: str, default: bool) -> bool:
        """A remembered check box of the export dialog (ini files store "true"/"false")."""
        value = self._store.value(f"export/{name}", default)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)

    def set_export_flag(self, name: str, value: bool) -> None:
        self._store.setValue(f"export/{name}", bool(value))

    def sync(self) -> None:
        self._store.sync()
