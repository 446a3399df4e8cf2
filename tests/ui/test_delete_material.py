"""Deleting a material from the library panel: asked first, Delete only in the panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.anchoring import make_anchor


class Questions:
    """The confirmation boxes shown, answered with ``answer`` ("delete" or "cancel")."""

    def __init__(self) -> None:
        self.answer = "delete"
        self.shown: list[QMessageBox] = []
        self.texts: list[tuple[str, str]] = []
        self.default_was_cancel: list[bool] = []


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    record = Questions()

    def exec_(box: QMessageBox) -> int:
        record.shown.append(box)
        record.texts.append((box.text(), box.informativeText()))
        record.default_was_cancel.append(box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel))
        if record.answer == "delete":
            button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
        else:
            button = box.button(QMessageBox.StandardButton.Cancel)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return record


def _import_second(window, qtbot, second_page, reviews) -> int:
    with qtbot.waitSignal(window.importFinished, timeout=30000) as finished:
        window.import_file(second_page)
    return finished.args[0]


def _wait_deleted(window, qtbot, count: int) -> None:
    qtbot.waitUntil(lambda: window.model.material_count() == count and not window._tasks.busy, timeout=30000)


def test_cancel_keeps_the_material_and_the_question_says_what_goes(window, qtbot, questions, messages):
    material_id = window.reading.reflection.material_id
    headline = window.library.material(material_id).headline
    questions.answer = "cancel"

    window.main_actions.delete_material.trigger()

    assert len(questions.shown) == 1 and questions.default_was_cancel == [True]
    text, details = questions.texts[0]
    assert headline in text and "cannot be undone" in details and "10 reflections" in details
    assert [m.id for m in window.library.materials()] == [material_id]
    assert window.model.material_count() == 1 and messages.shown == []


def test_deleting_the_material_being_read_moves_to_the_next_one(
    window, qtbot, questions, messages, second_page, reviews
):
    second_id = _import_second(window, qtbot, second_page, reviews)
    first_id = next(m.id for m in window.library.materials() if m.id != second_id)
    window.select_material(first_id)
    window.step_reflection(1)
    reflection = window.reading.reflection
    assert reflection.material_id == first_id
    window.library.add_highlight(reflection.id, make_anchor(reflection.paragraphs, 0, 0, 8), "commitment", "")
    window.notes_pane.note_edit.setPlainText("删除前还没保存的笔记")  # typed, not yet saved
    failed_saves: list[str] = []
    window.notes_pane.saveFailed.connect(failed_saves.append)

    window.tree.setFocus()
    window.main_actions.delete_material.trigger()
    _wait_deleted(window, qtbot, 1)

    assert [m.id for m in window.library.materials()] == [second_id]
    assert window.library.highlights(material_id=first_id) == []
    assert window.reading.reflection is not None and window.reading.reflection.material_id == second_id
    assert window.notes_pane.note_edit.toPlainText() == window.library.note(window.reading.reflection.id)
    assert not window.undo_stack.canUndo()  # its commands named the deleted highlights
    assert failed_saves == [] and messages.shown == []  # no save into the deleted reflection
    assert "Deleted" in window.statusBar().currentMessage()


def test_the_delete_key_works_in_the_library_panel_only(window, qtbot, questions):
    questions.answer = "cancel"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    window.notes_pane.note_edit.setFocus()
    qtbot.keyClick(window.notes_pane.note_edit, Qt.Key.Key_Delete)
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Delete)
    assert questions.shown == []

    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(questions.shown) == 1


def test_deleting_the_last_material_leaves_an_empty_library_that_says_so(window, qtbot, questions, messages):
    window.main_actions.delete_material.trigger()
    _wait_deleted(window, qtbot, 0)

    assert window.library.materials() == []
    assert window.reading.reflection is None
    assert "empty" in window.reading.toPlainText()
    assert not window.main_actions.delete_material.isEnabled()
    assert messages.shown == []


def test_the_panels_context_menu_offers_delete(window):
    assert window.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert window.main_actions.delete_material in window.tree.actions()
    assert window.main_actions.delete_material in window.main_actions.file_menu.actions()
