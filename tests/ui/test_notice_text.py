"""The importer's warnings shown in the interface's language (review dialog)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from desktop.importer.notices import NOTICES, notice, placeholders
from desktop.ui import i18n
from desktop.ui.notice_text import notice_templates, notice_text

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp, monkeypatch):
    monkeypatch.setenv(i18n.LANG_ENV, "zh_CN")
    previous = QLocale()
    translators = i18n.install_translators(qapp)
    yield
    i18n.remove_translators(qapp, translators)
    QLocale.setDefault(previous)


def test_every_notice_has_a_template_with_the_same_placeholders():
    templates = notice_templates()
    assert set(templates) == set(NOTICES)
    for code, english in NOTICES.items():
        assert sorted(placeholders(templates[code])) == sorted(placeholders(english)), code


def test_english_interface_shows_the_sentences_unchanged():
    for code, template in NOTICES.items():
        sentence = notice(code, **{name: "示例" for name in placeholders(template)})
        assert notice_text(sentence) == sentence


def test_every_notice_is_translated_into_chinese_with_its_quoted_text(chinese):
    for code, template in NOTICES.items():
        params = {name: f"QUOTED{i}" for i, name in enumerate(placeholders(template))}
        shown = notice_text(notice(code, **params))
        assert CJK.search(shown), code
        assert shown != notice(code, **params)
        for value in params.values():
            assert value in shown


def test_unknown_sentences_are_shown_as_they_are(chinese):
    assert notice_text("An old warning.") == "An old warning."


def test_review_dialog_shows_the_warnings_in_chinese(chinese, qtbot, seed_path):
    from desktop.importer import parse_file
    from desktop.ui.review_dialog import ImportReviewDialog

    material = parse_file(seed_path)
    assert material.warnings
    dialog = ImportReviewDialog(material, seed_path.name)
    qtbot.addWidget(dialog)
    text = "\n".join(label.text() for label in dialog.warnings_box.findChildren(QLabel))
    assert "stood far from its body" not in text
    assert "离正文较远" in text
