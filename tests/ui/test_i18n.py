"""The interface speaks Simplified Chinese on Chinese systems."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
WINDOW_MODULES = ["main_window.py", "actions.py", "library_model.py", "reading_view.py"]


@pytest.fixture
def chinese(qapp, monkeypatch):
    monkeypatch.setenv(i18n.LANG_ENV, "zh_CN")
    translators = i18n.install_translators(qapp)
    yield translators
    i18n.remove_translators(qapp, translators)
    QLocale.setDefault(QLocale.c())


def test_chinese_locale_gets_chinese_menus_and_commands(chinese, qtbot, location):
    assert len(chinese) == 2  # the app's catalogue and Qt's own
    window = MainWindow(location, Settings())
    qtbot.addWidget(window)

    actions = window.main_actions
    assert [actions.file_menu.title(), actions.view_menu.title(), actions.help_menu.title()] == [
        "文件(&F)", "查看(&V)", "帮助(&H)"]
    assert window.windowTitle() == "学习札记"
    assert actions.import_file.text() == "导入文件(&I)…"
    assert actions.next_reflection.iconText() == "下一篇"


def test_standard_dialog_buttons_are_translated_too(chinese):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_other_locales_keep_the_english_source_strings(qapp, monkeypatch):
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    assert i18n.install_translators(qapp) == []
    assert not i18n.is_chinese(i18n.ui_locale())


def _window_messages(tmp_path: Path) -> list[tuple[str, str]]:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "window.ts"
    sources = [str(PROJECT_ROOT / "desktop" / "ui" / name) for name in WINDOW_MODULES]
    subprocess.run([str(lupdate if lupdate.exists() else shutil.which("pyside6-lupdate")), *sources,
                    "-ts", str(ts), "-silent"], check=True, timeout=120)
    root = ET.parse(ts).getroot()
    return [(context.findtext("name"), message.findtext("source"))
            for context in root.iter("context") for message in context.iter("message")]


def test_every_string_of_the_window_is_translated_in_the_shipped_catalogue(chinese, tmp_path):
    messages = _window_messages(tmp_path)
    assert len(messages) > 50  # lupdate found the tr() calls
    untranslated = [(context, source) for context, source in messages
                    if QCoreApplication.translate(context, source) == source]
    assert untranslated == []
