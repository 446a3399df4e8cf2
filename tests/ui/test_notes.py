"""The notes pane: a note per reflection, a study reflection per material, saved as typed.

Text is entered as an input method commits it (QInputMethodEvent), the way Chinese is
typed; qtbot.keyClicks() cannot send Chinese.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.library import open_library

PROJECT = Path(__file__).resolve().parents[2]


def type_text(widget: QWidget, text: str) -> None:
    """Commit ``text`` through the input method, as a Chinese IME does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_note_is_saved_within_a_second_of_the_last_keystroke(window, qtbot):
    reflection = window.current_reflection()
    editor = window.notes_pane.note_edit
    assert editor.isEnabled()
    type_text(editor, "要把职工")
    type_text(editor, "当亲人")

    qtbot.waitUntil(lambda: window.library.note(reflection.id) == "要把职工当亲人", timeout=1000)
    assert not window.notes_pane.has_unsaved_changes()


def test_study_reflection_is_saved_for_the_material_and_shared_by_its_reflections(window, qtbot):
    material_id = window.current_reflection().material_id
    type_text(window.notes_pane.study_edit, "学习体会：服务职工")
    qtbot.waitUntil(lambda: window.library.study_reflection(material_id) == "学习体会：服务职工",
                    timeout=1000)

    window.step_reflection(1)
    assert window.current_reflection().material_id == material_id
    assert window.notes_pane.study_edit.toPlainText() == "学习体会：服务职工"
    assert window.notes_pane.note_edit.toPlainText() == ""


def test_switching_reflection_saves_the_note_at_once(window):
    first = window.current_reflection()
    type_text(window.notes_pane.note_edit, "第一篇的笔记")
    window.step_reflection(1)  # before the autosave timer fires

    assert window.current_reflection().id != first.id
    assert window.library.note(first.id) == "第一篇的笔记"
    assert window.notes_pane.note_edit.toPlainText() == ""
    window.step_reflection(-1)
    assert window.notes_pane.note_edit.toPlainText() == "第一篇的笔记"


def test_closing_the_window_saves_the_note_and_a_new_window_shows_it(make_window, location):
    window = make_window()
    reflection = window.current_reflection()
    type_text(window.notes_pane.note_edit, "关窗前写的")
    window.close()  # before the autosave timer fires

    with open_library(location) as library:
        assert library.note(reflection.id) == "关窗前写的"
    again = make_window()
    assert again.current_reflection().id == reflection.id
    assert again.notes_pane.note_edit.toPlainText() == "关窗前写的"


def test_clearing_a_note_deletes_it(window, qtbot):
    reflection = window.current_reflection()
    window.library.set_note(reflection.id, "旧笔记")
    window.step_reflection(1)
    window.step_reflection(-1)
    editor = window.notes_pane.note_edit
    assert editor.toPlainText() == "旧笔记"
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == ""
    qtbot.waitUntil(lambda: window.library.note(reflection.id) == "", timeout=1000)


def test_showing_a_material_disables_the_note_but_keeps_its_study_reflection(window):
    material_id = window.current_reflection().material_id
    window.select_material(material_id)
    assert not window.notes_pane.note_edit.isEnabled()
    assert window.notes_pane.study_edit.isEnabled()


def test_notes_pane_can_be_hidden_and_stays_hidden_next_time(make_window):
    window = make_window()
    action = window.main_actions.show_notes
    assert window.notes_dock.isVisible() and action.isChecked()
    action.trigger()
    assert not window.notes_dock.isVisible()
    assert not action.isChecked()
    window.close()

    again = make_window(load=False)
    again.restore_layout()
    assert not again.notes_dock.isVisible()
    assert not again.main_actions.show_notes.isChecked()
    assert again.search_dock.isVisible()


# --- a crash loses at most the last second ----------------------------------------------

APP_THAT_TYPES = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from desktop.paths import library_location
from desktop.ui import fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings, configure_application

app = QApplication(["studynotes"])
configure_application(app)
fonts.apply_application_font(app)
window = MainWindow(library_location(None), Settings(), None, interactive=False, remember=False)

def type_note():
    event = QInputMethodEvent()
    event.setCommitString(sys.argv[1])
    QApplication.sendEvent(window.notes_pane.note_edit, event)
    print(window.current_reflection().id, flush=True)  # typed: the test may kill us now

window.firstPainted.connect(window.start_loading)
window.libraryLoaded.connect(type_note)
window.show()
app.exec()
"""


def test_a_killed_app_keeps_the_note_typed_a_second_before(location):
    """The real window in its own process, typed into, then killed without warning."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDYNOTES_LANG="en")
    process = subprocess.Popen(
        [sys.executable, "-c", APP_THAT_TYPES, "断电前的笔记"],
        cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()  # the window prints once it has typed
        assert line.strip().isdigit(), process.stderr.read() if process.poll() is not None else line
        time.sleep(1.5)
        assert process.poll() is None  # still running: nothing closed the window
    finally:
        process.kill()  # SIGKILL: no close event, no flush
        process.communicate(timeout=30)
    assert process.returncode != 0

    with open_library(location) as library:
        assert library.note(int(line)) == "断电前的笔记"
