"""The import review dialog, driven the way a user drives it (pytest-qt, offscreen)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox

from desktop.importer import review
from desktop.material import Material, Reflection
from desktop.resources import resource_path
from desktop.ui.review_dialog import ImportReviewDialog, MoveBylineDialog
from desktop.ui.review_model import ReflectionTableModel

TITLE = ReflectionTableModel.COLUMN_TITLE
WARNING = "The title of reflection 1 stood far from its body."


@pytest.fixture
def material(seed_expected: dict) -> Material:
    return Material(
        headline=seed_expected["headline"],
        subtitle=seed_expected["subtitle"],
        lead=seed_expected["lead"],
        reflections=tuple(
            Reflection(
                r["title"],
                r["author"],
                r["affiliation"],
                tuple(r["paragraphs"]),
                r["title_position"],
            )
            for r in seed_expected["reflections"]
        ),
        warnings=(WARNING,),
        source_text="页面原文",
    )


@pytest.fixture
def dialog(qtbot, material: Material, monkeypatch: pytest.MonkeyPatch) -> ImportReviewDialog:
    # Closing a corrected page asks before discarding; no test may wait for that answer.
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_args: QMessageBox.StandardButton.Discard)
    )
    widget = ImportReviewDialog(material, "beijing_union_congress.txt")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def shown(dialog: ImportReviewDialog) -> Material:
    return dialog.reviewed_material()


def cell(dialog: ImportReviewDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def put_cursor(dialog: ImportReviewDialog, position: int) -> None:
    cursor = dialog.body_edit.textCursor()
    cursor.setPosition(position)
    dialog.body_edit.setTextCursor(cursor)


# --- what the user sees ------------------------------------------------------------------


def test_shows_the_page_the_warnings_and_one_row_per_reflection(
    dialog: ImportReviewDialog, material: Material
) -> None:
    assert dialog.headline_edit.text() == material.headline
    assert dialog.subtitle_edit.text() == material.subtitle
    assert dialog.lead_edit.toPlainText() == material.lead
    assert dialog.warnings_box.isVisible()
    assert any(WARNING in label.text() for label in dialog.warnings_box.findChildren(QLabel))
    assert dialog.model.rowCount() == 10
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == [
        "No.",
        "Title",
        "Author",
        "Affiliation",
        "Opening words of the body",
        "Paragraphs",
    ]
    first = material.reflections[0]
    assert [cell(dialog, 0, c) for c in range(6)] == [
        "1",
        first.title,
        first.author,
        first.affiliation,
        first.paragraphs[0][:30] + "…",
        "1",
    ]
    assert cell(dialog, 3, ReflectionTableModel.COLUMN_PARAGRAPHS) == "2"
    assert dialog.current_row() == 0
    assert dialog.title_edit.text() == first.title
    assert dialog.body_edit.toPlainText() == first.paragraphs[0]
    assert "away from this body" in dialog.position_label.text()


def test_no_warning_box_when_the_parser_was_sure(qtbot, material: Material) -> None:
    from dataclasses import replace

    widget = ImportReviewDialog(replace(material, warnings=()), "p.txt")
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.warnings_box.isVisible()


def test_type_is_legible_and_targets_are_big(dialog: ImportReviewDialog) -> None:
    assert dialog.font().pointSizeF() >= 12
    assert dialog.table.font().pointSizeF() >= 12
    assert dialog.body_edit.font().pointSizeF() >= 12
    assert dialog.import_button.height() >= 40
    assert dialog.table.verticalHeader().defaultSectionSize() >= 2 * dialog.fontMetrics().height()


def test_selecting_a_row_shows_it_in_the_detail_editor(
    dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(3)
    assert dialog.title_edit.text() == material.reflections[3].title
    assert dialog.body_edit.toPlainText() == "\n\n".join(material.reflections[3].paragraphs)
    assert dialog.detail_heading.text() == "Reflection 4 of 10"


def test_rows_the_parser_was_unsure_about_stand_out(dialog: ImportReviewDialog) -> None:
    background = Qt.ItemDataRole.BackgroundRole
    assert dialog.model.index(0, TITLE).data(background) is not None  # title far from its body
    assert dialog.model.index(1, TITLE).data(background) is None
    dialog.lead_to_reflection_action.trigger()  # an untitled body
    assert dialog.model.index(0, TITLE).data(background) is not None
    assert dialog.model.index(0, TITLE).data(Qt.ItemDataRole.EditRole) == ""


# --- editing -----------------------------------------------------------------------------


def test_edit_a_title_in_the_table_then_undo_and_redo(
    qtbot, dialog: ImportReviewDialog, material: Material
) -> None:
    index = dialog.model.index(2, TITLE)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.setText("改正后的标题")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(dialog, 2, TITLE) == "改正后的标题")  # the view commits queued
    assert dialog.title_edit.text() == "改正后的标题"  # the detail editor follows
    assert shown(dialog).reflections[2].title == "改正后的标题"
    assert dialog.undo_stack.undoText() == "Edit title"

    dialog.undo_action.trigger()
    assert cell(dialog, 2, TITLE) == material.reflections[2].title
    assert shown(dialog) == material
    dialog.redo_action.trigger()
    assert shown(dialog).reflections[2].title == "改正后的标题"


def test_edit_fields_in_the_detail_editor_is_one_undo_step(
    qtbot, dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(1)
    dialog.title_edit.setText("新的标题")
    dialog.affiliation_edit.setText("某区总工会")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)  # finishing the edit commits it
    assert dialog.isVisible()  # Enter finishes the field; it never imports the page
    changed = shown(dialog).reflections[1]
    assert (changed.title, changed.author, changed.affiliation) == (
        "新的标题",
        material.reflections[1].author,
        "某区总工会",
    )
    assert cell(dialog, 1, TITLE) == "新的标题"
    assert dialog.undo_stack.count() == 1

    dialog.undo_action.trigger()
    assert shown(dialog) == material
    assert dialog.title_edit.text() == material.reflections[1].title
    dialog.redo_action.trigger()
    assert shown(dialog).reflections[1].affiliation == "某区总工会"


def test_body_edits_are_kept_when_another_row_is_selected(
    dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(1)
    dialog.body_edit.setPlainText("第一段\n\n\n第二段\n第三段")
    dialog.select_row(5)
    assert shown(dialog).reflections[1].paragraphs == ("第一段", "第二段", "第三段")
    assert dialog.current_row() == 5
    assert dialog.title_edit.text() == material.reflections[5].title
    dialog.undo_action.trigger()
    assert shown(dialog) == material
    assert dialog.current_row() == 1


def test_undo_right_after_typing_reverts_the_typing(
    dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.headline_edit.setText("新的主标题")
    assert dialog.undo_action.isEnabled()
    dialog.undo_action.trigger()
    assert dialog.headline_edit.text() == material.headline
    assert shown(dialog) == material


def test_header_fields_are_editable(dialog: ImportReviewDialog) -> None:
    dialog.subtitle_edit.setText("新副标题")
    dialog.lead_edit.setPlainText("新的导语。")
    result = shown(dialog)
    assert (result.subtitle, result.lead) == ("新副标题", "新的导语。")


# --- structure ---------------------------------------------------------------------------


def test_merge_with_previous_and_undo(dialog: ImportReviewDialog, material: Material) -> None:
    dialog.select_row(0)
    assert not dialog.merge_previous_action.isEnabled()
    dialog.select_row(3)
    assert dialog.merge_previous_action.isEnabled()
    dialog.merge_previous_action.trigger()
    assert dialog.model.rowCount() == 9
    assert dialog.current_row() == 2
    merged = shown(dialog).reflections[2]
    assert merged.title == material.reflections[2].title
    second = material.reflections[3]
    assert (
        merged.paragraphs
        == material.reflections[2].paragraphs + (second.title, second.byline) + second.paragraphs
    )
    assert cell(dialog, 2, ReflectionTableModel.COLUMN_PARAGRAPHS) == "5"

    dialog.undo_action.trigger()
    assert shown(dialog) == material
    assert dialog.current_row() == 3
    dialog.redo_action.trigger()
    assert dialog.model.rowCount() == 9


def test_merge_with_next_by_keyboard_shortcut(
    qtbot, dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(8)
    dialog.table.setFocus()
    qtbot.keyClick(
        dialog.table,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert shown(dialog) == review.merge_with_next(material, 8)
    assert dialog.current_row() == 8
    assert not dialog.merge_next_action.isEnabled()  # now the last one
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown(dialog) == material


def test_split_at_cursor_inside_a_paragraph(dialog: ImportReviewDialog, material: Material) -> None:
    dialog.select_row(3)
    first, second = material.reflections[3].paragraphs
    put_cursor(dialog, 20)
    dialog.split_action.trigger()
    result = shown(dialog)
    assert len(result.reflections) == 11
    assert result.reflections[3].paragraphs == (first[:20],)
    assert result.reflections[3].title == material.reflections[3].title
    assert result.reflections[4] == Reflection("", "", "", (first[20:], second), "none")
    assert dialog.current_row() == 4  # ready to give the new piece its title
    assert cell(dialog, 4, TITLE) == "(no title)"
    assert dialog.title_edit.text() == ""

    dialog.undo_action.trigger()
    assert shown(dialog) == material
    dialog.redo_action.trigger()
    assert len(shown(dialog).reflections) == 11


def test_split_by_keyboard_while_typing_in_the_body(
    qtbot, dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(3)
    dialog.body_edit.setFocus()
    put_cursor(dialog, 20)
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_Return, both)
    assert shown(dialog) == review.split_at_text(material, 3, 0, 20)
    assert dialog.current_row() == 4
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_Up, both)  # and merge it back
    first, second = material.reflections[3].paragraphs
    assert dialog.model.rowCount() == 10
    assert shown(dialog).reflections[3].paragraphs == (first[:20], first[20:], second)
    assert shown(dialog).reflections[3].title == material.reflections[3].title


def test_split_at_cursor_between_paragraphs_and_with_typed_changes(
    dialog: ImportReviewDialog,
) -> None:
    dialog.select_row(1)
    dialog.body_edit.setPlainText("前一篇的正文。\n\n后一篇的正文。")
    put_cursor(dialog, len("前一篇的正文。\n"))  # on the blank line
    dialog.split_action.trigger()
    result = shown(dialog)
    assert result.reflections[1].paragraphs == ("前一篇的正文。",)
    assert result.reflections[2].paragraphs == ("后一篇的正文。",)
    assert dialog.undo_stack.count() == 2  # the typing, then the split
    dialog.undo_action.trigger()
    assert shown(dialog).reflections[1].paragraphs == ("前一篇的正文。", "后一篇的正文。")


def test_split_at_the_very_start_is_explained_not_done(
    dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(2)
    put_cursor(dialog, 0)
    dialog.split_action.trigger()
    assert shown(dialog) == material
    assert dialog.message_label.isVisible()
    assert "Put the cursor inside the body" in dialog.message_label.text()
    dialog.select_row(3)
    assert not dialog.message_label.isVisible()


def test_lead_to_reflection_and_mark_as_lead(
    dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.lead_to_reflection_action.trigger()
    assert dialog.lead_edit.toPlainText() == ""
    assert not dialog.lead_to_reflection_action.isEnabled()
    assert dialog.model.rowCount() == 11
    assert dialog.current_row() == 0
    assert cell(dialog, 0, TITLE) == "(no title)"
    assert dialog.body_edit.toPlainText() == material.lead

    dialog.mark_lead_action.trigger()
    assert shown(dialog) == material
    assert dialog.lead_edit.toPlainText() == material.lead
    dialog.undo_action.trigger()
    assert shown(dialog).lead == ""
    dialog.undo_action.trigger()
    assert shown(dialog) == material


def test_mark_a_titled_reflection_as_lead_keeps_the_old_lead(
    dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(5)
    dialog.mark_lead_action.trigger()
    result = shown(dialog)
    assert result.lead == material.reflections[5].paragraphs[0]
    assert result.reflections[5].title == material.reflections[5].title
    assert result.reflections[5].paragraphs == (material.lead,)
    assert dialog.lead_edit.toPlainText() == result.lead
    dialog.undo_action.trigger()
    assert shown(dialog) == material


def test_move_title_and_byline_through_the_picker(
    qtbot, dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(0)
    seen: list[list[str]] = []

    def choose() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, MoveBylineDialog)
        seen.append([picker.targets.item(i).text() for i in range(picker.targets.count())])
        picker.select_target(4)
        picker.move_button.click()

    QTimer.singleShot(0, choose)
    dialog.move_byline_action.trigger()
    assert seen and len(seen[0]) == 9  # every other body, by its opening words
    assert seen[0][3].startswith("5.  " + material.reflections[4].paragraphs[0][:10])
    result = shown(dialog)
    assert result == review.move_byline(material, 0, 4)
    assert result.reflections[4].title == material.reflections[0].title
    assert result.reflections[0].title == material.reflections[4].title
    assert dialog.current_row() == 4
    dialog.undo_action.trigger()
    assert shown(dialog) == material
    dialog.redo_action.trigger()
    assert shown(dialog).reflections[4].author == material.reflections[0].author


def test_cancelling_the_picker_changes_nothing(
    qtbot, dialog: ImportReviewDialog, material: Material
) -> None:
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert dialog.choose_byline_target() is False
    assert shown(dialog) == material
    assert dialog.undo_stack.count() == 0


def test_move_is_disabled_for_an_untitled_body(dialog: ImportReviewDialog) -> None:
    dialog.lead_to_reflection_action.trigger()
    assert dialog.current_row() == 0
    assert not dialog.move_byline_action.isEnabled()
    dialog.select_row(1)
    assert dialog.move_byline_action.isEnabled()


# --- closing -----------------------------------------------------------------------------


def test_import_returns_accepted_with_every_correction(
    qtbot, dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.headline_edit.setText("改正的主标题")
    dialog.model.setData(dialog.model.index(0, TITLE), "改正的第一篇标题")
    dialog.select_row(3)
    put_cursor(dialog, 20)
    dialog.split_action.trigger()
    dialog.title_edit.setText("拆出来的一篇")
    dialog.select_row(7)
    dialog.merge_previous_action.trigger()

    expected = review.edit_header(material, "headline", "改正的主标题")
    expected = review.edit_reflection(expected, 0, "title", "改正的第一篇标题")
    expected = review.split_at_text(expected, 3, 0, 20)
    expected = review.edit_reflection(expected, 4, "title", "拆出来的一篇")
    expected = review.merge_with_previous(expected, 7)

    QTimer.singleShot(0, dialog.import_button.click)
    assert dialog.exec() == QDialog.DialogCode.Accepted
    result = dialog.reviewed_material()
    assert result == expected
    assert result.source_text == material.source_text
    assert result.warnings == (WARNING,)


def test_typed_edit_is_kept_when_import_is_pressed(dialog: ImportReviewDialog) -> None:
    dialog.select_row(2)
    dialog.author_edit.setText("李四")
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.reviewed_material().reflections[2].author == "李四"


def test_cancel_without_changes_is_rejected(dialog: ImportReviewDialog) -> None:
    QTimer.singleShot(0, dialog.cancel_button.click)
    assert dialog.exec() == QDialog.DialogCode.Rejected


def test_cancel_after_changes_asks_first(
    dialog: ImportReviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent, title, _text, *_args):
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog.select_row(1)
    dialog.merge_previous_action.trigger()
    dialog.cancel_button.click()
    assert asked == ["Discard the corrections?"]
    assert dialog.isVisible()  # the user chose to keep working
    dialog.cancel_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_emptied_reflections_are_left_out_of_the_result(
    dialog: ImportReviewDialog, material: Material
) -> None:
    dialog.select_row(9)
    for edit in (dialog.title_edit, dialog.author_edit, dialog.affiliation_edit):
        edit.setText("")
    dialog.body_edit.setPlainText("  \n")
    assert shown(dialog).reflections == material.reflections[:9]


# --- translation -------------------------------------------------------------------------


def test_every_interface_string_has_a_chinese_translation() -> None:
    catalogue = json.loads(resource_path("i18n", "zh_CN_strings.json").read_text(encoding="utf-8"))
    sources: list[str] = []
    for module in ("review_dialog.py", "review_model.py"):
        tree = ast.parse(
            (Path(__file__).resolve().parents[2] / "desktop" / "ui" / module).read_text(
                encoding="utf-8"
            )
        )
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
            ):
                assert isinstance(node.args[0], ast.Constant), (
                    f"{module}:{node.lineno}: tr() needs a literal"
                )
                sources.append(node.args[0].value)
    assert len(sources) > 50
    missing = [s for s in sources if not catalogue.get(s)]
    assert missing == []
    assert catalogue["Merge with previous"] == "与上一篇合并"
    assert catalogue["Import"] == "导入"
