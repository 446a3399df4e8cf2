"""Exporting the material being read as a study brief (Ctrl+P) or a training handout.

The export dialog is answered by a stand-in for ``exec()`` that fills the real dialog
(setText: keyClicks cannot type Chinese) and presses its Export button; the system
viewer is replaced by a recorder, so nothing is launched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop.brief import BriefError
from desktop.ui import i18n
from desktop.ui.export_dialog import BRIEF, HANDOUT, ExportDialog
from desktop.ui.settings import Settings

Fill = Callable[[ExportDialog], None]


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


@pytest.fixture
def opened(window) -> list[QUrl]:
    """What the export asked the system to open (the PDF, its folder)."""
    urls: list[QUrl] = []
    window.exports.opener = lambda url: urls.append(url) or True
    return urls


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch):
    """Answer the export dialog: ``dialogs.fill`` fills it, then Export (or Cancel) is pressed."""

    class Answers:
        fill: Fill | None = None
        accept = True
        seen: list[ExportDialog] = []
        refused: list[str] = []

    answers = Answers()
    answers.seen = []
    answers.refused = []

    def exec_(dialog: ExportDialog) -> int:
        answers.seen.append(dialog)
        if answers.fill is not None:
            answers.fill(dialog)
        if answers.accept:
            dialog.export_button.click()
            if dialog.error_label.isVisibleTo(dialog):
                answers.refused.append(dialog.error_label.text())
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    return answers


def _cover(out: Path, topic: str = "学习北京工会十四大精神") -> Fill:
    def fill(dialog: ExportDialog) -> None:
        dialog.topic_edit.setText(topic)
        dialog.unit_edit.setText("朝阳区总工会")
        dialog.name_edit.setText("李明")
        dialog.output_edit.setText(str(out))

    return fill


def _press(window, qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window.tree, key, modifiers)


def _first_reflection_title(window) -> str:
    material_id = window.reading.reflection.material_id
    return window.library.reflection_summaries(material_id)[0].title


def test_ctrl_p_opens_the_brief_dialog_from_the_file_menu(window, qtbot, dialogs, opened, messages):
    actions = window.main_actions
    assert QKeySequence("Ctrl+P") in actions.export_brief.shortcuts()
    assert QKeySequence("Ctrl+Shift+P") in actions.export_handout.shortcuts()
    assert {actions.export_brief, actions.export_handout} <= set(actions.file_menu.actions())
    dialogs.accept = False

    _press(window, qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert [d.kind for d in dialogs.seen] == [BRIEF]
    dialog = dialogs.seen[0]
    assert dialog.headline == window.reading.reflection.material_headline
    assert dialog.cover_group.isVisibleTo(dialog)
    assert dialog.date_edit.date().toPython() == dt.date.today()
    assert all(box.isChecked() for box in dialog.category_boxes.values())  # all by default
    assert dialog.full_text_box.isChecked() and not dialog.gongwen_box.isChecked()
    assert dialog.bundled_font_radio.isChecked()
    assert window.exports.progress is None and opened == [] and messages.shown == []


def test_exporting_a_brief_writes_the_pdf_and_opens_it(window, qtbot, dialogs, opened, messages, tmp_path):
    out = tmp_path / "brief.pdf"
    dialogs.fill = _cover(out)

    with qtbot.waitSignal(window.exports.exported, timeout=120000) as finished:
        window.main_actions.export_brief.trigger()
        assert window.exports.progress is not None and window.exports.progress.isVisible()

    assert Path(finished.args[0].path) == out
    text = pdf_text(out)
    assert "学习北京工会十四大精神" in text and "朝阳区总工会" in text and "李明" in text
    assert _first_reflection_title(window) in text
    assert opened == [QUrl.fromLocalFile(str(out))]
    assert str(out) in window.statusBar().currentMessage()
    assert window.exports.progress is None and messages.shown == []

    done = window.exports.done_message
    assert done is not None and str(out) in done.text()
    done.findChild(QPushButton, "openFolderButton").click()
    assert opened[-1] == QUrl.fromLocalFile(str(tmp_path))


def test_the_highlights_and_notes_of_the_library_are_in_the_brief(window, qtbot, dialogs, opened, tmp_path):
    from desktop.anchoring import make_anchor

    reflection = window.reading.reflection
    paragraphs = reflection.paragraphs
    window.library.add_highlight(reflection.id, make_anchor(paragraphs, 0, 0, 10), "commitment", "落实到<b>班组&")
    window.library.set_study_reflection(reflection.material_id, "知行合一，学以致用。")
    out = tmp_path / "annotated.pdf"
    dialogs.fill = _cover(out)

    with qtbot.waitSignal(window.exports.exported, timeout=120000):
        window.main_actions.export_brief.trigger()

    text = pdf_text(out)
    assert "落实到<b>班组&" in text and "知行合一，学以致用。" in text


def test_the_keyword_figure_is_computed_outside_the_windows_process(
    window, qtbot, dialogs, opened, messages, tmp_path, monkeypatch
):
    """jieba's loading holds the interpreter lock for seconds: the window's export asks its
    analysis process for the keywords instead of loading jieba itself."""
    import desktop.keywords

    def in_this_process(*args, **kwargs):
        raise AssertionError("jieba ran in the window's process")

    monkeypatch.setattr(desktop.keywords, "material_keywords", in_this_process)
    out = tmp_path / "keywords.pdf"
    dialogs.fill = _cover(out)
    outcome: list[object] = []
    window.exports.exported.connect(outcome.append)
    window.exports.exportFailed.connect(outcome.append)

    window.main_actions.export_brief.trigger()
    qtbot.waitUntil(lambda: bool(outcome), timeout=120000)

    assert not isinstance(outcome[0], Exception), outcome[0]
    text = pdf_text(out)
    assert "高频关键词" in text  # the figure is there, keywords and all
    assert "工会" in text.split("高频关键词", 1)[1][:400]


def test_the_answers_are_remembered_for_the_next_export(window, qtbot, dialogs, opened, tmp_path):
    out = tmp_path / "first.pdf"
    fill = _cover(out, topic="学习大会精神")

    def first(dialog: ExportDialog) -> None:
        fill(dialog)
        dialog.category_boxes["question"].setChecked(False)
        dialog.gongwen_box.setChecked(True)

    dialogs.fill = first
    with qtbot.waitSignal(window.exports.exported, timeout=120000):
        window.main_actions.export_brief.trigger()

    dialogs.fill, dialogs.accept = None, False
    window.main_actions.export_brief.trigger()
    again = dialogs.seen[-1]
    assert (again.topic_edit.text(), again.unit_edit.text(), again.name_edit.text()) == (
        "学习大会精神", "朝阳区总工会", "李明")
    assert again.date_edit.date().toPython() == dt.date.today()
    assert not again.category_boxes["question"].isChecked() and again.category_boxes["quote"].isChecked()
    assert again.gongwen_box.isChecked()
    suggested = Path(again.output_edit.text())
    assert suggested.parent == tmp_path and suggested.suffix == ".pdf"  # the remembered folder
    assert again.headline in suggested.name and dt.date.today().isoformat() in suggested.name
    # And from a fresh settings object, as after a restart.
    assert Settings().export_text("unit") == "朝阳区总工会"


def test_a_folder_that_cannot_hold_the_pdf_gives_one_message_and_no_file(
    window, qtbot, dialogs, opened, messages, tmp_path
):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    out = not_a_folder / "brief.pdf"
    dialogs.fill = _cover(out)

    with qtbot.waitSignal(window.exports.exportFailed, timeout=120000) as failed:
        window.main_actions.export_brief.trigger()

    assert isinstance(failed.args[0], BriefError)
    assert messages.kinds() == ["critical"]
    assert "could not be written" in messages.shown[0][2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert opened == [] and window.exports.progress is None and window.exports.done_message is None


def test_a_failing_write_leaves_nothing_behind(window, qtbot, dialogs, opened, messages, tmp_path, monkeypatch):
    import desktop.brief

    def refuse(content, cover, options, out_path):
        raise BriefError(f"Cannot write {Path(out_path).name} (Permission denied).", path=str(out_path))

    monkeypatch.setattr(desktop.brief, "build_study_brief", refuse)
    out = tmp_path / "brief.pdf"
    dialogs.fill = _cover(out)

    with qtbot.waitSignal(window.exports.exportFailed, timeout=120000):
        window.main_actions.export_brief.trigger()

    assert messages.kinds() == ["critical"]
    assert "Permission denied" in messages.shown[0][2]
    assert list(tmp_path.iterdir()) == [] and opened == []
    assert str(out) not in window.statusBar().currentMessage()


def test_ctrl_shift_p_exports_a_training_handout(window, qtbot, dialogs, opened, messages, tmp_path):
    out = tmp_path / "handout.pdf"
    seen: list[tuple[str, bool]] = []

    def fill(dialog: ExportDialog) -> None:
        seen.append((dialog.kind, dialog.cover_group.isVisibleTo(dialog)))
        dialog.output_edit.setText(str(out))

    dialogs.fill = fill
    with qtbot.waitSignal(window.exports.exported, timeout=120000):
        _press(window, qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert seen == [(HANDOUT, False)]  # no personal cover on a handout
    reader = pypdf.PdfReader(str(out))
    assert "培训讲义" in reader.metadata.title
    assert _first_reflection_title(window) in pdf_text(out)
    assert opened == [QUrl.fromLocalFile(str(out))] and messages.shown == []


def test_browse_chooses_the_pdf_with_the_save_dialog(window, qtbot, monkeypatch, tmp_path):
    asked: list[str] = []

    def save_name(parent, caption, start, filter_):
        asked.append(start)
        return str(tmp_path / "我的简报"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog = ExportDialog(BRIEF, 1, "学习大会精神", window.settings, window)
    qtbot.addWidget(dialog)
    suggestion = dialog.output_edit.text()
    assert "学习大会精神" in Path(suggestion).name and suggestion.endswith(".pdf")

    dialog.browse_button.click()

    assert asked == [suggestion]  # the save dialog starts from the suggestion
    assert dialog.request().output == tmp_path / "我的简报.pdf"


def test_the_suggested_name_never_overwrites_an_earlier_export(window, qtbot, tmp_path):
    window.settings.set_export_text("folder", str(tmp_path))
    dialog = ExportDialog(BRIEF, 1, "学习/大会:精神?", window.settings, window)
    qtbot.addWidget(dialog)
    first = dialog.suggested_path()
    assert first.parent == tmp_path and not any(c in first.name for c in '/:?')
    first.write_bytes(b"%PDF-1.4 an earlier export")
    second = dialog.suggested_path()
    assert second != first and second.parent == tmp_path and not second.exists()


def test_a_font_file_is_checked_before_exporting(window, qtbot, monkeypatch, tmp_path):
    collection = tmp_path / "fonts.ttc"
    collection.write_bytes(b"not really a font")
    dialog = ExportDialog(BRIEF, 1, "学习大会精神", window.settings, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(collection), ""))
    assert not dialog.font_index_spin.isEnabled()

    dialog.font_button.click()

    assert dialog.file_font_radio.isChecked() and dialog.font_index_spin.isEnabled()
    dialog.font_index_spin.setValue(2)
    options = dialog.options()
    assert (options.font_path, options.font_subfont_index) == (collection, 2)

    dialog.font_edit.setText(str(tmp_path / "missing.ttf"))
    dialog.output_edit.setText(str(tmp_path / "out.pdf"))
    dialog.export_button.click()
    assert dialog.result() != ExportDialog.DialogCode.Accepted.value
    assert "missing.ttf" in dialog.error_label.text() and dialog.error_label.isVisibleTo(dialog)
    assert not dialog.font_index_spin.isEnabled()  # a .ttf has no font numbers


def test_an_unusable_font_is_reported_as_a_font_problem(window, qtbot, dialogs, opened, messages, tmp_path):
    bad_font = tmp_path / "broken.ttf"
    bad_font.write_bytes(b"not a font at all")
    out = tmp_path / "brief.pdf"

    def fill(dialog: ExportDialog) -> None:
        _cover(out)(dialog)
        dialog.file_font_radio.setChecked(True)
        dialog.font_edit.setText(str(bad_font))

    dialogs.fill = fill
    with qtbot.waitSignal(window.exports.exportFailed, timeout=120000):
        window.main_actions.export_brief.trigger()

    assert messages.kinds() == ["critical"] and "font" in messages.shown[0][2]
    assert not out.exists() and opened == []


def test_the_export_dialog_speaks_chinese(qapp, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv(i18n.LANG_ENV, "zh_CN")
    translators = i18n.install_translators(qapp)
    try:
        dialog = ExportDialog(BRIEF, 1, "学习大会精神", Settings())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "导出学习简报"
        assert dialog.full_text_box.text() == "包含全文及标注"
        assert "公文格式" in dialog.gongwen_box.text()
        assert dialog.bundled_font_radio.text() == "默认内置字体"
        assert [box.text() for box in dialog.category_boxes.values()] == ["承诺", "金句", "疑问"]
        handout = ExportDialog(HANDOUT, 1, "学习大会精神", Settings())
        qtbot.addWidget(handout)
        assert handout.windowTitle() == "导出培训讲义"
    finally:
        i18n.remove_translators(qapp, translators)
        QLocale.setDefault(QLocale.c())
