"""The brief's content read from the library: highlights, notes and 学习心得 as stored."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from desktop.anchoring import make_anchor
from desktop.brief_source import brief_content_for_material
from desktop.errors import LibraryError
from desktop.library import Library, open_library
from desktop.material import Material, Reflection

ORIGINAL = (
    "我们要把职工的冷暖放在心上，当好职工的娘家人。",
    "这是一段以后会被删除的句子。其余文字保持不变，继续推进服务。",
)
CORRECTED = (
    "我们要把职工的冷暖放在心上，当好职工的娘家人。",
    "其余文字保持不变，继续推进服务。",
)


def _material() -> Material:
    return Material(
        headline="学习大会精神",
        subtitle="基层工会干部谈体会",
        lead="编者按：大会闭幕以来，各级工会干部认真学习。",
        reflections=(
            Reflection("当好娘家人", "王霞", "某区总工会副主席", ORIGINAL, "before"),
            Reflection("做实服务", "陈亮", "某街道工会主席", ("作为基层工会工作者，我要做实做好各项服务工作。",), "before"),
        ),
        source_text="page\n" + "\n".join(ORIGINAL),
    )


def _mark(library: Library, reflection_id: int, words: str, category: str, comment: str = ""):
    paragraphs = library.reflection(reflection_id).paragraphs
    for number, text in enumerate(paragraphs):
        if words in text:
            start = text.index(words)
            anchor = make_anchor(paragraphs, number, start, start + len(words))
            return library.add_highlight(reflection_id, anchor, category, comment)
    raise AssertionError(f"{words} is not in reflection {reflection_id}")


@pytest.fixture
def library(tmp_path: Path):
    with open_library(str(tmp_path / "library.sqlite3")) as opened:
        yield opened


@pytest.fixture
def stored(library: Library) -> tuple[int, int, int]:
    material_id = library.import_material(_material(), "page.txt").material_id
    first, second = (s.id for s in library.reflection_summaries(material_id))
    return material_id, first, second


def test_highlights_notes_and_study_reflection_come_from_the_library(library: Library, stored) -> None:
    material_id, first, second = stored
    _mark(library, second, "做实做好各项服务工作", "commitment", "本月落实")
    _mark(library, first, "当好职工的娘家人", "quote")
    _mark(library, first, "把职工的冷暖放在心上", "commitment", "写进工作计划")
    _mark(library, first, "继续推进服务", "question", "如何推进？")
    library.set_note(first, "读后要和同事交流。")
    library.set_study_reflection(material_id, "通过学习，我深刻认识到……")

    content = brief_content_for_material(library, material_id, with_keywords=False)

    assert (content.headline, content.subtitle, content.lead) == (
        "学习大会精神", "基层工会干部谈体会", "编者按：大会闭幕以来，各级工会干部认真学习。")
    assert [r.title for r in content.reflections] == ["当好娘家人", "做实服务"]  # page order
    one, two = content.reflections
    assert (one.author, one.affiliation, one.paragraphs) == ("王霞", "某区总工会副主席", ORIGINAL)
    # In reading order, whatever order they were made in; each with its category and comment.
    assert [(h.category, h.text, h.comment) for h in one.highlights] == [
        ("commitment", "把职工的冷暖放在心上", "写进工作计划"),
        ("quote", "当好职工的娘家人", ""),
        ("question", "继续推进服务", "如何推进？"),
    ]
    for highlight in one.highlights:
        assert one.paragraphs[highlight.paragraph][highlight.start : highlight.end] == highlight.text
        assert not highlight.detached
    assert [(h.category, h.text, h.comment) for h in two.highlights] == [
        ("commitment", "做实做好各项服务工作", "本月落实")]
    assert one.note == "读后要和同事交流。" and two.note == ""
    assert content.study_reflection == "通过学习，我深刻认识到……"
    assert content.keywords == ()


def test_a_detached_highlight_is_listed_but_not_marked_in_the_text(library: Library, stored) -> None:
    from desktop.brief.marks import place_highlights

    material_id, first, _second = stored
    _mark(library, first, "这是一段以后会被删除的句子。", "quote", "删掉了？")
    _mark(library, first, "当好职工的娘家人", "commitment")
    assert [h.detached for h in library.update_reflection_text(first, CORRECTED)] == [True]

    content = brief_content_for_material(library, material_id, with_keywords=False)

    reflection = content.reflections[0]
    assert reflection.paragraphs == CORRECTED
    assert [(h.text, h.detached) for h in reflection.highlights] == [
        ("当好职工的娘家人", False), ("这是一段以后会被删除的句子。", True)]
    placed = {p.highlight.text: p for p in place_highlights(reflection, frozenset({"commitment", "quote"}), numbered=True)}
    assert placed["这是一段以后会被删除的句子。"].paragraph is None  # in the lists only
    assert placed["这是一段以后会被删除的句子。"].highlight.comment == "删掉了？"
    assert placed["当好职工的娘家人"].paragraph == 0


def test_keywords_are_the_material_s_own_words(library: Library, seed_path: Path) -> None:
    from desktop.importer import parse_file

    material_id = library.import_material(parse_file(seed_path), seed_path.name).material_id
    content = brief_content_for_material(library, material_id)

    text = "\n".join([content.headline, content.subtitle, content.lead]
                     + [p for r in content.reflections for p in (r.title, *r.paragraphs)])
    assert 1 <= len(content.keywords) <= 10
    assert all(word in text for word, _ in content.keywords)
    weights = [weight for _, weight in content.keywords]
    assert weights == sorted(weights, reverse=True) and weights[-1] > 0


def test_an_unknown_material_is_a_library_error(library: Library, stored) -> None:
    with pytest.raises(LibraryError):
        brief_content_for_material(library, stored[0] + 100, with_keywords=False)


def test_the_brief_command_prints_a_stored_comment_verbatim(tmp_path: Path, seed_path: Path, capsys) -> None:
    from desktop.cli import main
    from desktop.importer import parse_file

    location = str(tmp_path / "library.sqlite3")
    comment = "核对<b>&台账"
    with open_library(location) as library:
        material_id = library.import_material(parse_file(seed_path), seed_path.name).material_id
        first = library.reflection_summaries(material_id)[0].id
        words = library.reflection(first).paragraphs[0][:12]
        _mark(library, first, words, "commitment", comment)
        library.set_study_reflection(material_id, "学习心得：知行合一")

    out = tmp_path / "brief.pdf"
    code = main(["--library", location, "brief", "--material", str(material_id), "-o", str(out)])

    assert code == 0, capsys.readouterr().err
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    assert comment in text
    assert "学习心得：知行合一" in text
