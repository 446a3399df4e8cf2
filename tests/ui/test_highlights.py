"""Highlighting in the reading pane: sentence/word selection, categories, comments, undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextCursor

from desktop.text.sentences import sentence_at, word_at
from desktop.ui.highlight_format import COMMENT_MARKER, STYLES


def _point_of(reading, paragraph: int, offset: int) -> QPoint:
    """Viewport point over the character at ``offset`` (its centre), scrolled into view."""
    position = reading.document_position(paragraph, offset)
    cursor = QTextCursor(reading.document())
    cursor.setPosition(position)
    reading.setTextCursor(cursor)
    reading.ensureCursorVisible()
    left = reading.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = reading.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def _format_at(reading, paragraph: int, offset: int) -> QTextCharFormat:
    cursor = QTextCursor(reading.document())
    cursor.setPosition(reading.document_position(paragraph, offset) + 1)  # format of the char before
    return cursor.charFormat()


def _select_sentence_by_ctrl_click(qtbot, window, paragraph: int = 0, offset: int = 5) -> tuple[int, int]:
    reading = window.reading
    point = _point_of(reading, paragraph, offset)
    qtbot.mouseClick(reading.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point)
    return sentence_at(reading.paragraph_text(paragraph), offset)


def test_ctrl_click_selects_the_whole_sentence_with_its_full_stop(qtbot, window):
    reading = window.reading
    start, end = _select_sentence_by_ctrl_click(qtbot, window)
    sentence = reading.paragraph_text(0)[start:end]
    assert sentence.endswith(("。", "！", "？", "；", "”"))
    assert reading.textCursor().selectedText() == sentence
    assert reading.selected_ranges() == [(0, start, end)]


def test_triple_click_selects_the_sentence_and_double_click_a_word(qtbot, window):
    reading = window.reading
    text = reading.paragraph_text(0)
    offset = 40
    point = _point_of(reading, 0, offset)
    qtbot.mouseDClick(reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
    start, end = word_at(text, offset)  # analysis may not have run: the fallback words
    selected = reading.textCursor().selectedText()
    assert selected and selected in text[slice(*sentence_at(text, offset))]
    assert reading.selected_ranges()[0][1] <= offset < reading.selected_ranges()[0][2]
    if not reading._words:
        assert selected == text[start:end]
    qtbot.mousePress(reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
    s_start, s_end = sentence_at(text, offset)
    assert reading.textCursor().selectedText() == text[s_start:s_end]


def test_mark_change_comment_remove_with_undo_and_redo(qtbot, window):
    reading, actions, controller = window.reading, window.main_actions, window.annotations
    library = window.library
    reflection = window.current_reflection()
    assert QKeySequence("Ctrl+1") in actions.mark_commitment.shortcuts()
    assert QKeySequence("Ctrl+Z") in actions.undo.shortcuts()
    assert {QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")} <= set(actions.redo.shortcuts())

    start, end = _select_sentence_by_ctrl_click(qtbot, window)
    sentence = reflection.paragraphs[0][start:end]
    actions.mark_commitment.trigger()

    [stored] = library.highlights(reflection.id)
    assert (stored.category, stored.anchor.paragraph, stored.anchor.start, stored.anchor.end) == (
        "commitment", 0, start, end)
    assert stored.anchor.exact == sentence
    fmt = _format_at(reading, 0, start)
    assert fmt.background().color() == STYLES["commitment"].background
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline

    # Ctrl+2 with the cursor in the highlight (no selection) changes its category.
    cursor = QTextCursor(reading.document())
    cursor.setPosition(reading.document_position(0, start + 1))
    reading.setTextCursor(cursor)
    actions.mark_quote.trigger()
    assert library.highlights(reflection.id)[0].category == "quote"
    assert _format_at(reading, 0, start).background().color() == STYLES["quote"].background
    assert _format_at(reading, 0, start).underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline

    controller.ask_comment = lambda _parent, _highlight: "  落实到每个班组  "
    actions.edit_comment.trigger()
    assert library.highlights(reflection.id)[0].comment == "落实到每个班组"
    assert COMMENT_MARKER in reading.toPlainText()
    marker_position = reading.document_position(0, end, end=True)
    marker = QTextCursor(reading.document())
    marker.setPosition(marker_position + 1)
    assert marker.charFormat().verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
    assert marker.charFormat().toolTip() == "落实到每个班组"
    assert reading._tooltip_at(reading.document_position(0, start)).endswith("落实到每个班组")
    # The marker does not shift the text after it: positions still map to the stored text.
    assert reading.paragraph_position(reading.document_position(0, end + 2)) == (0, end + 2)

    actions.remove_highlight.trigger()
    assert library.highlights(reflection.id) == []
    assert COMMENT_MARKER not in reading.toPlainText()
    assert _format_at(reading, 0, start).background().style() == Qt.BrushStyle.NoBrush

    def state():
        found = library.highlights(reflection.id)
        return (found[0].id, found[0].category, found[0].comment) if found else None

    expected = [state()]
    for _ in range(3):
        actions.undo.trigger()
        expected.append(state())
    assert expected == [None, (stored.id, "quote", "落实到每个班组"), (stored.id, "quote", ""),
                        (stored.id, "commitment", "")]
    assert COMMENT_MARKER not in reading.toPlainText()
    assert _format_at(reading, 0, start).background().color() == STYLES["commitment"].background
    actions.undo.trigger()
    assert state() is None
    assert not actions.undo.isEnabled()
    redone = []
    for _ in range(4):
        actions.redo.trigger()
        redone.append(state())
    assert redone == [(stored.id, "commitment", ""), (stored.id, "quote", ""),
                      (stored.id, "quote", "落实到每个班组"), None]


def test_highlights_and_comments_are_there_after_reopening(qtbot, make_window):
    window = make_window()
    reflection = window.current_reflection()
    start, end = _select_sentence_by_ctrl_click(qtbot, window, paragraph=0, offset=60)
    window.main_actions.mark_question.trigger()
    [highlight] = window.library.highlights(reflection.id)
    window.annotations.set_comment(highlight, "为什么？")
    window.close()

    again = make_window()
    assert again.current_reflection().id == reflection.id
    qtbot.waitUntil(lambda: bool(again.reading.highlights), timeout=10000)
    reading = again.reading
    fmt = _format_at(reading, 0, start)
    assert fmt.background().color() == STYLES["question"].background
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert COMMENT_MARKER in reading.toPlainText()
    assert reading.selected_ranges() == []


def test_detached_highlight_is_listed_and_can_be_reattached(qtbot, window):
    reading, controller, library = window.reading, window.annotations, window.library
    reflection = window.current_reflection()
    start, end = _select_sentence_by_ctrl_click(qtbot, window, paragraph=0, offset=3)
    window.main_actions.mark_commitment.trigger()
    # The sentence is deleted by a correction: the highlight detaches.
    paragraphs = list(reflection.paragraphs)
    paragraphs[0] = paragraphs[0][:start] + paragraphs[0][end:]
    assert library.update_reflection_text(reflection.id, paragraphs)
    window.step_reflection(1)
    window.step_reflection(-1)
    assert window.current_reflection().paragraphs[0] == paragraphs[0]
    bar = controller.detached_bar
    assert bar.isVisibleTo(reading)
    assert "1 highlight" in bar.label.text()
    assert reading.attached_highlights() == []

    reading.select_range(0, 0, 6)
    [detached] = reading.detached_highlights()
    controller.reattach(detached)
    [placed] = library.highlights(reflection.id)
    assert not placed.detached and placed.anchor.exact == paragraphs[0][0:6]
    assert not bar.isVisibleTo(reading)
    assert _format_at(reading, 0, 0).background().color() == STYLES["commitment"].background
    window.main_actions.undo.trigger()
    assert library.highlights(reflection.id)[0].detached
    assert bar.isVisibleTo(reading)
