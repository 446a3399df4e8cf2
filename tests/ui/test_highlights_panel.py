"""The highlights panel: lists highlights, filters them, opens them in the text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.anchoring import make_anchor
from desktop.annotation import COMMITMENT, QUESTION, QUOTE
from desktop.ui.highlights_panel import (
    LIBRARY_SCOPE,
    MATERIAL_SCOPE,
    CategoryRole,
    CommentRole,
    HighlightRole,
    SourceRole,
)


def _highlight(window, reflection_id: int, paragraph: int, start: int, end: int, category: str,
               comment: str = ""):
    reflection = window.library.reflection(reflection_id)
    anchor = make_anchor(reflection.paragraphs, paragraph, start, end)
    highlight = window.library.add_highlight(reflection_id, anchor, category, comment)
    window.highlightsChanged.emit()
    return highlight


def _rows(panel) -> list:
    model = panel.model
    return [model.index(row, 0) for row in range(model.rowCount())]


def _reflection_ids(window) -> list[int]:
    return [s.id for s in window.library.reflection_summaries()]


def test_lists_highlights_added_through_the_library_with_category_quote_comment_and_source(window):
    panel = window.highlights_panel
    assert _rows(panel) == []
    first, third = _reflection_ids(window)[0], _reflection_ids(window)[2]
    _highlight(window, first, 0, 0, 6, COMMITMENT, "要落实")
    _highlight(window, third, 0, 2, 6, QUESTION)

    rows = _rows(panel)
    assert len(rows) == 2
    by_category = {row.data(CategoryRole): row for row in rows}
    commitment = by_category[COMMITMENT]
    reflection = window.library.reflection(first)
    assert commitment.data() == reflection.paragraphs[0][0:6]
    assert commitment.data(CommentRole) == "要落实"
    assert commitment.data(SourceRole) == f"{reflection.title} · {reflection.author}"
    assert by_category[QUESTION].data(CommentRole) == ""
    assert "2" in panel.status.text()


def test_filters_by_category_and_shows_all_again(window):
    panel = window.highlights_panel
    ids = _reflection_ids(window)
    _highlight(window, ids[0], 0, 0, 4, COMMITMENT)
    _highlight(window, ids[1], 0, 0, 4, QUOTE)
    _highlight(window, ids[2], 0, 0, 4, QUOTE)

    panel.set_category(QUOTE)
    assert [row.data(CategoryRole) for row in _rows(panel)] == [QUOTE, QUOTE]
    panel.set_category(QUESTION)
    assert _rows(panel) == []
    assert "No highlights" in panel.status.text()
    panel.all_button.click()
    assert sorted(row.data(CategoryRole) for row in _rows(panel)) == [COMMITMENT, QUOTE, QUOTE]


def test_current_material_or_whole_library(window, reviews, second_page, qtbot):
    ids = _reflection_ids(window)
    _highlight(window, ids[0], 0, 0, 4, COMMITMENT)
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.import_file(second_page)
    new_material = window.current_reflection().material_id
    new_reflection = window.current_reflection().id
    assert new_reflection not in ids
    _highlight(window, new_reflection, 0, 0, 5, QUOTE)

    panel = window.highlights_panel
    assert panel.scope == MATERIAL_SCOPE
    assert [row.data(HighlightRole).reflection_id for row in _rows(panel)] == [new_reflection]
    panel.library_button.click()
    assert panel.scope == LIBRARY_SCOPE
    assert sorted(row.data(HighlightRole).reflection_id for row in _rows(panel)) == sorted(
        [ids[0], new_reflection])
    panel.material_button.click()
    window.select_reflection(ids[0])
    assert window.current_reflection().material_id != new_material
    assert [row.data(HighlightRole).reflection_id for row in _rows(panel)] == [ids[0]]


def test_clicking_a_highlight_opens_its_reflection_with_the_words_selected(window, qtbot):
    ids = _reflection_ids(window)
    target = window.library.reflection(ids[4])
    paragraph = len(target.paragraphs) - 1
    highlight = _highlight(window, ids[4], paragraph, 3, 11, QUOTE, "好句子")
    assert window.current_reflection().id != ids[4]
    window.highlights_panel.library_button.click()

    view = window.highlights_panel.view
    row = next(r for r in _rows(window.highlights_panel) if r.data(HighlightRole).id == highlight.id)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(row).center())

    assert window.current_reflection().id == ids[4]
    assert window.tree.currentIndex().isValid()
    assert window.reading.textCursor().selectedText() == target.paragraphs[paragraph][3:11]
