"""The frozen one-folder bundle works on its own, as it will on an office PC.

Every check runs the bundle's executables, not the checkout: outside the virtualenv, with
a private STUDYNOTES_HOME and offscreen Qt.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from installer_helpers import PROJECT, buildinfo, run_frozen

pytestmark = pytest.mark.slow

SAMPLE = Path("_internal") / "resources" / "samples" / "beijing_union_congress.txt"


def test_both_executables_report_the_version_of_pyproject(bundle: Path, user_home: Path) -> None:
    expected = f"studynotes {buildinfo.project_version()}"
    for name in ("studynotes", "studynotes-gui"):
        result = run_frozen(bundle / name, "--version", home=user_home)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == expected


def test_brief_of_the_bundled_sample_is_a_pdf_with_its_text(bundle: Path, user_home: Path) -> None:
    output = user_home / "brief.pdf"
    result = run_frozen(bundle / "studynotes", "brief", str(bundle / SAMPLE), "-o", str(output),
                        home=user_home)
    assert result.returncode == 0, result.stderr
    assert output.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "践行劳模精神劳动精神工匠精神" in text  # the sample's first reflection
    assert "王霞" in text


def test_screenshot_shows_the_window_with_the_sample(bundle: Path, user_home: Path) -> None:
    shot = user_home / "window.png"
    result = run_frozen(bundle / "studynotes", "--screenshot", str(shot), home=user_home)
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 800)
    # The first run imported the sample into the user's new library (through the bundle's
    # own SQLite: the library code needs 3.35+ for RETURNING).
    from desktop.library import open_library

    with open_library(str(user_home / "data" / "library.sqlite3")) as library:
        assert [m.headline for m in library.materials()] == ["新时代 新时期 新作为 新担当"]
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20  # text and panels, not an empty grey window


def test_keywords_use_the_prebuilt_jieba_cache(bundle: Path, user_home: Path) -> None:
    result = run_frozen(bundle / "studynotes", "suggest", str(bundle / SAMPLE), home=user_home)
    assert result.returncode == 0, result.stderr
    assert "践行劳模精神劳动精神工匠精神" in result.stdout
    # Nothing built or written per user: the cache shipped in the bundle was used.
    assert not (user_home / "cache" / "jieba").exists()
    assert result.stderr == ""


def test_bundle_carries_what_the_app_loads_as_files(bundle: Path) -> None:
    internal = bundle / "_internal"
    expected = [
        "resources/fonts/DroidSansFallbackFull.ttf",
        "resources/fonts/LICENSE-Apache-2.0.txt",
        "resources/i18n/studynotes_zh_CN.qm",
        "resources/samples/beijing_union_congress.txt",
        "resources/jieba/userdict.txt",
        "resources/icons/studynotes.png",
        "resources/licenses/components.json",
        "resources/licenses/LGPL-3.0.txt",
        "desktop/library/migrations/env.py",
        "desktop/library/migrations/script.py.mako",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "jieba/dict.txt",
    ]
    missing = [name for name in expected if not (internal / name).is_file()]
    assert missing == []
    versions = sorted(p.name for p in (internal / "desktop/library/migrations/versions").glob("*.py"))
    assert versions == sorted(p.name for p in (PROJECT / "desktop/library/migrations/versions").glob("*.py"))
    assert list((internal / "resources" / "jieba").glob("jieba-*.cache"))
    assert list(internal.glob("studynotes-*.dist-info"))


def test_bundle_leaves_out_what_the_app_does_not_use(bundle: Path) -> None:
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unused in ("QtNetwork.abi3.so", "QtQml.abi3.so", "QtQuick.abi3.so", "libQt6Network.so.6",
                   "libQt6Qml.so.6", "libQt6Quick.so.6", "libqgtk3.so", "libqvnc.so"):
        assert unused not in names
    assert not (internal / "PySide6" / "Qt" / "qml").exists()
    assert not (internal / "jieba" / "lac_small").exists()
    # Only the Chinese Qt catalogues, not 60 languages.
    translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert translations <= {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}
    assert "qtbase_zh_CN.qm" in translations
    # Desktop libraries come from the system (the .deb depends on them), not from the build PC.
    assert "libX11.so.6" not in names and "libstdc++.so.6" not in names
    assert shutil.which("objdump")


def test_bundle_has_no_broken_links(bundle: Path) -> None:
    broken = [str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert broken == []
