"""Storing and reading materials: round trip, duplicates, order, deletion, transactions."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from library_helpers import page, table_rows
from sqlalchemy import event

from desktop.errors import LibraryError
from desktop.library import Library, open_library
from desktop.material import Material, Reflection


@pytest.fixture
def library(library_file: Path):
    with open_library(str(library_file), lock=True) as opened:
        yield opened


def _counts(path: Path) -> dict[str, int]:
    rows = table_rows(path)
    return {table: len(rows[table]) for table in ("material", "reflection", "paragraph")}


def test_the_sample_page_comes_back_as_it_was_stored(library: Library, sample: Material) -> None:
    before = datetime.now(timezone.utc)
    result = library.import_material(sample, "beijing_union_congress.txt")

    assert result.created
    assert result.reflection_count == len(sample.reflections) == 10

    [summary] = library.materials()
    assert (summary.id, summary.headline, summary.subtitle) == (
        result.material_id,
        sample.headline,
        sample.subtitle,
    )
    assert summary.source_name == "beijing_union_congress.txt"
    assert summary.reflection_count == 10
    assert summary.imported_at.tzinfo == timezone.utc
    assert before - timedelta(seconds=1) <= summary.imported_at <= datetime.now(timezone.utc)

    stored = library.material(result.material_id)
    assert (stored.headline, stored.subtitle, stored.lead) == (
        sample.headline,
        sample.subtitle,
        sample.lead,
    )
    assert stored.content_hash == sample.content_hash
    assert stored.warnings == sample.warnings
    assert stored.imported_at == summary.imported_at

    summaries = library.reflection_summaries(result.material_id)
    assert [(s.position, s.title, s.author, s.affiliation) for s in summaries] == [
        (index, r.title, r.author, r.affiliation) for index, r in enumerate(sample.reflections)
    ]
    for summary_row, original in zip(summaries, sample.reflections):
        full = library.reflection(summary_row.id)
        assert full.paragraphs == original.paragraphs
        assert full.material_id == result.material_id
        assert full.material_headline == sample.headline


def test_warnings_are_kept(library: Library) -> None:
    material = Material("标题", "", "", (Reflection("题", "", "", ("正文",)),), ("缺少署名", "两个导语"))
    result = library.import_material(material, "x.txt")
    assert library.material(result.material_id).warnings == ("缺少署名", "两个导语")


def test_importing_the_same_page_again_does_not_make_a_second_copy(
    library: Library, library_file: Path, sample: Material
) -> None:
    assert library.find_duplicate(sample) is None
    first = library.import_material(sample, "page.txt")

    again = library.import_material(sample, "copy of page.txt")

    assert (again.material_id, again.created, again.reflection_count) == (first.material_id, False, 10)
    assert library.find_duplicate(sample) == first.material_id
    assert len(library.materials()) == 1
    assert _counts(library_file) == {"material": 1, "reflection": 10, "paragraph": 11}


def test_a_page_stored_meanwhile_by_another_window_is_recognised(
    library: Library, library_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_library(str(library_file)) as other_window:
        stored = other_window.import_material(page(1), "one.txt")
    # Our duplicate check ran before the other window's commit: it saw nothing.
    original = Library._existing
    calls: list[str] = []

    def blind_first_time(session, content_hash):
        calls.append(content_hash)
        return None if len(calls) == 1 else original(session, content_hash)

    monkeypatch.setattr(Library, "_existing", staticmethod(blind_first_time))

    result = library.import_material(page(1), "one.txt")

    assert (result.material_id, result.created) == (stored.material_id, False)
    assert len(calls) == 2  # it did try to insert, and recognised the copy afterwards
    assert _counts(library_file)["material"] == 1


def test_materials_are_listed_newest_first_with_reflection_counts(library: Library) -> None:
    ids = [library.import_material(page(n, reflections=n), f"{n}.txt").material_id for n in (1, 2, 3)]
    listed = library.materials()
    assert [m.id for m in listed] == ids[::-1]
    assert [m.reflection_count for m in listed] == [3, 2, 1]
    assert [m.source_name for m in listed] == ["3.txt", "2.txt", "1.txt"]


def test_a_material_without_reflections_is_listed_with_zero(library: Library) -> None:
    library.import_material(Material("只有导语", "", "导语", ()), "lead-only.txt")
    assert [m.reflection_count for m in library.materials()] == [0]


def test_reflection_summaries_newest_material_first_in_page_order(library: Library) -> None:
    first = library.import_material(page(1, reflections=2), "1.txt").material_id
    second = library.import_material(page(2, reflections=3), "2.txt").material_id

    everything = library.reflection_summaries()
    assert [(s.material_id, s.position) for s in everything] == [
        (second, 0), (second, 1), (second, 2), (first, 0), (first, 1),
    ]
    assert [s.title for s in library.reflection_summaries(first)] == ["心得 1-0", "心得 1-1"]
    assert library.reflection_summaries(999) == []


def test_is_empty(library: Library) -> None:
    assert library.is_empty()
    library.import_material(page(1), "1.txt")
    assert not library.is_empty()


def test_asking_for_what_is_not_there_is_one_clear_error(library: Library) -> None:
    with pytest.raises(LibraryError, match="There is no material 42") as caught:
        library.material(42)
    assert caught.value.code == "library-not-found"
    with pytest.raises(LibraryError, match="There is no reflection 42"):
        library.reflection(42)
    with pytest.raises(LibraryError, match="There is no material 42"):
        library.delete_material(42)


def test_deleting_a_material_deletes_its_reflections_and_paragraphs(
    library: Library, library_file: Path
) -> None:
    kept = library.import_material(page(1), "1.txt").material_id
    doomed = library.import_material(page(2), "2.txt").material_id
    doomed_reflection = library.reflection_summaries(doomed)[0].id

    library.delete_material(doomed)

    assert [m.id for m in library.materials()] == [kept]
    assert {s.material_id for s in library.reflection_summaries()} == {kept}
    with pytest.raises(LibraryError):
        library.reflection(doomed_reflection)
    assert _counts(library_file) == {"material": 1, "reflection": 2, "paragraph": 4}


# --- one import, one transaction ------------------------------------------------------------


def test_an_import_that_fails_midway_stores_nothing(library: Library, library_file: Path) -> None:
    library.import_material(page(1), "1.txt")
    before = table_rows(library_file)
    good = page(2, reflections=3)
    # The last paragraph of the last reflection breaks NOT NULL: the material and the
    # first reflections are already written in the transaction when it fails.
    broken_last = Reflection("坏的", "作者", "单位", ("好段落", None), "before")  # type: ignore[arg-type]
    bad = Material(good.headline, good.subtitle, good.lead, good.reflections + (broken_last,),
                   source_text="page 2 broken")

    with pytest.raises(LibraryError, match="nothing was imported"):
        library.import_material(bad, "2.txt")

    assert table_rows(library_file) == before
    assert library.find_duplicate(bad) is None
    assert library.import_material(good, "2.txt").created  # and the library still works


def test_a_disk_error_midway_stores_nothing_and_says_so(library: Library, library_file: Path) -> None:
    before = table_rows(library_file)
    seen: list[str] = []

    def fail_on_paragraphs(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(statement.split()[2] if statement.startswith("INSERT") else "")
        if statement.startswith("INSERT INTO paragraph"):
            raise sqlite3.OperationalError("disk I/O error")

    event.listen(library._engine, "before_cursor_execute", fail_on_paragraphs)
    try:
        with pytest.raises(LibraryError, match="cannot be read or written") as caught:
            library.import_material(page(1), "1.txt")
    finally:
        event.remove(library._engine, "before_cursor_execute", fail_on_paragraphs)

    assert caught.value.code == "library-io"
    assert "material" in seen and "reflection" in seen  # it did fail midway
    assert table_rows(library_file) == before
    assert library.is_empty()


# --- backups -------------------------------------------------------------------------------------


def test_backup_to_copies_what_is_still_in_the_wal(
    library: Library, library_file: Path, tmp_path: Path, sample: Material
) -> None:
    library.import_material(sample, "page.txt")
    wal = Path(str(library_file) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the rows are not in the main file yet
    copy = tmp_path / "copies" / "copy.sqlite3"
    copy.parent.mkdir()

    library.backup_to(copy)

    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite3"]
    assert table_rows(copy) == table_rows(library_file)
    with open_library(str(copy)) as restored:
        assert [m.headline for m in restored.materials()] == [sample.headline]


def test_backup_to_an_impossible_place_is_one_clear_error(library: Library, tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="could not be copied"):
        library.backup_to(tmp_path / "missing-folder" / "copy.sqlite3")


def test_an_import_waits_for_another_windows_write_instead_of_failing(
    library: Library, library_file: Path
) -> None:
    """Another window writes while this one imports: the import waits its turn.

    A deferred transaction would read (is the page already here?), then find the
    library changed under it when it comes to write, and fail with "database is
    locked" at once instead of waiting.
    """
    import threading
    import time

    other = sqlite3.connect(library_file, isolation_level=None, timeout=10)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE alembic_version SET version_num = version_num")
    outcome: dict[str, object] = {}

    def import_page() -> None:
        try:
            outcome["result"] = library.import_material(page(7), "page7.txt")
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            outcome["error"] = error

    worker = threading.Thread(target=import_page)
    worker.start()
    time.sleep(0.4)  # the import is now waiting for the other window's write lock
    other.execute("COMMIT")
    other.close()
    worker.join(timeout=30)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].created
    assert [m.headline for m in library.materials()] == [page(7).headline]
