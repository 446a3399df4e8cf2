"""Importing from the window: a file, pasted text, duplicates, bad input, cancelling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from desktop.library import open_library
from desktop.ui.library_model import MATERIAL, IdRole, KindRole


def _choose_file(monkeypatch, path: Path) -> list[str]:
    """Answer the file dialog with ``path``; returns the filters it was asked with."""
    asked: list[str] = []

    def answer(_parent, _caption, _folder, filters, *args, **kwargs):
        asked.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return asked


def _stored_materials(location: str) -> list:
    with open_library(location) as library:
        return library.materials()


def test_import_file_reviews_stores_and_selects_the_new_material(
        window, qtbot, monkeypatch, second_page, reviews, messages, location):
    asked = _choose_file(monkeypatch, second_page)

    with qtbot.waitSignal(window.importFinished, timeout=30000) as finished:
        window.main_actions.import_file.trigger()

    assert "*.txt" in asked[0]
    assert len(reviews.seen) == 1
    reviewed, source_name = reviews.seen[0]
    assert source_name == "second_page.txt"
    assert messages.shown == []
    assert window.model.material_count() == 2
    new_id = finished.args[0]
    assert window.model.material_index(new_id).isValid()
    current = window.tree.currentIndex()
    assert current.parent().data(IdRole) == new_id
    assert current.row() == 0
    assert window.current_reflection().title == reviewed.reflections[0].title
    window.close()
    stored = {m.source_name for m in _stored_materials(location)}
    assert stored == {"second_page.txt", "beijing_union_congress.txt"}


def test_the_reviewed_material_is_what_gets_stored(window, qtbot, monkeypatch, second_page, reviews, location):
    import dataclasses

    import desktop.ui.review_dialog as review_dialog

    answering = review_dialog.ImportReviewDialog

    class EditingReview(answering):
        def reviewed_material(self):
            material = super().reviewed_material()
            return dataclasses.replace(material, headline="改过的标题")

    monkeypatch.setattr(review_dialog, "ImportReviewDialog", EditingReview)
    _choose_file(monkeypatch, second_page)
    with qtbot.waitSignal(window.importFinished, timeout=30000) as finished:
        window.main_actions.import_file.trigger()

    assert window.model.material_index(finished.args[0]).data() == "改过的标题"


def test_importing_pasted_text_reads_the_clipboard(window, qtbot, second_page, reviews, messages):
    QGuiApplication.clipboard().setText(second_page.read_text(encoding="utf-8"))

    with qtbot.waitSignal(window.importFinished, timeout=30000) as finished:
        window.main_actions.import_clipboard.trigger()

    assert messages.shown == []
    assert len(reviews.seen) == 1
    assert reviews.seen[0][1].startswith("Pasted text ")
    assert window.model.material_count() == 2
    assert window.tree.currentIndex().parent().data(IdRole) == finished.args[0]


def test_an_empty_clipboard_gets_a_message_and_imports_nothing(window, reviews, messages):
    QGuiApplication.clipboard().setText("   ")
    window.main_actions.import_clipboard.trigger()

    assert messages.kinds() == ["information"]
    assert "clipboard" in messages.shown[0][2]
    assert reviews.seen == []
    assert window.model.material_count() == 1


def test_importing_a_page_already_in_the_library_says_so_and_selects_it(
        window, qtbot, monkeypatch, seed_path, reviews, messages, location):
    _choose_file(monkeypatch, seed_path)
    window.tree.setCurrentIndex(window.model.first_reflection_index().siblingAtRow(3))

    window.main_actions.import_file.trigger()
    qtbot.waitUntil(lambda: messages.shown != [], timeout=30000)

    assert messages.kinds() == ["information"]
    assert "already in the library" in messages.shown[0][2]
    assert reviews.seen == []  # no review of a page that will not be stored
    assert window.model.material_count() == 1
    current = window.tree.currentIndex()
    assert current.data(KindRole) == MATERIAL
    assert window.reading.material is not None
    window.close()
    assert len(_stored_materials(location)) == 1


def test_a_binary_file_gets_one_clear_message_and_stores_nothing(
        window, qtbot, monkeypatch, tmp_path, reviews, messages, location):
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    _choose_file(monkeypatch, picture)

    window.main_actions.import_file.trigger()
    qtbot.waitUntil(lambda: messages.shown != [], timeout=30000)

    assert messages.kinds() == ["warning"]
    assert "text file" in messages.shown[0][2]
    assert reviews.seen == []
    assert window.model.material_count() == 1
    window.close()
    assert len(_stored_materials(location)) == 1


def test_cancelling_the_review_stores_nothing(window, qtbot, monkeypatch, second_page, reviews,
                                               messages, location):
    reviews.accept = False
    _choose_file(monkeypatch, second_page)

    window.main_actions.import_file.trigger()
    qtbot.waitUntil(lambda: reviews.seen != [], timeout=30000)
    qtbot.wait(50)

    assert messages.shown == []
    assert window.model.material_count() == 1
    window.close()
    assert len(_stored_materials(location)) == 1


def test_closing_the_file_dialog_imports_nothing(window, monkeypatch, reviews, messages):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    window.main_actions.import_file.trigger()
    assert reviews.seen == []
    assert messages.shown == []
    assert window.main_actions.import_file.isEnabled()
