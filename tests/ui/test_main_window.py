"""The main window: first run on the sample, reading, navigation, reading size, restore."""

from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat
from PySide6.QtWidgets import QLabel

from desktop.material import StoredReflection
from desktop.ui import snapshot
from desktop.ui.library_model import (
    MATERIAL,
    REFLECTION,
    AffiliationRole,
    AuthorRole,
    IdRole,
    KindRole,
)
from desktop.ui.settings import DEFAULT_READING_SIZE, Settings


def _reflection_rows(window) -> list:
    material = window.model.index(0, 0)
    return [window.model.index(row, 0, material) for row in range(window.model.rowCount(material))]


def _paragraph_blocks(window, paragraphs):
    document = window.reading.document()
    wanted = set(paragraphs)
    block = document.begin()
    found = []
    while block.isValid():
        if block.text() in wanted:
            found.append(block)
        block = block.next()
    return found


def test_first_run_imports_the_sample_and_lists_its_reflections_with_authors(window, seed_expected):
    model = window.model
    assert model.material_count() == 1
    material = model.index(0, 0)
    assert material.data(KindRole) == MATERIAL
    assert material.data() == seed_expected["headline"]
    rows = _reflection_rows(window)
    expected = seed_expected["reflections"]
    assert len(rows) == len(expected) == 10
    assert [row.data(KindRole) for row in rows] == [REFLECTION] * 10
    assert [row.data() for row in rows] == [r["title"] for r in expected]
    assert [row.data(AuthorRole) for row in rows] == [r["author"] for r in expected]
    assert [row.data(AffiliationRole) for row in rows] == [r["affiliation"] for r in expected]
    assert window.tree.isExpanded(material)


def test_window_opens_on_the_samples_first_reflection(window, seed_expected):
    first = seed_expected["reflections"][0]
    assert window.tree.currentIndex().data(IdRole) == window.current_reflection().id
    assert window.current_reflection().title == first["title"]
    text = window.reading.toPlainText()
    assert first["title"] in text
    assert first["author"] in text


def test_selecting_a_reflection_typesets_title_byline_and_indented_paragraphs(window, seed_expected):
    third = seed_expected["reflections"][2]
    window.tree.setCurrentIndex(_reflection_rows(window)[2])

    shown = window.current_reflection()
    assert shown.title == third["title"]
    text = window.reading.toPlainText()
    for part in (third["title"], third["affiliation"], third["author"], seed_expected["headline"]):
        assert part in text
    blocks = _paragraph_blocks(window, third["paragraphs"])
    assert [b.text() for b in blocks] == third["paragraphs"]
    for block in blocks:
        fmt = block.blockFormat()
        assert fmt.textIndent() > 0
        assert fmt.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        assert fmt.lineHeight() == 180
    title_block = next(b for b in _iter_blocks(window) if b.text() == third["title"])
    title_size = title_block.charFormat().font().pointSizeF()
    body_size = blocks[0].charFormat().font().pointSizeF()
    assert title_size > body_size


def _iter_blocks(window):
    block = window.reading.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def test_two_character_indent_follows_the_reading_size(window, seed_expected):
    paragraph = seed_expected["reflections"][0]["paragraphs"][0]
    indent_before = _paragraph_blocks(window, [paragraph])[0].blockFormat().textIndent()
    window.main_actions.zoom_in.trigger()
    window.main_actions.zoom_in.trigger()
    indent_after = _paragraph_blocks(window, [paragraph])[0].blockFormat().textIndent()
    assert indent_after > indent_before


def test_page_text_that_looks_like_markup_is_shown_as_text(qtbot):
    from desktop.ui.reading_view import ReadingView

    view = ReadingView()
    qtbot.addWidget(view)
    view.show_reflection(StoredReflection(
        id=1, material_id=1, position=0, title="<b>标题</b> & 更多", author="<i>王</i>",
        affiliation="单位", paragraphs=("<script>x</script>第一段",)))
    text = view.toPlainText()
    assert "<b>标题</b> & 更多" in text
    assert "<i>王</i>" in text
    assert "<script>x</script>第一段" in text


def test_selecting_a_material_shows_headline_subtitle_and_lead(window, seed_expected):
    window.tree.setCurrentIndex(window.model.index(0, 0))

    assert window.reading.material is not None
    text = window.reading.toPlainText()
    assert seed_expected["headline"] in text
    assert seed_expected["subtitle"] in text
    assert seed_expected["lead"] in text
    assert seed_expected["reflections"][9]["title"] in text


def test_next_and_previous_reflection_actions_walk_in_page_order(window, seed_expected):
    titles = [r["title"] for r in seed_expected["reflections"]]
    actions = window.main_actions
    assert not actions.previous_reflection.isEnabled()

    actions.next_reflection.trigger()
    assert window.current_reflection().title == titles[1]
    actions.next_reflection.trigger()
    assert window.current_reflection().title == titles[2]
    actions.previous_reflection.trigger()
    assert window.current_reflection().title == titles[1]

    window.tree.setCurrentIndex(_reflection_rows(window)[9])
    assert not actions.next_reflection.isEnabled()
    actions.next_reflection.trigger()
    assert window.current_reflection().title == titles[9]


def test_navigation_and_zoom_actions_have_shortcuts_shown_in_the_menus(window):
    actions = window.main_actions
    for action in (actions.import_file, actions.import_clipboard, actions.quit, actions.zoom_in,
                   actions.zoom_out, actions.zoom_reset, actions.next_reflection,
                   actions.previous_reflection):
        assert not action.shortcut().isEmpty(), action.text()
    assert actions.import_file.shortcut().toString() == "Ctrl+O"
    assert actions.import_clipboard.shortcut().toString() == "Ctrl+Shift+V"
    assert actions.zoom_reset.shortcut().toString() == "Ctrl+0"
    assert "Ctrl+=" in [key.toString() for key in actions.zoom_in.shortcuts()]
    menus = {menu.title(): menu.actions() for menu in (actions.file_menu, actions.view_menu, actions.help_menu)}
    assert actions.import_file in menus["&File"] and actions.quit in menus["&File"]
    assert actions.next_reflection in menus["&View"] and actions.zoom_in in menus["&View"]
    assert actions.about in menus["&Help"]


def test_reading_size_changes_and_is_remembered_by_the_next_window(window, make_window, qtbot):
    assert window.reading.font_size() == DEFAULT_READING_SIZE
    window.main_actions.zoom_in.trigger()
    window.main_actions.zoom_in.trigger()
    window.main_actions.zoom_out.trigger()
    assert window.reading.font_size() == DEFAULT_READING_SIZE + 1
    body = window.reading.document().defaultFont().pointSizeF()
    assert body == DEFAULT_READING_SIZE + 1
    window.close()

    second = make_window()
    assert second.reading.font_size() == DEFAULT_READING_SIZE + 1
    second.main_actions.zoom_reset.trigger()
    assert second.reading.font_size() == DEFAULT_READING_SIZE
    assert Settings().reading_font_size == DEFAULT_READING_SIZE


def test_next_start_shows_the_last_reflection_before_the_library_opens(window, make_window, location):
    window.main_actions.next_reflection.trigger()
    window.main_actions.next_reflection.trigger()
    read = window.current_reflection()
    window.close()

    assert snapshot.load_reflection(location) == read
    second = make_window(load=False)
    assert second.library is None
    assert second.current_reflection() == read
    assert read.title in second.reading.toPlainText()


def test_same_reflection_stays_selected_once_the_library_has_opened(window, make_window):
    window.main_actions.next_reflection.trigger()
    read = window.current_reflection()
    window.close()

    second = make_window()
    assert second.tree.currentIndex().data(IdRole) == read.id
    assert second.current_reflection() == read


def test_status_bar_shows_location_and_counts(window, location):
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert any(location in text for text in texts)
    assert "Materials: 1 · Reflections: 10" in texts


def test_window_size_and_panel_width_are_restored(window, make_window):
    window.resize(720, 520)  # within the offscreen screen (800 x 600)
    window.splitter.setSizes([260, 460])
    panel_width = window.splitter.sizes()[0]
    window.close()

    second = make_window(load=False)
    second.restore_layout()
    second.build_after_first_paint()  # the side panes, as right after the first paint
    assert (second.width(), second.height()) == (720, 520)
    assert second.splitter.sizes()[0] == panel_width
