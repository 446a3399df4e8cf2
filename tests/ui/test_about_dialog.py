"""Help ▸ About: the version, and every shipped component's licence readable in the app."""

from __future__ import annotations

import pytest

from desktop import __version__
from desktop.ui.about_dialog import AboutDialog, components


@pytest.fixture
def about(qtbot) -> AboutDialog:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_name_and_version(about: AboutDialog) -> None:
    assert about.name_label.text() == "学习札记"
    assert __version__ in about.version_label.text()


def test_every_component_is_listed_with_its_licence(about: AboutDialog) -> None:
    rows = {about.list.topLevelItem(i).text(0): about.list.topLevelItem(i).text(2)
            for i in range(about.list.topLevelItemCount())}
    assert rows["Droid Sans Fallback (font)"] == "Apache-2.0"
    assert rows["Qt 6 and Qt for Python (PySide6, Shiboken6)"] == "LGPL-3.0-only"
    for name, licence in (("SQLAlchemy", "MIT"), ("Alembic", "MIT"), ("jieba", "MIT"),
                          ("ReportLab", "BSD-3-Clause"), ("platformdirs", "MIT"),
                          ("charset-normalizer", "MIT"), ("filelock", "MIT")):
        assert rows[name] == licence


@pytest.mark.parametrize(("name", "phrase"), [
    ("Qt 6 and Qt for Python (PySide6, Shiboken6)", "GNU LESSER GENERAL PUBLIC LICENSE"),
    ("Droid Sans Fallback (font)", "Apache License"),
    ("jieba", "Sun Junyi"),
    ("ReportLab", "ReportLab"),
])
def test_selecting_a_component_shows_its_licence_text(about: AboutDialog, name: str, phrase: str) -> None:
    assert about.select_component(name)
    assert phrase in about.text.toPlainText()


def test_every_licence_file_is_present_and_not_empty() -> None:
    for component in components():
        text = component.licence_text()
        assert "is missing from this installation" not in text, component.name
        assert len(text) > 500, component.name


def test_qt_version_is_the_running_one(about: AboutDialog) -> None:
    from PySide6.QtCore import qVersion

    about.select_component("Qt 6 and Qt for Python (PySide6, Shiboken6)")
    assert f"Qt {qVersion()}" in about.list.currentItem().text(1)
