"""Seed content with highlights and notes, and PDFs built once per module for checking."""

from __future__ import annotations

from pathlib import Path

import pytest
from brief_fixtures import make_seed_content

from desktop.brief import BriefContent, BriefOptions, CoverInfo


@pytest.fixture(scope="session")
def seed_content(seed_expected: dict) -> BriefContent:
    return make_seed_content(seed_expected)


@pytest.fixture(scope="session")
def cover() -> CoverInfo:
    return CoverInfo(topic="学习北京工会十四大精神", unit="朝阳区总工会", name="李明", date="2024年5月20日")


@pytest.fixture(scope="module")
def brief_pdf(tmp_path_factory: pytest.TempPathFactory, seed_content: BriefContent, cover: CoverInfo):
    from desktop.brief import build_study_brief

    out = tmp_path_factory.mktemp("brief") / "brief.pdf"
    result = build_study_brief(seed_content, cover, BriefOptions(), out)
    return result


@pytest.fixture(scope="module")
def handout_pdf(tmp_path_factory: pytest.TempPathFactory, seed_content: BriefContent):
    from desktop.brief import build_handout

    out = tmp_path_factory.mktemp("handout") / "handout.pdf"
    return build_handout(seed_content, BriefOptions(), out)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
