"""The frozen bundle and the .deb, built once per test run.

Building takes a minute or two, so the bundle is built once per session into dist/ (as
`make bundle` does) and reused when dist/ already holds a bundle of the current version
from the same run (``installer/bundle.py --reuse``); the .deb is built from it into a
temporary folder, gzip-compressed for speed (`make deb` uses xz: same contents).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from installer_helpers import INSTALLER, PROJECT, buildinfo


@pytest.fixture(scope="session")
def bundle() -> Path:
    """dist/studynotes/, built by installer/bundle.py (reused within a run)."""
    if not sys.platform.startswith("linux"):  # pragma: no cover - CI builds on Linux
        pytest.fail("The installer tests build the Linux bundle; run them on Linux.")
    result = subprocess.run([sys.executable, str(INSTALLER / "bundle.py"), "--reuse"],
                            cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, f"bundle build failed:\n{result.stdout}\n{result.stderr}"
    folder = buildinfo.bundle_dir()
    assert (folder / "studynotes").is_file()
    return folder


@dataclass(frozen=True)
class DebPackage:
    path: Path
    report: dict  # what build_deb.py wrote beside it: depends, glibc floor, sizes


@pytest.fixture(scope="session")
def deb_package(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> DebPackage:
    output = tmp_path_factory.mktemp("deb")
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "deb" / "build_deb.py"), "--bundle", str(bundle),
         "--output", str(output), "--work", str(output / "work"), "--compression", "gzip"],
        cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, f".deb build failed:\n{result.stdout}\n{result.stderr}"
    debs = sorted(output.glob("studynotes_*.deb"))
    assert len(debs) == 1, debs
    report = json.loads(debs[0].with_suffix(".json").read_text(encoding="utf-8"))
    return DebPackage(debs[0], report)


@pytest.fixture
def user_home(tmp_path: Path) -> Path:
    """A user's private STUDYNOTES_HOME for one run of the frozen app."""
    home = tmp_path / "user-home"
    home.mkdir()
    return home

