"""Moving a material's annotations to another library with a ``studynotes-notes`` file."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from desktop import notes_exchange
from desktop.anchoring import Anchor, make_anchor
from desktop.annotation import NOTE_SEPARATOR, AnnotationError, UnknownMaterialError, sentence_key
from desktop.library import Library, open_library
from desktop.material import Material, Reflection
from desktop.notes_exchange import NotesFileError

TRICKY = "要点 <b>加粗</b> & “引号” 😀 𠮷野家"

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
SECOND = ("作为基层工会工作者，我要做实做好各项工作。",)


def _material(paragraphs: tuple[str, ...] = ORIGINAL, source: str = "page a", headline: str = "学习大会精神") -> Material:
    return Material(
        headline=headline,
        subtitle="副标题",
        lead="",
        reflections=(
            Reflection("当好娘家人", "王霞", "某工会", paragraphs, "before"),
            Reflection("第二篇", "陈亮", "某街道", SECOND, "before"),
        ),
        source_text=source + "\n" + "\n".join(paragraphs),
    )


def _anchor(paragraphs: tuple[str, ...], paragraph: int, words: str) -> Anchor:
    start = paragraphs[paragraph].index(words)
    return make_anchor(paragraphs, paragraph, start, start + len(words))


def _words(library: Library, reflection_id: int, anchor: Anchor) -> str:
    return library.reflection(reflection_id).paragraphs[anchor.paragraph][anchor.start : anchor.end]


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    """The annotation tables as stored, to prove that nothing changed."""
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("highlight", "note", "study_reflection", "dismissed_suggestion", "paragraph")
        }
    finally:
        connection.close()


def _ids(library: Library, material_id: int) -> tuple[int, int]:
    first, second = (s.id for s in library.reflection_summaries(material_id))
    return first, second


@pytest.fixture
def office(tmp_path: Path):
    """The office PC's library: the page, annotated."""
    with open_library(str(tmp_path / "office.sqlite3")) as library:
        material_id = library.import_material(_material(), "a.txt").material_id
        first, second = _ids(library, material_id)
        library.add_highlight(first, _anchor(ORIGINAL, 0, "当好职工的娘家人"), "quote", TRICKY)
        library.add_highlight(first, _anchor(ORIGINAL, 1, "推动各项工作落第见效"), "commitment")
        library.add_highlight(first, _anchor(ORIGINAL, 2, "这是一段以后会被删除的句子"), "question", "删？")
        library.add_highlight(second, _anchor(SECOND, 0, "做实做好各项工作"), "commitment")
        library.set_note(first, "笔记 " + TRICKY)
        library.set_study_reflection(material_id, "学习心得 " + TRICKY)
        library.dismiss_suggestion(second, 0, 0, len(SECOND[0]), SECOND[0])
        yield library, material_id


@pytest.fixture
def home(tmp_path: Path):
    """Another PC's library: another page first (so ids differ), then the same page."""
    path = tmp_path / "home.sqlite3"
    with open_library(str(path)) as library:
        library.import_material(_material(("别的材料。",), source="other", headline="别的"), "b.txt")
        material_id = library.import_material(_material(), "a.txt").material_id
        yield library, material_id, path


def _export(office, tmp_path: Path) -> Path:
    library, material_id = office
    path = tmp_path / "notes.json"
    notes_exchange.export_notes(library, material_id, path)
    return path


# --- round trip ---------------------------------------------------------------------------------


def test_annotations_arrive_in_another_library_holding_the_same_page(office, home, tmp_path: Path) -> None:
    office_library, office_material = office
    library, material_id, _ = home
    path = _export(office, tmp_path)

    _, result = notes_exchange.import_notes(library, path)

    assert result.material_id == material_id
    assert (result.highlights_added, result.highlights_detached, result.notes_changed) == (4, 0, 2)
    first, second = _ids(library, material_id)
    office_first, office_second = _ids(office_library, office_material)
    arrived = library.highlights(material_id=material_id)
    sent = office_library.highlights(material_id=office_material)
    assert [(h.category, h.anchor, h.comment, h.created_at, h.detached) for h in arrived] == [
        (h.category, h.anchor, h.comment, h.created_at, h.detached) for h in sent
    ]
    assert [h.reflection_id for h in arrived] == [first, first, first, second]
    assert library.note(first) == "笔记 " + TRICKY
    assert library.study_reflection(material_id) == "学习心得 " + TRICKY
    assert library.dismissed_suggestions(second) == {sentence_key(SECOND[0])}
    assert library.highlights(material_id=material_id - 1) == []  # the other page untouched


def test_importing_the_same_file_twice_adds_nothing(office, home, tmp_path: Path) -> None:
    library, material_id, path = home
    notes = _export(office, tmp_path)
    notes_exchange.import_notes(library, notes)
    before = _snapshot(path)

    _, again = notes_exchange.import_notes(library, notes)

    assert (again.highlights_added, again.highlights_already_there) == (0, 4)
    assert (again.notes_changed, again.dismissals_added) == (0, 0)
    assert _snapshot(path) == before


def test_a_corrected_copy_of_the_page_gets_its_highlights_reattached(office, tmp_path: Path) -> None:
    notes = _export(office, tmp_path)
    with open_library(str(tmp_path / "corrected.sqlite3")) as library:
        # Same headline and reflection titles, corrected text: another content hash.
        material_id = library.import_material(_material(CORRECTED, source="corrected"), "a.txt").material_id
        first, _ = _ids(library, material_id)

        _, result = notes_exchange.import_notes(library, notes)

        assert (result.highlights_added, result.highlights_detached) == (4, 1)
        found = {h.category: h for h in library.highlights(reflection_id=first)}
        assert _words(library, first, found["quote"].anchor) == "当好职工的娘家人"
        assert _words(library, first, found["commitment"].anchor) == "推动各项工作落地见效"
        # The deleted sentence's highlight arrives detached, with its words and comment.
        assert found["question"].detached
        assert found["question"].anchor.exact == "这是一段以后会被删除的句子"
        assert found["question"].comment == "删？"

        _, again = notes_exchange.import_notes(library, notes)
        assert (again.highlights_added, again.highlights_already_there) == (0, 4)


def test_different_notes_are_both_kept_and_not_doubled_on_the_next_import(
    office, home, tmp_path: Path
) -> None:
    library, material_id, _ = home
    first, _ = _ids(library, material_id)
    library.set_note(first, "在家写的笔记")
    notes = _export(office, tmp_path)

    notes_exchange.import_notes(library, notes)
    merged = library.note(first)
    notes_exchange.import_notes(library, notes)

    assert merged == "在家写的笔记" + NOTE_SEPARATOR + "笔记 " + TRICKY
    assert library.note(first) == merged


def test_a_note_that_extends_the_one_here_replaces_it(office, home, tmp_path: Path) -> None:
    library, material_id, _ = home
    first, _ = _ids(library, material_id)
    library.set_note(first, "笔记")  # what the office note started as

    notes_exchange.import_notes(library, _export(office, tmp_path))

    assert library.note(first) == "笔记 " + TRICKY


def test_a_highlight_already_here_gets_the_comment_it_lacked(office, home, tmp_path: Path) -> None:
    library, material_id, _ = home
    first, _ = _ids(library, material_id)
    mine = library.add_highlight(first, _anchor(ORIGINAL, 0, "当好职工的娘家人"), "quote")

    _, result = notes_exchange.import_notes(library, _export(office, tmp_path))

    assert (result.highlights_added, result.highlights_already_there) == (3, 1)
    [same] = [h for h in library.highlights(reflection_id=first) if h.id == mine.id]
    assert same.comment == TRICKY


# --- the file ----------------------------------------------------------------------------------


def test_the_file_is_the_documented_json(office, tmp_path: Path) -> None:
    path = _export(office, tmp_path)

    data = json.loads(path.read_text(encoding="utf-8"))

    assert (data["format"], data["version"]) == ("studynotes-notes", 1)
    assert data["material"]["content_hash"] == _material().content_hash
    assert data["material"]["headline"] == "学习大会精神"
    assert data["material"]["reflection_titles"] == ["当好娘家人", "第二篇"]
    assert data["study_reflection"]["text"] == "学习心得 " + TRICKY
    first = data["reflections"][0]
    assert (first["position"], first["title"]) == (0, "当好娘家人")
    assert first["note"]["text"] == "笔记 " + TRICKY
    quote = first["highlights"][0]
    assert quote["category"] == "quote" and quote["comment"] == TRICKY
    assert quote["anchor"]["exact"] == "当好职工的娘家人"
    assert quote["created_at"].endswith("Z")
    assert data["reflections"][1]["dismissed"][0]["sentence"] == SECOND[0]
    assert TRICKY in path.read_text(encoding="utf-8")  # readable UTF-8, not \u escapes


def test_an_interrupted_export_leaves_the_previous_file_alone(
    office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, material_id = office
    path = tmp_path / "notes.json"
    path.write_text("the previous export", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(NotesFileError, match="cannot be written"):
        notes_exchange.export_notes(library, material_id, path)

    assert path.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".notes")) == []


def test_notes_for_a_material_not_in_the_library_are_refused(office, tmp_path: Path) -> None:
    notes = _export(office, tmp_path)
    with open_library(str(tmp_path / "other.sqlite3")) as library:
        library.import_material(_material(("别的材料。",), source="other", headline="别的"), "b.txt")

        with pytest.raises(UnknownMaterialError, match="“学习大会精神” is not in this library"):
            notes_exchange.import_notes(library, notes)

        assert library.highlights() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a Study Notes notes file"),
        (b"{\"format\": \"studynotes-notes\", ", "invalid JSON at line 1"),
        (b"[1, 2, 3]", "not a Study Notes notes file"),
        (b"{\"format\": \"something-else\", \"version\": 1}", "not a Study Notes notes file"),
        (b"{\"format\": \"studynotes-notes\", \"version\": 2}", "newer version of Study Notes"),
        (b"{\"format\": \"studynotes-notes\", \"version\": \"1\"}", "no valid format version"),
    ],
    ids=["binary", "cut-short", "a-list", "other-format", "newer-version", "version-as-text"],
)
def test_a_file_that_is_not_a_notes_file_is_refused(
    home, tmp_path: Path, content: bytes, message: str
) -> None:
    library, _, path = home
    before = _snapshot(path)
    notes = tmp_path / "notes.json"
    notes.write_bytes(content)

    with pytest.raises(NotesFileError, match=message) as caught:
        notes_exchange.import_notes(library, notes)

    assert str(notes) in caught.value.message
    assert _snapshot(path) == before


def test_a_damaged_entry_late_in_the_file_changes_nothing(office, home, tmp_path: Path) -> None:
    library, _, path = home
    notes = _export(office, tmp_path)
    data = json.loads(notes.read_text(encoding="utf-8"))
    data["reflections"][-1]["highlights"][-1]["category"] = "important"
    notes.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = _snapshot(path)

    with pytest.raises(NotesFileError, match="reflection 2 highlight 1 has an unknown category"):
        notes_exchange.import_notes(library, notes)

    assert _snapshot(path) == before


def test_an_anchor_that_makes_no_sense_is_refused(office, home, tmp_path: Path) -> None:
    library, _, path = home
    notes = _export(office, tmp_path)
    data = json.loads(notes.read_text(encoding="utf-8"))
    data["reflections"][0]["highlights"][1]["anchor"]["end"] = 0
    notes.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = _snapshot(path)

    with pytest.raises(NotesFileError, match="reflection 1 highlight 2 has a bad anchor"):
        notes_exchange.import_notes(library, notes)

    assert _snapshot(path) == before


def test_an_import_that_fails_midway_stores_nothing(office, home, tmp_path: Path) -> None:
    """Highlights of the first reflection are written before the bad second one is met;
    one transaction means they are rolled back too."""
    library, _, path = home
    notes = _export(office, tmp_path)
    data = json.loads(notes.read_text(encoding="utf-8"))
    data["reflections"][1]["position"] = 7  # no such reflection in the material
    notes.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = _snapshot(path)

    with pytest.raises(AnnotationError, match="no reflection to go to"):
        notes_exchange.import_notes(library, notes)

    assert _snapshot(path) == before
