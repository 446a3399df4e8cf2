"""The search pane: Ctrl+F, two-character Chinese words, marked snippets, opening a hit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop.ui.search_panel import HitRole, MarksRole, PlaceRole, SnippetRole


def _rows(panel) -> list:
    model = panel.model
    return [model.index(row, 0) for row in range(model.rowCount())]


def _marked(row) -> list[str]:
    """The marked parts of a result's snippet, except one cut by the snippet's end."""
    snippet = row.data(SnippetRole)
    cut = len(snippet.rstrip("…"))
    return [snippet[start:end] for start, end in row.data(MarksRole) if end < cut or not snippet.endswith("…")]


def _click(qtbot, view, row) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(row).center())


def test_find_shortcut_shows_the_search_pane(window):
    window.search_dock.hide()
    assert QKeySequence(QKeySequence.StandardKey.Find) in window.main_actions.find.shortcuts()
    window.main_actions.find.trigger()
    assert window.search_dock.isVisible()
    assert window.main_actions.show_search.isChecked()


def test_two_character_words_find_reflections_with_the_word_marked(window):
    panel = window.search_panel
    for word in ("工会", "职工"):
        panel.search(word)
        rows = _rows(panel)
        assert rows, word
        expected = {s.id for s in window.library.reflection_summaries()
                    if word in "".join(window.library.reflection(s.id).paragraphs)
                    or word in window.library.reflection(s.id).title}
        assert {row.data(HitRole).reflection_id for row in rows} == expected
        for row in rows:
            marked = _marked(row)  # adjacent hits ("工会工会") are marked as one
            assert marked and all(m and not m.replace(word, "") for m in marked)
        assert str(len(rows)) in panel.status.text()


def test_typing_in_the_box_searches_after_a_pause(window, qtbot):
    panel = window.search_panel
    with qtbot.waitSignal(panel.searched, timeout=5000) as blocker:
        panel.box.setText("职工")  # setText, not keyClicks: Chinese
    assert blocker.args[0].query == "职工"
    assert _rows(panel)


def test_one_character_query_finds_results(window):
    panel = window.search_panel
    panel.search("会")
    rows = _rows(panel)
    assert rows
    assert all(_marked(row) and not "".join(_marked(row)).replace("会", "") for row in rows)


def test_nothing_found_says_so_and_markup_in_the_query_stays_text(window):
    panel = window.search_panel
    panel.search("<b>不存在的词</b>")
    assert _rows(panel) == []
    assert "<b>不存在的词</b>" in panel.status.text()
    assert panel.status.textFormat() == Qt.TextFormat.PlainText


def test_clicking_a_result_opens_the_reflection_at_the_hit(window, qtbot):
    panel = window.search_panel
    panel.search("职工")
    body_rows = [row for row in _rows(panel) if row.data(HitRole).place.field == "body"]
    row = next(r for r in body_rows if r.data(HitRole).reflection_id != window.current_reflection().id)
    hit = row.data(HitRole)
    _click(qtbot, panel.view, row)

    assert window.current_reflection().id == hit.reflection_id
    assert window.reading.textCursor().selectedText() == "职工"
    block = window.reading.textCursor().block()
    assert block.text() == window.current_reflection().paragraphs[hit.place.paragraph]


def test_a_notes_text_is_found_and_opens_the_note(window, qtbot):
    reflection_ids = [s.id for s in window.library.reflection_summaries()]
    window.library.set_note(reflection_ids[3], "独一无二的心得体会词")
    panel = window.search_panel
    panel.search("独一无二")
    rows = _rows(panel)
    assert [row.data(HitRole).reflection_id for row in rows] == [reflection_ids[3]]
    assert rows[0].data(HitRole).place.field == "note"
    assert "note" in rows[0].data(PlaceRole)
    assert _marked(rows[0]) == ["独一无二"]

    _click(qtbot, panel.view, rows[0])
    assert window.current_reflection().id == reflection_ids[3]
    assert window.notes_pane.note_edit.textCursor().selectedText() == "独一无二"


def test_a_typed_note_is_found_by_search(window, qtbot):
    from tests.ui.test_notes import type_text

    reflection = window.current_reflection()
    type_text(window.notes_pane.note_edit, "回去落实职代会")
    qtbot.waitUntil(lambda: not window.notes_pane.has_unsaved_changes(), timeout=5000)
    window.search_panel.search("落实职代会")
    assert [row.data(HitRole).reflection_id for row in _rows(window.search_panel)] == [reflection.id]


def test_keyword_activated_runs_a_search(window):
    window.search_dock.hide()
    window.keywordActivated.emit("工会")
    assert window.search_dock.isVisible()
    assert window.search_panel.box.text() == "工会"
    assert _rows(window.search_panel)


def test_shown_results_follow_notes_typed_meanwhile_and_keep_the_selection(window, qtbot):
    """Results on screen are searched again when the library changes: a note typed after
    the search appears among them, the one the reader had selected stays selected."""
    from tests.ui.test_notes import type_text

    panel = window.search_panel
    panel.search("大会")
    before = [row.data(HitRole).reflection_id for row in _rows(panel)]
    assert len(before) >= 3
    selected = before[len(before) // 2]  # neither end, so no accident of indexing finds it
    panel.search("落实职代会")
    assert _rows(panel) == []

    reflection = window.current_reflection()
    with qtbot.waitSignal(panel.searched, timeout=10000):
        type_text(window.notes_pane.note_edit, "回去落实职代会")  # autosaved, then re-searched
    assert [row.data(HitRole).reflection_id for row in _rows(panel)] == [reflection.id]

    panel.search("大会")
    panel.view.setCurrentIndex(panel.model.index(before.index(selected)))
    with qtbot.waitSignal(panel.searched, timeout=10000):
        type_text(window.notes_pane.note_edit, "，学习大会精神")
    current = panel.view.currentIndex()
    assert current.isValid() and panel.model.hit(current.row()).reflection_id == selected
