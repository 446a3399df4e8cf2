"""Shared test set-up.

Every test runs offscreen (no display needed) and with ``STUDYNOTES_HOME`` pointing at a
fresh temporary folder, so no test ever reads or writes a real user's library, settings,
cache or logs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STUDYNOTES_LIBRARY", None)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def studynotes_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data/cache/log home for each test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("STUDYNOTES_HOME", str(home))
    monkeypatch.delenv("STUDYNOTES_LIBRARY", raising=False)
    return home


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The sample page shipped with the app (a copy of ../shared's seed)."""
    from desktop.resources import sample_page_path

    return sample_page_path()


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    """The seed's expected structure (../shared/fixtures/seed_expected.json)."""
    shared = SHARED / "fixtures" / "seed_expected.json"
    path = shared if shared.exists() else FIXTURES / "seed_expected.json"
    return json.loads(path.read_text(encoding="utf-8"))
