"""The input values: cheap to import, filled from a freshly imported material."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from desktop.brief import BriefOptions, CoverInfo, content_from_material
from desktop.material import Material, Reflection


def test_importing_the_package_does_not_load_reportlab():
    code = "import sys, desktop.brief; print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PySide6')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_content_from_a_material_has_no_highlights_or_notes(seed_expected):
    material = Material(
        headline=seed_expected["headline"],
        subtitle=seed_expected["subtitle"],
        lead=seed_expected["lead"],
        reflections=tuple(
            Reflection(r["title"], r["author"], r["affiliation"], tuple(r["paragraphs"])) for r in seed_expected["reflections"]
        ),
    )
    content = content_from_material(material)
    assert content.headline == material.headline and content.lead == material.lead
    assert [r.title for r in content.reflections] == [r.title for r in material.reflections]
    assert [r.paragraphs for r in content.reflections] == [r.paragraphs for r in material.reflections]
    assert all(r.highlights == () and r.note == "" for r in content.reflections)
    assert content.study_reflection == "" and content.keywords == ()


def test_defaults_include_everything_and_the_date_reads_the_chinese_way():
    options = BriefOptions()
    assert options.categories == {"commitment", "quote", "question"}
    assert options.include_full_text and not options.gongwen and options.font_path is None
    assert CoverInfo(date=dt.date(2024, 5, 8)).date_text == "2024年5月8日"
    assert CoverInfo(date="五月八日").date_text == "五月八日"
