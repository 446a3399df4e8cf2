"""``studynotes brief``: headless, no Qt, from a page file, a material JSON or the library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def studynotes(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "desktop", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )


def imported(stderr: str) -> set[str]:
    """Top-level packages imported, from -X importtime's report."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def test_brief_of_a_page_file_without_qt(tmp_path, seed_path, seed_expected):
    out = tmp_path / "brief.pdf"
    done = studynotes("brief", str(seed_path), "-o", str(out), "--name", "李明", "--unit", "朝阳区总工会")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Wrote the brief" in done.stdout and "pages" in done.stdout
    modules = imported(done.stderr)
    assert "reportlab" in modules
    assert "PySide6" not in modules and "shiboken6" not in modules
    text = pdf_text(out)
    for reflection in seed_expected["reflections"]:
        assert reflection["author"] in text
    assert "李明" in text and "朝阳区总工会" in text
    assert pypdf.PdfReader(str(out)).metadata.creator == "学习札记 Study Notes"


def test_handout_in_the_official_layout_from_a_material_json(tmp_path, seed_expected):
    material = tmp_path / "material.json"
    material.write_text(json.dumps(seed_expected, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "handout.pdf"
    done = studynotes("brief", str(material), "-o", str(out), "--handout", "--gongwen")
    assert done.returncode == 0, done.stderr[-2000:]
    reader = pypdf.PdfReader(str(out))
    assert "—1—" in "".join(reader.pages[0].extract_text().split())
    assert "培训讲义" in reader.metadata.title
    assert "PySide6" not in imported(done.stderr)


def test_brief_of_a_material_in_the_library(tmp_path, seed_path, seed_expected):
    from desktop.importer import parse_file
    from desktop.library import open_library

    location = str(tmp_path / "library.sqlite3")
    with open_library(location) as library:
        material_id = library.import_material(parse_file(seed_path), "seed.txt").material_id
    out = tmp_path / "brief.pdf"
    done = studynotes("--library", location, "brief", "--material", str(material_id), "-o", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    text = pdf_text(out)
    assert seed_expected["headline"].split()[0] in text
    for reflection in seed_expected["reflections"]:
        assert reflection["author"] in text
    assert "PySide6" not in imported(done.stderr)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-o", "{tmp}/no/such/folder/b.pdf"], "does not exist"),
        (["-o", "{tmp}/b.pdf", "--categories", "commitment,opinion"], "Unknown highlight category opinion"),
        (["-o", "{tmp}/b.pdf", "--font", "{tmp}/missing.ttf"], "does not exist"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(tmp_path, seed_expected, extra, message):
    material = tmp_path / "m.json"
    material.write_text(json.dumps(seed_expected, ensure_ascii=False), encoding="utf-8")
    done = studynotes("brief", str(material), *[part.format(tmp=tmp_path) for part in extra])
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("studynotes: error:")]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_unknown_material_and_missing_library(tmp_path, seed_path):
    from desktop.importer import parse_file
    from desktop.library import open_library

    missing = studynotes("--library", str(tmp_path / "none.sqlite3"), "brief", "--material", "1", "-o", str(tmp_path / "b.pdf"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    location = str(tmp_path / "library.sqlite3")
    with open_library(location) as library:
        library.import_material(parse_file(seed_path), "seed.txt")
    unknown = studynotes("--library", location, "brief", "--material", "999", "-o", str(tmp_path / "b.pdf"))
    assert unknown.returncode == 2 and "studynotes: error:" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_not_a_material_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": 1}', encoding="utf-8")
    done = studynotes("brief", str(bad), "-o", str(tmp_path / "b.pdf"))
    assert done.returncode == 2 and "is not a material in JSON" in done.stderr
