"""Searching the whole library: Chinese words of any length, AND, ranking, snippets,
places to open, and an index that follows every write.

Most tests run twice: on a library with the FTS5 index and on one made where FTS5 is
"unavailable" (the portable LIKE engine, as on PostgreSQL); both must find the same.
What a reflection "should" match is worked out from the texts with plain substring
tests (:func:`_containing`), never typed in by hand.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from library_helpers import fixture_library
from sqlalchemy import create_engine

from desktop.anchoring import make_anchor
from desktop.errors import LibraryError
from desktop.library import Library, open_library, search, search_sqlite
from desktop.material import Material, Reflection
from desktop.search_results import SearchHit, SearchResults, hit_ranges

BACKENDS = ("fts5", "portable")


def _library_at(path: Path, backend: str) -> Library:
    """Open (create) a library; "portable" as made by an SQLite without FTS5."""
    if backend == "fts5":
        return open_library(str(path))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_sqlite, "fts5_available", lambda connection: False)
        return open_library(str(path))


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def library(library_file: Path, backend: str):
    with _library_at(library_file, backend) as opened:
        yield opened


@pytest.fixture
def stored(library: Library, sample: Material) -> dict[int, Reflection]:
    """The sample page in the library: reflection id -> the reflection as imported."""
    material_id = library.import_material(sample, "beijing_union_congress.txt").material_id
    ids = [summary.id for summary in library.reflection_summaries(material_id)]
    return dict(zip(ids, sample.reflections))


def _page(source: str, *reflections: Reflection) -> Material:
    """A small material of its own (``source`` makes its content hash)."""
    return Material("标题", "", "", reflections, source_text=source)


def _reflection(title: str, body: str, author: str = "作者", affiliation: str = "单位") -> Reflection:
    return Reflection(title, author, affiliation, (body,), "before")


def _texts(reflection: Reflection) -> list[str]:
    return [reflection.title, reflection.author, reflection.affiliation, *reflection.paragraphs]


def _containing(stored: dict[int, Reflection], *terms: str) -> set[int]:
    """The oracle: reflections with every term somewhere in their texts."""
    return {
        reflection_id
        for reflection_id, reflection in stored.items()
        if all(any(term in text for text in _texts(reflection)) for term in terms)
    }


def _ids(results: SearchResults) -> list[int]:
    return [hit.reflection_id for hit in results.hits]


def _text_at(library: Library, hit: SearchHit) -> str:
    """The text a hit's place points into, read back through the library's API."""
    place = hit.place
    reflection = library.reflection(hit.reflection_id)
    if place.field == "body":
        return reflection.paragraphs[place.paragraph]
    if place.field == "note":
        return library.note(hit.reflection_id)
    if place.field == "comment":
        [highlight] = [h for h in library.highlights(hit.reflection_id) if h.id == place.highlight_id]
        return highlight.comment
    return getattr(reflection, place.field)


def _fts_rows(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT count(*) FROM {search_sqlite.FTS_TABLE}").fetchone()[0]
    finally:
        connection.close()


# --- what is found ----------------------------------------------------------------------------


def test_the_library_uses_the_engine_it_was_made_with(library: Library, stored, backend: str) -> None:
    assert library.search("工会").backend == backend


@pytest.mark.parametrize("word", ["工会", "职工", "娘家"])
def test_a_two_character_word_finds_every_reflection_containing_it(
    library: Library, stored, word: str
) -> None:
    results = library.search(word)

    expected = _containing(stored, word)
    assert expected  # the sample does contain the word
    assert set(_ids(results)) == expected
    assert results.total == len(expected)
    assert results.terms == (word,)


@pytest.mark.parametrize("character", ["娘", "会", "霞"])
def test_a_one_character_search_finds_every_reflection_containing_it(
    library: Library, stored, character: str
) -> None:
    results = library.search(character)

    expected = _containing(stored, character)
    assert expected and set(_ids(results)) == expected
    assert results.total == len(expected)


def test_an_author_is_found_by_name(library: Library, stored) -> None:
    [by_chen] = [rid for rid, r in stored.items() if r.author == "陈亮"]

    results = library.search("陈亮")

    assert _ids(results) == [by_chen]
    [hit] = results.hits
    place = hit.place
    assert (place.field, place.paragraph, place.start, place.end) == ("author", None, 0, 2)
    assert hit.heading_hit
    assert (hit.title, hit.author) == (stored[by_chen].title, "陈亮")


def test_a_place_is_found_in_the_affiliation(library: Library, stored) -> None:
    results = library.search("密云")

    assert set(_ids(results)) == _containing(stored, "密云")
    hit = results.hits[0]
    assert stored[hit.reflection_id].affiliation.startswith("密云")
    assert hit.place.field == "affiliation"
    assert _text_at(library, hit)[hit.place.start : hit.place.end] == "密云"


def test_several_words_must_all_be_there(library: Library, stored) -> None:
    both = library.search("职工 娘家人")
    one_is_missing = library.search("密云 陈亮")

    assert set(_ids(both)) == _containing(stored, "职工", "娘家人")
    assert set(_ids(both)) < _containing(stored, "职工")
    assert _containing(stored, "密云") and _containing(stored, "陈亮")
    assert set(_ids(one_is_missing)) == _containing(stored, "密云", "陈亮") == set()
    assert one_is_missing.total == 0


def test_words_may_be_in_different_texts_of_the_reflection(library: Library, stored) -> None:
    [by_chen] = [rid for rid, r in stored.items() if r.author == "陈亮"]
    heading, body = _texts(stored[by_chen])[:3], stored[by_chen].paragraphs
    assert "社会工作者" in body[0] and not any("社会工作者" in t for t in heading)

    assert _ids(library.search("陈亮 社会工作者")) == [by_chen]


def test_a_word_that_is_nowhere_finds_nothing(library: Library, stored) -> None:
    results = library.search("量子计算")

    assert (results.hits, results.total, results.truncated) == ((), 0, False)


def test_punctuation_and_spaces_only_separate_words(library: Library, stored) -> None:
    plain = library.search("娘家人")

    assert _ids(library.search("“娘家人”")) == _ids(plain)
    assert library.search("  职工，娘家人。 ").terms == ("职工", "娘家人")
    assert library.search("，。“”").hits == () and library.search("").total == 0


def test_ascii_letters_match_in_either_case(library: Library) -> None:
    library.import_material(_page("wifi", _reflection("学用WiFi", "推广APP应用。")), "wifi.txt")

    assert library.search("wifi").total == 1
    assert library.search("app 应用").total == 1
    hit = library.search("WIFI").hits[0]
    assert hit.title[hit.place.start : hit.place.end] == "WiFi"


def test_the_list_is_limited_and_says_how_many_there_are(library: Library, stored) -> None:
    everything = library.search("会")
    first_three = library.search("会", limit=3)

    assert everything.total == len(stored) and not everything.truncated
    assert len(first_three.hits) == 3
    assert first_three.total == len(stored) and first_three.truncated
    assert _ids(first_three) == _ids(everything)[:3]
    with pytest.raises(ValueError):
        library.search("会", limit=0)


# --- ranking ----------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["娘家", "职工", "精神"])
def test_hits_in_title_or_byline_come_before_hits_in_the_body(
    library: Library, stored, word: str
) -> None:
    results = library.search(word)

    flags = [hit.heading_hit for hit in results.hits]
    in_heading = {rid for rid, r in stored.items() if any(word in t for t in _texts(r)[:3])}
    assert flags == sorted(flags, reverse=True)
    assert {hit.reflection_id for hit in results.hits if hit.heading_hit} == in_heading
    assert 0 < len(in_heading) < len(results.hits)  # both kinds are there


def test_more_hits_rank_higher(library: Library) -> None:
    # Same length, same heading, so only the number of hits differs.
    bodies = ("职工职工职工，学习学习。", "职工学习学习，学习学习。", "学习职工职工，学习学习。")
    reflections = (_reflection(f"第{n}篇", body) for n, body in enumerate(bodies))
    library.import_material(_page("ranking", *reflections), "ranking.txt")

    results = library.search("职工")

    assert [hit.title for hit in results.hits] == ["第0篇", "第2篇", "第1篇"]
    assert [hit.hit_count for hit in results.hits] == [3, 2, 1]


def test_ties_keep_the_library_panel_order(library: Library) -> None:
    for number in (1, 2):
        same = (_reflection(f"心得{n}", "同样的正文。") for n in range(3))
        library.import_material(_page(f"tie {number}", *same), f"{number}.txt")
    panel = [summary.id for summary in library.reflection_summaries()]

    assert _ids(library.search("正文")) == panel


# --- snippets and places ---------------------------------------------------------------------


def test_every_hit_says_where_to_open_it(library: Library, stored) -> None:
    for query in ("工会", "娘家人", "陈亮", "密云 工会", "社会工作者"):
        results = library.search(query)
        assert results.hits
        for hit in results.hits:
            text = _text_at(library, hit)
            assert text[hit.place.start : hit.place.end] in results.terms
            # The first hit in reading order: heading, then the paragraphs in turn.
            r = stored[hit.reflection_id]
            reading = [("title", None, r.title), ("author", None, r.author)]
            reading += [("affiliation", None, r.affiliation)]
            reading += [("body", index, paragraph) for index, paragraph in enumerate(r.paragraphs)]
            field, paragraph, first = next(x for x in reading if hit_ranges(x[2], results.terms))
            assert (hit.place.field, hit.place.paragraph) == (field, paragraph)
            assert (hit.place.start, hit.place.end) == hit_ranges(first, results.terms)[0]
            assert hit.heading_hit == (field != "body")


def test_the_hit_count_counts_every_text(library: Library, stored) -> None:
    results = library.search("职工 工会")

    for hit in results.hits:
        texts = _texts(stored[hit.reflection_id])
        assert hit.hit_count == sum(len(hit_ranges(t, ("职工", "工会"))) for t in texts)


def test_the_snippet_marks_the_hits(library: Library, stored) -> None:
    results = library.search("职工 娘家人")

    assert results.hits
    for hit in results.hits:
        snippet = hit.snippet
        assert hit.marks and len(snippet) <= search.SNIPPET_WIDTH + 2
        assert snippet.strip(search.ELLIPSIS) in _text_at(library, hit)
        for start, end in hit.marks:
            marked = snippet[start:end]
            cut = start == 1 or end == len(snippet) - 1  # a hit only partly inside the snippet
            assert marked in results.terms or (cut and any(marked in term for term in results.terms))
        # Every occurrence shown is marked.
        for start, end in hit_ranges(snippet, results.terms):
            assert any(mark_start <= start and end <= mark_end for mark_start, mark_end in hit.marks)


def test_a_snippet_is_plain_text_not_markup(library: Library) -> None:
    body = "要把<b>职工</b>的冷暖 & “困难” 放在心上\n第二行也有职工。"
    library.import_material(_page("markup", _reflection("题目", body)), "markup.txt")

    [hit] = library.search("职工").hits

    assert hit.snippet == body.replace("\n", " ")  # as stored: no markup added, none escaped
    assert [hit.snippet[start:end] for start, end in hit.marks] == ["职工", "职工"]


def test_a_long_text_is_cut_around_the_hit(library: Library) -> None:
    body = "前" * 100 + "娘家人" + "后" * 100
    library.import_material(_page("long", _reflection("题目", body)), "long.txt")

    [hit] = library.search("娘家人").hits

    assert hit.snippet.startswith(search.ELLIPSIS) and hit.snippet.endswith(search.ELLIPSIS)
    assert len(hit.snippet) == search.SNIPPET_WIDTH + 2
    [(start, end)] = hit.marks
    assert hit.snippet[start:end] == "娘家人" and start == search.SNIPPET_BEFORE + 1
    assert (hit.place.start, hit.place.end) == (100, 103)


# --- the index follows every write ----------------------------------------------------------


def test_an_imported_page_is_found_at_once(library: Library, stored, sample: Material) -> None:
    assert library.search("琉璃厂").total == 0
    extra = _page("extra", _reflection("走进琉璃厂", "参观琉璃厂。", "新作者", "西城区总工会"))

    library.import_material(extra, "extra.txt")

    results = library.search("琉璃厂")
    assert results.total == 1 and results.hits[0].hit_count == 2
    assert library.search("工会").total == len(_containing(stored, "工会")) + 1


def test_a_deleted_material_is_no_longer_found(
    library: Library, library_file: Path, stored, backend: str
) -> None:
    other = library.import_material(
        _page("other", _reflection("另一篇", "职工之家。", "某人", "某工会")), "other.txt"
    )
    material_id = library.reflection(next(iter(stored))).material_id

    library.delete_material(material_id)

    assert library.search("陈亮").total == 0
    assert [hit.title for hit in library.search("工会").hits] == ["另一篇"]
    if backend == "fts5":
        assert _fts_rows(library_file) == 1  # the deleted reflections left the index
    library.delete_material(other.material_id)
    assert library.search("工会").total == 0


def test_a_note_is_found_and_follows_its_edits(library: Library, stored) -> None:
    reflection_id = next(iter(stored))

    note = "读后感：要学习琉璃厂的做法"
    library.set_note(reflection_id, note)
    [hit] = library.search("琉璃厂").hits
    assert (hit.reflection_id, hit.place.field) == (reflection_id, "note")
    assert hit.place.start == note.index("琉璃厂")
    assert _text_at(library, hit)[hit.place.start : hit.place.end] == "琉璃厂"

    library.set_note(reflection_id, "改成了潘家园")
    assert library.search("琉璃厂").total == 0
    assert _ids(library.search("潘家园")) == [reflection_id]

    library.set_note(reflection_id, "  ")  # blank deletes the note
    assert library.search("潘家园").total == 0


def test_a_highlight_comment_is_found_and_follows_its_edits(library: Library, stored) -> None:
    reflection_id, reflection = next(iter(stored.items()))
    paragraphs = library.reflection(reflection_id).paragraphs
    start = paragraphs[0].index("工会")
    anchor = make_anchor(paragraphs, 0, start, start + 2)

    highlight = library.add_highlight(reflection_id, anchor, "question", "这里的琉璃厂指什么？")
    [hit] = library.search("琉璃厂").hits
    place = hit.place
    assert (place.field, place.paragraph, place.highlight_id) == ("comment", 0, highlight.id)
    assert _text_at(library, hit)[hit.place.start : hit.place.end] == "琉璃厂"

    library.update_highlight(highlight.id, comment="改问潘家园")
    assert library.search("琉璃厂").total == 0
    assert library.search("潘家园").hits[0].place.highlight_id == highlight.id

    removed = library.remove_highlight(highlight.id)
    assert library.search("潘家园").total == 0
    library.restore_highlight(removed)  # undo
    assert library.search("潘家园").total == 1


def test_a_corrected_text_is_found_as_corrected(library: Library, stored) -> None:
    [by_chen] = [rid for rid, r in stored.items() if r.author == "陈亮"]
    old = library.reflection(by_chen).paragraphs
    assert by_chen in _ids(library.search("社会工作者"))

    library.update_reflection_text(by_chen, [old[0].replace("社会工作者", "琉璃厂"), *old[1:]])

    assert by_chen not in _ids(library.search("社会工作者"))
    assert _ids(library.search("琉璃厂")) == [by_chen]


def test_a_failed_write_leaves_the_index_as_it_was(library: Library, stored) -> None:
    broken = Material(
        "坏的", "", "",
        (_reflection("琉璃厂", "正文"),
         Reflection("坏", "某人", "某单位", ("正文",), "nowhere")),  # breaks a CHECK constraint
        source_text="broken page",
    )
    with pytest.raises(LibraryError):
        library.import_material(broken, "broken.txt")

    assert library.search("琉璃厂").total == 0
    assert library.search("工会").total == len(_containing(stored, "工会"))


# --- the two engines agree -------------------------------------------------------------------


QUERIES = (
    "工会", "职工", "娘家", "会", "娘", "陈亮", "密云", "职工 娘家人", "工匠精神", "精神 服务 职工", "量子",
)


def test_the_portable_engine_finds_what_the_index_finds(tmp_path: Path, sample: Material) -> None:
    found = {}
    for backend in BACKENDS:
        with _library_at(tmp_path / f"{backend}.sqlite3", backend) as library:
            library.import_material(sample, "page.txt")
            first = library.reflection_summaries()[0].id
            library.set_note(first, "笔记：服务职工")
            paragraphs = library.reflection(first).paragraphs
            anchor = make_anchor(paragraphs, 0, 0, 4)
            library.add_highlight(first, anchor, "quote", "娘家人的精神")
            found[backend] = {}
            for query in QUERIES:
                results = library.search(query)
                assert results.backend == backend
                found[backend][query] = (
                    results.total,
                    sorted((h.reflection_id, h.heading_hit, h.hit_count, h.place, h.snippet, h.marks)
                           for h in results.hits),
                    [h.heading_hit for h in results.hits],
                )
    for query in QUERIES:
        assert found["fts5"][query] == found["portable"][query], query
    assert any(found["fts5"][q][0] for q in QUERIES) and not found["fts5"]["量子"][0]


# --- upgrading, and the index's own consistency -----------------------------------------------


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_an_upgraded_library_gets_its_index_built(
    revision: str, library_file: Path, sample: Material
) -> None:
    shutil.copy(fixture_library(revision), library_file)

    with open_library(str(library_file)) as library:
        results = library.search("娘家")
        assert results.backend == "fts5"
        stored = dict(zip((s.id for s in library.reflection_summaries()), sample.reflections))
        assert set(_ids(results)) == _containing(stored, "娘家")
        by_chen = [rid for rid, r in stored.items() if r.author == "陈亮"]
        assert _ids(library.search("陈亮")) == by_chen
        if revision == "0002":  # its note and its highlight comment are searchable too
            note = library.search("要点").hits[0]
            comment = library.search("好句子").hits[0]
            assert note.place.field == "note"
            assert (comment.place.field, comment.place.highlight_id) == ("comment", 2)
    assert _fts_rows(library_file) == len(sample.reflections)


def test_the_index_after_many_writes_equals_one_built_from_scratch(
    library_file: Path, sample: Material
) -> None:
    with _library_at(library_file, "fts5") as library:
        material_id = library.import_material(sample, "page.txt").material_id
        ids = [s.id for s in library.reflection_summaries(material_id)]
        library.set_note(ids[0], "笔记一")
        library.set_note(ids[1], "笔记二")
        library.set_note(ids[1], "")
        paragraphs = library.reflection(ids[2]).paragraphs
        library.add_highlight(ids[2], make_anchor(paragraphs, 0, 0, 4), "quote", "评论")
        library.update_reflection_text(ids[3], ["改过的正文。"])
        library.import_material(_page("2", _reflection("题", "文")), "2.txt")
    incremental = _index_content(library_file)

    engine = create_engine(f"sqlite:///{library_file}")
    try:
        with engine.begin() as connection:
            search_sqlite.rebuild(connection)
    finally:
        engine.dispose()

    assert _index_content(library_file) == incremental
    assert len(incremental) == len(sample.reflections) + 1


def _index_content(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        fts, pending = search_sqlite.FTS_TABLE, search_sqlite.PENDING_TABLE
        assert connection.execute(f"SELECT count(*) FROM {pending}").fetchone()[0] == 0
        # FTS5's own check that its index matches the text it stores.
        connection.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
        return connection.execute(f"SELECT rowid, heading, body FROM {fts} ORDER BY rowid").fetchall()
    finally:
        connection.close()


def test_the_triggers_that_keep_the_index_current_exist(library_file: Path) -> None:
    """A later batch migration recreating a table would drop its triggers: caught here."""
    open_library(str(library_file)).close()
    connection = sqlite3.connect(library_file)
    try:
        found = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in found}
    finally:
        connection.close()
    assert set(search_sqlite.trigger_names()) <= triggers


def test_a_library_without_fts5_has_no_index_and_still_stores(
    library_file: Path, sample: Material
) -> None:
    with _library_at(library_file, "portable") as library:
        library.import_material(sample, "page.txt")
        library.set_note(library.reflection_summaries()[0].id, "笔记")
        assert library.search("笔记").total == 1
    connection = sqlite3.connect(library_file)
    try:
        names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert not any(search_sqlite.is_index_table(name) for name in names)
    assert not names & set(search_sqlite.trigger_names())


def test_fts5_with_the_trigram_tokenizer_is_available_here(library_file: Path) -> None:
    """The index is the normal case; CI must not silently test only the fallback."""
    with open_library(str(library_file)) as library:
        assert library.search("工会").backend == "fts5"
