"""The library panel's model: a large library, reading order across materials."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QModelIndex

from desktop.material import MaterialSummary, ReflectionSummary
from desktop.ui.library_model import MATERIAL, AuthorRole, IdRole, KindRole, LibraryModel


def _library(materials: int, per_material: int) -> tuple[list[MaterialSummary], list[ReflectionSummary]]:
    now = datetime.now(timezone.utc)
    summaries = [MaterialSummary(m, f"材料 {m}", "副标题", f"page-{m}.txt", now, per_material)
                 for m in range(1, materials + 1)]
    reflections = [
        ReflectionSummary(m * 1000 + r, m, r, f"心得 {m}-{r}", f"作者{r}", f"单位{m}")
        # stored order is not page order: the model must sort by position
        for m in range(1, materials + 1) for r in reversed(range(per_material))
    ]
    return summaries, reflections


def test_ten_thousand_reflections_load_and_the_panel_scrolls_to_the_last(make_window, qtbot):
    window = make_window(load=False)
    materials, reflections = _library(100, 100)
    window.model.set_contents(materials, reflections)
    window.tree.expandAll()

    model = window.model
    assert model.material_count() == 100
    assert model.reflection_count() == 10_000
    last_material = model.index(99, 0)
    last = model.index(99, 0, last_material)
    assert last.data() == "心得 100-99"
    assert last.data(AuthorRole) == "作者99"

    window.tree.scrollToBottom()
    qtbot.waitUntil(lambda: window.tree.viewport().rect().intersects(window.tree.visualRect(last)))
    bottom_row = window.tree.indexAt(window.tree.viewport().rect().bottomLeft() + _up(8))
    assert bottom_row == last

    window.tree.setCurrentIndex(last)
    assert window.tree.currentIndex().data(IdRole) == 100 * 1000 + 99


def _up(pixels: int):
    from PySide6.QtCore import QPoint

    return QPoint(40, -pixels)


def test_reflections_are_listed_in_page_order():
    model = LibraryModel()
    model.set_contents(*_library(2, 5))
    first_material = model.index(0, 0)
    assert [model.index(r, 0, first_material).data() for r in range(5)] == [
        f"心得 1-{r}" for r in range(5)]


def test_step_walks_across_materials_and_stops_at_either_end():
    model = LibraryModel()
    model.set_contents(*_library(3, 2))
    first = model.first_reflection_index()
    assert first.data(IdRole) == 1000

    ids = []
    index = first
    while index.isValid():
        ids.append(index.data(IdRole))
        index = model.step(index, 1)
    assert ids == [1000, 1001, 2000, 2001, 3000, 3001]

    last = model.reflection_index(3001)
    assert model.step(last, 1) == QModelIndex()
    assert model.step(last, -1).data(IdRole) == 3000
    assert model.step(model.reflection_index(2000), -1).data(IdRole) == 1001
    assert model.step(first, -1) == QModelIndex()


def test_step_from_a_material_row_enters_its_reflections():
    model = LibraryModel()
    model.set_contents(*_library(3, 2))
    second_material = model.material_index(2)
    assert second_material.data(KindRole) == MATERIAL
    assert model.step(second_material, 1).data(IdRole) == 2000
    assert model.step(second_material, -1).data(IdRole) == 1001


def test_a_material_without_reflections_is_skipped():
    now = datetime.now(timezone.utc)
    materials = [MaterialSummary(i, f"材料 {i}", "", "x.txt", now, 0 if i == 2 else 1) for i in (1, 2, 3)]
    reflections = [ReflectionSummary(10, 1, 0, "甲", "", ""), ReflectionSummary(30, 3, 0, "丙", "", "")]
    model = LibraryModel()
    model.set_contents(materials, reflections)
    assert model.rowCount(model.material_index(2)) == 0
    assert model.step(model.reflection_index(10), 1).data(IdRole) == 30
    assert model.first_reflection_index(2) == QModelIndex()
