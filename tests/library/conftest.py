"""Fixtures for the library tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import make_libraries

from desktop.material import Material


@pytest.fixture
def sample() -> Material:
    """The sample page as the importer reads it."""
    return make_libraries.sample_material()


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    """Where a test's library goes (not created yet)."""
    return tmp_path / "library.sqlite3"
