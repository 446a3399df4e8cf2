"""Highlights, notes, study reflections and dismissed suggestions kept in the library."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from library_helpers import fixture_library, page

from desktop.anchoring import Anchor, make_anchor
from desktop.annotation import CATEGORIES, AnnotationError, Highlight, sentence_key
from desktop.errors import LibraryError
from desktop.library import Library, open_library
from desktop.material import Material, Reflection

TRICKY = "要点 <b>加粗</b> & “引号” 😀 𠮷野家\n第二行"

# A reflection with a typo (落第 for 落地) and a sentence that a correction deletes.
ORIGINAL = (
    "我们要把职工的冷暖放在心上，当好职工的娘家人。",
    "下一步，我将认真学习大会精神，推动各项工作落第见效。",
    "这是一段以后会被删除的句子。其余文字保持不变，继续推进服务。",
)
CORRECTED = (
    "我们要时刻把职工的冷暖放在心上，当好职工的娘家人。",
    "下一步，我将认真学习大会精神，推动各项工作落地见效。",
    "其余文字保持不变，继续推进服务。",
)


def _material(paragraphs: tuple[str, ...] = ORIGINAL, source: str = "page a") -> Material:
    return Material(
        headline="学习大会精神",
        subtitle="",
        lead="",
        reflections=(
            Reflection("当好娘家人", "王霞", "某工会", paragraphs, "before"),
            Reflection("第二篇", "陈亮", "某街道", ("作为基层工会工作者，我要做实做好各项工作。",), "before"),
        ),
        source_text=source + "\n" + "\n".join(paragraphs),
    )


def _anchor(paragraphs: tuple[str, ...], paragraph: int, words: str) -> Anchor:
    start = paragraphs[paragraph].index(words)
    return make_anchor(paragraphs, paragraph, start, start + len(words))


def _words(library: Library, highlight: Highlight) -> str:
    text = library.reflection(highlight.reflection_id).paragraphs[highlight.anchor.paragraph]
    return text[highlight.anchor.start : highlight.anchor.end]


def _rows(path: Path, table: str) -> list[tuple]:
    """A table's rows read with the plain sqlite3 module, past the library's API."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT * FROM {table}").fetchall()
    finally:
        connection.close()


def _count(path: Path, table: str) -> int:
    return len(_rows(path, table))


@pytest.fixture
def library(library_file: Path):
    with open_library(str(library_file), lock=True) as opened:
        yield opened


@pytest.fixture
def stored(library: Library) -> tuple[int, int, int]:
    """(material id, first reflection id, second reflection id) of the test page."""
    material_id = library.import_material(_material(), "a.txt").material_id
    first, second = (s.id for s in library.reflection_summaries(material_id))
    return material_id, first, second


# --- highlights ------------------------------------------------------------------------------


def test_a_highlight_comes_back_as_it_was_stored(library: Library, stored) -> None:
    _, first, _ = stored
    before = datetime.now(timezone.utc)
    anchor = _anchor(ORIGINAL, 0, "当好职工的娘家人")

    added = library.add_highlight(first, anchor, "commitment", TRICKY)

    assert (added.reflection_id, added.category, added.anchor, added.comment) == (
        first, "commitment", anchor, TRICKY,
    )
    assert not added.detached
    assert added.created_at.tzinfo == timezone.utc and added.created_at >= before
    assert library.highlights(reflection_id=first) == [added]
    assert _words(library, added) == "当好职工的娘家人"


def test_updating_a_highlight_changes_its_category_and_comment(library: Library, stored) -> None:
    _, first, _ = stored
    added = library.add_highlight(first, _anchor(ORIGINAL, 0, "当好职工的娘家人"), "quote")

    recategorised = library.update_highlight(added.id, category="question")
    commented = library.update_highlight(added.id, comment="为什么？")

    assert (recategorised.category, recategorised.comment) == ("question", "")
    assert (commented.category, commented.comment) == ("question", "为什么？")
    assert commented.anchor == added.anchor and commented.created_at == added.created_at
    assert commented.updated_at >= added.updated_at
    assert library.highlights(reflection_id=first) == [commented]


def test_a_removed_highlight_can_be_restored_with_its_id(library: Library, stored) -> None:
    _, first, _ = stored
    kept = library.add_highlight(first, _anchor(ORIGINAL, 0, "当好职工的娘家人"), "quote")
    removed_one = library.add_highlight(first, _anchor(ORIGINAL, 1, "推动各项工作"), "commitment", "注")

    removed = library.remove_highlight(removed_one.id)
    assert removed == removed_one
    assert library.highlights(reflection_id=first) == [kept]

    # Another highlight made meanwhile must not take the removed one's id.
    newer = library.add_highlight(first, _anchor(ORIGINAL, 2, "继续推进服务"), "question")
    assert newer.id not in (kept.id, removed.id)

    restored = library.restore_highlight(removed)
    assert restored == removed
    assert library.highlights(reflection_id=first) == [kept, removed, newer]
    assert library.restore_highlight(removed) == removed  # undoing twice is harmless
    assert len(library.highlights()) == 3


def test_highlights_are_filtered_by_reflection_material_and_category(library: Library, stored) -> None:
    material_id, first, second = stored
    other_id = library.import_material(page(7), "b.txt").material_id
    other = library.reflection_summaries(other_id)[0].id
    other_text = library.reflection(other).paragraphs
    second_text = library.reflection(second).paragraphs

    a = library.add_highlight(first, _anchor(ORIGINAL, 1, "推动各项工作"), "commitment")
    b = library.add_highlight(first, _anchor(ORIGINAL, 0, "当好职工的娘家人"), "quote")
    c = library.add_highlight(second, _anchor(second_text, 0, "做实做好"), "commitment")
    d = library.add_highlight(other, _anchor(other_text, 0, "第一段"), "question")

    # Newest material first, then page order, then text order.
    assert library.highlights() == [d, b, a, c]
    assert library.highlights(material_id=material_id) == [b, a, c]
    assert library.highlights(reflection_id=first) == [b, a]
    assert library.highlights(category="commitment") == [a, c]
    assert library.highlights(material_id=material_id, category="quote") == [b]
    assert library.highlights(reflection_id=second, category="question") == []


def test_categories_are_listed_in_display_order() -> None:
    assert CATEGORIES == ("commitment", "quote", "question")


def test_an_unknown_category_is_refused_with_a_clear_message(library: Library, stored) -> None:
    _, first, _ = stored
    with pytest.raises(AnnotationError, match="'important' is not a highlight category"):
        library.add_highlight(first, _anchor(ORIGINAL, 0, "娘家人"), "important")
    added = library.add_highlight(first, _anchor(ORIGINAL, 0, "娘家人"), "quote")
    with pytest.raises(AnnotationError, match="not a highlight category"):
        library.update_highlight(added.id, category="")
    assert library.highlights() == [added]


def test_a_highlight_on_words_no_longer_there_is_refused(library: Library, stored) -> None:
    _, first, _ = stored
    stale = _anchor(("另一段完全不同的文字，当好职工的娘家人。",), 0, "当好职工的娘家人")
    with pytest.raises(AnnotationError, match="select them again"):
        library.add_highlight(first, stale, "quote")
    assert library.highlights() == []


def test_missing_reflections_and_highlights_are_named(library: Library, stored) -> None:
    with pytest.raises(LibraryError, match="There is no reflection 999 in the library") as caught:
        library.add_highlight(999, _anchor(ORIGINAL, 0, "娘家人"), "quote")
    assert caught.value.code == "library-not-found"
    with pytest.raises(LibraryError, match="There is no highlight 5 in the library"):
        library.update_highlight(5, comment="x")
    with pytest.raises(LibraryError, match="There is no highlight 5 in the library"):
        library.remove_highlight(5)
    with pytest.raises(LibraryError, match="There is no reflection 999"):
        library.set_note(999, "笔记")
    with pytest.raises(LibraryError, match="There is no material 999"):
        library.set_study_reflection(999, "心得")


def test_writes_from_several_threads_are_all_kept(library: Library, stored) -> None:
    _, first, _ = stored
    words = ["我们要", "职工的冷暖", "放在心上", "当好职工", "娘家人"]
    errors: list[BaseException] = []

    def work(text: str) -> None:
        try:
            library.add_highlight(first, _anchor(ORIGINAL, 0, text), "quote", text)
            library.set_note(first, text)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(w,)) for w in words]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(h.comment for h in library.highlights()) == sorted(words)
    assert library.note(first) in words


# --- notes, study reflection, dismissed suggestions ------------------------------------------------


def test_notes_and_the_study_reflection_round_trip(library: Library, library_file: Path, stored) -> None:
    material_id, first, second = stored
    assert library.note(first) == "" and library.study_reflection(material_id) == ""

    library.set_note(first, TRICKY)
    library.set_note(second, "第二篇的笔记")
    library.set_study_reflection(material_id, "学习心得：" + TRICKY)

    assert library.note(first) == TRICKY
    assert library.note(second) == "第二篇的笔记"
    assert library.study_reflection(material_id) == "学习心得：" + TRICKY

    library.set_note(first, "改过的笔记")
    assert library.note(first) == "改过的笔记"
    assert _count(library_file, "note") == 2


def test_clearing_a_note_deletes_it(library: Library, library_file: Path, stored) -> None:
    material_id, first, _ = stored
    library.set_note(first, "笔记")
    library.set_study_reflection(material_id, "心得")

    library.set_note(first, "")
    library.set_study_reflection(material_id, "  \n ")

    assert library.note(first) == "" and library.study_reflection(material_id) == ""
    assert _count(library_file, "note") == 0
    assert _count(library_file, "study_reflection") == 0


def test_a_dismissed_suggestion_stays_dismissed_when_its_offsets_change(library: Library, stored) -> None:
    _, first, second = stored
    sentence = "下一步，我将认真学习大会精神，推动各项工作落第见效。"

    library.dismiss_suggestion(first, 1, 0, len(sentence), sentence)
    library.dismiss_suggestion(first, 1, 0, len(sentence), sentence)  # twice: kept once
    library.update_reflection_text(first, ("新加的一段。",) + ORIGINAL)

    dismissed = library.dismissed_suggestions(first)
    assert dismissed == {sentence_key(sentence)}
    assert sentence_key(" 下一步， 我将认真学习大会精神，推动各项工作落第见效。") in dismissed
    assert library.dismissed_suggestions(second) == set()

    library.undismiss_suggestion(first, sentence)
    assert library.dismissed_suggestions(first) == set()


def test_everything_is_still_there_after_reopening(library_file: Path) -> None:
    with open_library(str(library_file)) as library:
        material_id = library.import_material(_material(), "a.txt").material_id
        first = library.reflection_summaries(material_id)[0].id
        highlight = library.add_highlight(first, _anchor(ORIGINAL, 0, "娘家人"), "quote", TRICKY)
        library.set_note(first, TRICKY)
        library.set_study_reflection(material_id, TRICKY)
        library.dismiss_suggestion(first, 2, 0, 14, ORIGINAL[2][:14])

    with open_library(str(library_file)) as reopened:
        assert reopened.highlights() == [highlight]
        assert reopened.note(first) == TRICKY
        assert reopened.study_reflection(material_id) == TRICKY
        assert reopened.dismissed_suggestions(first) == {sentence_key(ORIGINAL[2][:14])}


# --- correcting the text -----------------------------------------------------------------------


def test_a_typo_fix_keeps_highlights_on_their_words_and_detaches_deleted_ones(
    library: Library, stored
) -> None:
    _, first, _ = stored
    moved = library.add_highlight(first, _anchor(ORIGINAL, 0, "当好职工的娘家人"), "quote")
    typo = library.add_highlight(first, _anchor(ORIGINAL, 1, "推动各项工作落第见效"), "commitment", "注")
    deleted = library.add_highlight(first, _anchor(ORIGINAL, 2, "这是一段以后会被删除的句子"), "question")
    after = library.add_highlight(first, _anchor(ORIGINAL, 2, "继续推进服务"), "commitment")

    newly_detached = library.update_reflection_text(first, CORRECTED)

    assert library.reflection(first).paragraphs == CORRECTED
    assert [h.id for h in newly_detached] == [deleted.id]
    found = {h.id: h for h in library.highlights(reflection_id=first)}
    assert _words(library, found[moved.id]) == "当好职工的娘家人"
    assert found[moved.id].anchor.start == moved.anchor.start + 2  # "时刻" inserted before
    assert _words(library, found[typo.id]) == "推动各项工作落地见效"
    assert found[typo.id].anchor.exact == "推动各项工作落地见效"
    assert found[typo.id].comment == "注"
    assert _words(library, found[after.id]) == "继续推进服务"
    assert not any(found[i].detached for i in (moved.id, typo.id, after.id))
    # Never moved, never dropped: the detached one keeps its words as they were.
    assert found[deleted.id].detached
    assert found[deleted.id].anchor == deleted.anchor
    assert found[deleted.id].category == "question"


def test_a_detached_highlight_comes_back_when_its_words_do(library: Library, stored) -> None:
    _, first, _ = stored
    deleted = library.add_highlight(first, _anchor(ORIGINAL, 2, "这是一段以后会被删除的句子"), "quote")
    library.update_reflection_text(first, CORRECTED)

    assert library.update_reflection_text(first, ORIGINAL) == []  # the correction undone

    [back] = library.highlights(reflection_id=first)
    assert not back.detached and back.anchor == deleted.anchor


def test_the_user_can_reattach_a_detached_highlight_by_hand(library: Library, stored) -> None:
    _, first, _ = stored
    deleted = library.add_highlight(first, _anchor(ORIGINAL, 2, "这是一段以后会被删除的句子"), "quote")
    library.update_reflection_text(first, CORRECTED)

    placed = library.reattach_highlight(deleted.id, _anchor(CORRECTED, 2, "其余文字保持不变"))

    assert not placed.detached
    assert library.highlights(reflection_id=first) == [placed]
    assert _words(library, placed) == "其余文字保持不变"


def test_a_correction_that_is_not_text_is_refused_and_changes_nothing(library: Library, stored) -> None:
    _, first, _ = stored
    library.add_highlight(first, _anchor(ORIGINAL, 0, "娘家人"), "quote")
    before = (library.reflection(first), library.highlights())

    for bad in ([], ["  "], ["一段\n两行"], "一段文字"):
        with pytest.raises(AnnotationError):
            library.update_reflection_text(first, bad)  # type: ignore[arg-type]

    assert (library.reflection(first), library.highlights()) == before


def test_a_corrected_page_replaces_the_text_and_keeps_the_annotations(library: Library, stored) -> None:
    material_id, first, second = stored
    typo = library.add_highlight(first, _anchor(ORIGINAL, 1, "推动各项工作落第见效"), "commitment")
    deleted = library.add_highlight(first, _anchor(ORIGINAL, 2, "这是一段以后会被删除的句子"), "quote")
    library.set_note(first, "笔记")
    corrected = _material(CORRECTED, source="page a, corrected")

    newly_detached = library.replace_material_text(material_id, corrected)

    assert [h.id for h in newly_detached] == [deleted.id]
    assert library.reflection(first).paragraphs == CORRECTED
    assert library.reflection_summaries(material_id)[1].id == second
    [kept] = [h for h in library.highlights() if h.id == typo.id]
    assert _words(library, kept) == "推动各项工作落地见效"
    assert library.note(first) == "笔记"
    # Importing the corrected page again finds this material.
    assert library.find_duplicate(corrected) == material_id


def test_a_different_page_is_not_taken_as_a_correction(library: Library, stored) -> None:
    material_id, first, _ = stored
    library.add_highlight(first, _anchor(ORIGINAL, 0, "娘家人"), "quote")
    before = (library.material(material_id), library.reflection(first), library.highlights())

    with pytest.raises(AnnotationError, match="does not have the same reflections"):
        library.replace_material_text(material_id, page(3))

    assert (library.material(material_id), library.reflection(first), library.highlights()) == before


# --- deleting and upgrading ---------------------------------------------------------------------


def test_deleting_a_material_deletes_its_annotations(library: Library, library_file: Path, stored) -> None:
    material_id, first, second = stored
    other_id = library.import_material(page(5), "b.txt").material_id
    other = library.reflection_summaries(other_id)[0].id
    library.add_highlight(first, _anchor(ORIGINAL, 0, "娘家人"), "quote")
    library.set_note(second, "笔记")
    library.set_study_reflection(material_id, "心得")
    library.dismiss_suggestion(first, 0, 0, 5, ORIGINAL[0][:5])
    survivor = library.add_highlight(other, _anchor(library.reflection(other).paragraphs, 0, "第一段"), "quote")
    library.set_note(other, "别的笔记")

    library.delete_material(material_id)

    assert library.highlights() == [survivor]
    assert library.note(other) == "别的笔记"
    assert _count(library_file, "highlight") == 1 and _count(library_file, "note") == 1
    assert _rows(library_file, "study_reflection") == []
    assert _rows(library_file, "dismissed_suggestion") == []


def test_an_upgraded_0001_library_takes_annotations(library_file: Path, sample: Material) -> None:
    shutil.copy(fixture_library("0001"), library_file)

    with open_library(str(library_file)) as library:
        reflection = library.reflection_summaries()[0].id
        text = library.reflection(reflection).paragraphs
        added = library.add_highlight(reflection, _anchor(text, 0, "劳模精神"), "quote")
        library.set_note(reflection, "笔记")
        assert library.highlights() == [added]

    with open_library(str(library_file)) as library:
        assert library.highlights() == [added] and library.note(reflection) == "笔记"


def test_the_0002_fixture_library_reads_back_through_the_api(library_file: Path) -> None:
    shutil.copy(fixture_library("0002"), library_file)

    with open_library(str(library_file)) as library:
        [material] = library.materials()
        reflections = library.reflection_summaries(material.id)
        first, last = reflections[0].id, reflections[-1].id
        found = library.highlights(material_id=material.id)
        assert [(h.reflection_id, h.category, h.detached) for h in found] == [
            (first, "commitment", False),
            (first, "quote", False),
            (last, "question", False),
            (last, "quote", True),
        ]
        assert found[1].comment == "好句子 <b>&</b> 𠮷"
        assert all(_words(library, h) == h.anchor.exact for h in found if not h.detached)
        assert library.note(first) == "笔记：劳模精神 & “工匠精神” <要点> 😀"
        assert library.study_reflection(material.id) == "学习心得：新时代 新作为"
        first_text = library.reflection(first).paragraphs[0]
        assert library.dismissed_suggestions(first) == {sentence_key(first_text[:14])}


def test_the_annotation_tables_enforce_their_links(library_file: Path) -> None:
    """Foreign keys are real: a highlight cannot point at a missing reflection."""
    open_library(str(library_file)).close()
    connection = sqlite3.connect(library_file)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(
                "INSERT INTO note (reflection_id, text, updated_at) VALUES (42, 'x', '2024-01-01')"
            )
    finally:
        connection.close()
