"""Build the one-folder bundle dist/studynotes/ with PyInstaller (``make bundle``).

    .venv/bin/python installer/bundle.py [--reuse]

Steps: write the Windows version resource from pyproject's version, prebuild jieba's
dictionary cache (so the first keyword suggestion on an office PC does not spend a
second building it, and nothing is written beside the program), run PyInstaller on
installer/studynotes.spec, then check and report what came out. ``--reuse`` keeps an
existing bundle built from exactly the same inputs (sources, resources, spec, Python and
package versions; the tests use it so one run builds once).
Works on Linux and Windows (installer/windows/build.ps1 calls it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import buildinfo  # noqa: E402  (a script beside this one, not a package)

SPEC = buildinfo.PROJECT / "installer" / "studynotes.spec"
STAMP_NAME = ".studynotes-bundle-version"


def prebuild_jieba_cache(folder: Path) -> Path:
    """Build jieba's prefix-dictionary cache as :mod:`desktop.segmenter` names it.

    jieba trusts a cache of its default dictionary without checking dates, so the file
    built here, with the Python the bundle carries (marshal format), is used as is.
    """
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"jieba-{jieba.__version__}.cache"
    if target.is_file() and target.stat().st_size > 1_000_000:
        return target
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(folder)
    tokenizer.cache_file = target.name
    jieba.setLogLevel(30)
    tokenizer.initialize()
    if not target.is_file():
        raise SystemExit(f"jieba did not write its cache {target}")
    return target


def executable(name: str) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return buildinfo.bundle_dir() / f"{name}{suffix}"


INPUTS = ("desktop", "resources", "installer/studynotes.spec", "installer/launchers",
          "installer/buildinfo.py", "installer/bundle.py", "pyproject.toml")
TOOLS = ("pyinstaller", "PySide6-Essentials", "SQLAlchemy", "alembic", "jieba", "reportlab")


def inputs_digest(version: str) -> str:
    """A fingerprint of everything the bundle is built from."""
    import hashlib
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    digest = hashlib.sha256(f"{version}|{sys.version}".encode())
    for name in TOOLS:
        try:
            digest.update(f"{name}={installed(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    for entry in INPUTS:
        path = buildinfo.PROJECT / entry
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(file.relative_to(buildinfo.PROJECT).as_posix().encode())
            digest.update(file.read_bytes())
    return f"{version} {digest.hexdigest()}"


def is_current(stamp_text: str) -> bool:
    stamp = buildinfo.bundle_dir() / STAMP_NAME
    return (executable("studynotes").is_file() and stamp.is_file()
            and stamp.read_text(encoding="utf-8").strip() == stamp_text)


def build(version: str, stamp_text: str) -> float:
    work = buildinfo.BUILD
    jieba_cache = prebuild_jieba_cache(work / "jieba")
    for name in ("studynotes", "studynotes-gui"):
        buildinfo.write_windows_version_file(work / f"version-{name}.txt", version, name)
    env = dict(os.environ, STUDYNOTES_BUILD_DIR=str(work), STUDYNOTES_JIEBA_CACHE=str(jieba_cache),
               STUDYNOTES_VERSION=version)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(buildinfo.DIST), "--workpath", str(work / "pyinstaller"), str(SPEC)],
        cwd=buildinfo.PROJECT, env=env, check=True)
    elapsed = time.perf_counter() - start
    (buildinfo.bundle_dir() / STAMP_NAME).write_text(stamp_text + "\n", encoding="utf-8")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/studynotes/ with PyInstaller.")
    parser.add_argument("--reuse", action="store_true",
                        help="keep an existing bundle of the same version")
    args = parser.parse_args(argv)
    version = buildinfo.project_version()
    stamp_text = inputs_digest(version)
    if args.reuse and is_current(stamp_text):
        print(f"bundle: reusing {buildinfo.bundle_dir()} ({version}, same inputs)")
        return 0
    elapsed = build(version, stamp_text)
    for name in ("studynotes", "studynotes-gui"):
        if not executable(name).is_file():
            raise SystemExit(f"PyInstaller did not produce {executable(name)}")
    size = buildinfo.folder_size(buildinfo.bundle_dir())
    print(f"bundle: {buildinfo.bundle_dir()}  version {version}  {buildinfo.megabytes(size)}  "
          f"built in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
