"""Helpers of the installer tests: the project's build scripts and running the frozen app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
INSTALLER = PROJECT / "installer"
sys.path.insert(0, str(INSTALLER))

import buildinfo  # noqa: E402,F401  (installer/buildinfo.py, re-exported for the tests)


def run_frozen(executable: Path | str, *args: str, home: Path, timeout: float = 120,
               **env: str) -> subprocess.CompletedProcess[str]:
    """Run the frozen app the way a user's shell would: offscreen, private home, no venv."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"PYTHONPATH", "VIRTUAL_ENV", "STUDYNOTES_LIBRARY"}}
    environment.update({"STUDYNOTES_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                        "STUDYNOTES_LANG": "en", **env})
    return subprocess.run([str(executable), *args], capture_output=True, text=True,
                          timeout=timeout, env=environment, cwd=str(home))
