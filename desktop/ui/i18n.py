"""Load the interface translation: Simplified Chinese for Chinese systems.

Source strings are English (the developer guide's rule), every one goes through tr(),
and the zh_CN catalogue (resources/i18n/studynotes_zh_CN.qm, built by
resources/i18n/update_translations.py) turns them into the Chinese users read. Qt's own
qtbase catalogue translates the standard dialogs' buttons (打开, 取消, ...).
``STUDYNOTES_LANG`` (``zh_CN`` or ``en``) overrides the system locale, for tests and for
users who want the other language.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path

LANG_ENV = "STUDYNOTES_LANG"
CATALOGUE_PREFIX = "studynotes_"


def ui_locale() -> QLocale:
    """The locale the interface should speak: ``STUDYNOTES_LANG`` else the system's."""
    override = os.environ.get(LANG_ENV, "").strip()
    return QLocale(override) if override else QLocale.system()


def is_chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def catalogue_paths(locale: QLocale) -> list[Path]:
    """The .qm files to load for ``locale``: the app's own, then Qt's for standard dialogs."""
    if not is_chinese(locale):
        return []
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [
        resource_path("i18n", f"{CATALOGUE_PREFIX}zh_CN.qm"),
        qt_folder / "qtbase_zh_CN.qm",
    ]


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the catalogues for the UI locale; keep the result alive while the app runs."""
    locale = locale or ui_locale()
    installed: list[QTranslator] = []
    for path in catalogue_paths(locale):
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    if is_chinese(locale):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
