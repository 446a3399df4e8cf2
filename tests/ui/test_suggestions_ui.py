"""Suggested commitments and keywords in the reading pane (computed on a worker with jieba)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from desktop.annotation import sentence_key
from desktop.ui.annotations import find_action
from desktop.ui.highlight_format import SUGGESTION_STYLE

JIEBA_TIMEOUT = 60000  # the first jieba load on a busy machine


def _wait_for_analysis(qtbot, window) -> None:
    bar = window.annotations.keyword_bar
    qtbot.waitUntil(lambda: bool(bar.keywords()), timeout=JIEBA_TIMEOUT)


def _point_of(reading, paragraph: int, offset: int) -> QPoint:
    position = reading.document_position(paragraph, offset)
    cursor = QTextCursor(reading.document())
    cursor.setPosition(position)
    reading.setTextCursor(cursor)
    reading.ensureCursorVisible()
    left = reading.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = reading.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def test_suggestions_and_keywords_appear_for_the_first_sample_reflection(qtbot, window):
    _wait_for_analysis(qtbot, window)
    reading = window.reading
    assert reading.suggestions
    first = reading.suggestions[0]
    assert reading.paragraph_text(first.paragraph)[first.start:first.end] == first.sentence
    assert any("我将" in s.sentence for s in reading.suggestions)
    cursor = QTextCursor(reading.document())
    cursor.setPosition(reading.document_position(first.paragraph, first.start) + 1)
    fmt = cursor.charFormat()
    assert fmt.underlineStyle() == SUGGESTION_STYLE
    assert fmt.background().style() == Qt.BrushStyle.NoBrush  # not marked: no tint
    keywords = window.annotations.keyword_bar.keywords()
    assert {"劳模精神", "工匠精神"} & set(keywords)
    with qtbot.waitSignal(window.keywordActivated, timeout=2000) as signal:
        window.annotations.keyword_bar.buttons[keywords.index(
            "劳模精神" if "劳模精神" in keywords else "工匠精神")].click()
    assert signal.args[0] in ("劳模精神", "工匠精神")


def test_clicking_a_suggestion_offers_accept_which_makes_an_undoable_commitment(qtbot, window):
    _wait_for_analysis(qtbot, window)
    reading, library = window.reading, window.library
    reflection = window.current_reflection()
    suggestion = reading.suggestions[0]
    point = _point_of(reading, suggestion.paragraph, suggestion.start + 2)
    qtbot.mouseClick(reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
    menu = window.annotations.suggestion_menu
    assert menu is not None and menu.isVisible()
    find_action(menu, "acceptSuggestion").trigger()
    menu.close()

    [highlight] = library.highlights(reflection.id)
    assert highlight.category == "commitment"
    assert (highlight.anchor.start, highlight.anchor.end) == (suggestion.start, suggestion.end)
    assert suggestion not in reading.suggestions  # marked now: no dotted line over it
    window.main_actions.undo.trigger()
    assert library.highlights(reflection.id) == []
    assert suggestion in reading.suggestions
    window.main_actions.redo.trigger()
    assert [h.id for h in library.highlights(reflection.id)] == [highlight.id]


def test_dismissed_suggestion_stays_gone_after_reopening(qtbot, make_window):
    window = make_window()
    _wait_for_analysis(qtbot, window)
    reading = window.reading
    reflection = window.current_reflection()
    suggestion = reading.suggestions[-1]
    cursor = QTextCursor(reading.document())
    cursor.setPosition(reading.document_position(suggestion.paragraph, suggestion.start + 1))
    reading.setTextCursor(cursor)
    qtbot.keyClick(reading, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    menu = window.annotations.suggestion_menu
    assert menu is not None and menu.isVisible()
    find_action(menu, "dismissSuggestion").trigger()
    menu.close()
    assert suggestion not in reading.suggestions
    assert sentence_key(suggestion.sentence) in window.library.dismissed_suggestions(reflection.id)
    window.main_actions.undo.trigger()
    assert suggestion in reading.suggestions
    window.main_actions.redo.trigger()
    assert suggestion not in reading.suggestions
    window.close()

    again = make_window()
    qtbot.waitUntil(lambda: bool(again.annotations.keyword_bar.keywords()), timeout=JIEBA_TIMEOUT)
    assert again.current_reflection().id == reflection.id
    assert again.reading.suggestions
    assert suggestion.sentence not in [s.sentence for s in again.reading.suggestions]


def test_switching_back_to_an_analysed_reflection_is_instant(qtbot, window):
    _wait_for_analysis(qtbot, window)
    shown = window.reading.suggestions
    window.step_reflection(1)
    window.step_reflection(-1)
    # From the cache: drawn at once, no worker involved.
    assert window.reading.suggestions == shown
    assert window.annotations.keyword_bar.keywords()  # not "Analysing…"


def test_a_failed_analysis_leaves_no_analysing_message_behind(qtbot, window):
    _wait_for_analysis(qtbot, window)
    annotations = window.annotations
    annotations.message.emit("Analysing… (the first time takes a few seconds)")
    assert window.statusBar().currentMessage().startswith("Analysing")
    annotations.service.failed.emit(window.current_reflection().id, RuntimeError("jieba failed"))
    assert window.statusBar().currentMessage() == ""
    assert annotations.keyword_bar.keywords() == []  # the bar says it failed instead
