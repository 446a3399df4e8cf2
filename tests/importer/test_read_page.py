"""Reading a page file: one clear message for each way a file can be unusable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import desktop.importer as importer
from desktop.errors import InputError
from desktop.importer import MAX_PAGE_BYTES, parse_file, read_page


def refusal(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_page(path)
    error = caught.value
    assert "\n" not in error.message and error.message.endswith(".")
    return error


def test_missing_file(tmp_path: Path) -> None:
    error = refusal(tmp_path / "nowhere.txt")
    assert error.code == "input-unreadable"
    assert "does not exist" in error.message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    assert refusal(tmp_path).code == "input-unreadable"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "locked.txt"
    page.write_text("工会", encoding="utf-8")

    def denied(self: Path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    # Simulated: permissions are not enforced for every user (root, Windows admins).
    monkeypatch.setattr(Path, "open", denied)
    error = refusal(page)
    assert error.code == "input-unreadable"
    assert "Permission denied" in error.message


def test_binary_file_names_the_file(tmp_path: Path) -> None:
    page = tmp_path / "scan.pdf"
    page.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00")
    error = refusal(page)
    assert error.code == "input-binary"
    assert error.message.startswith("scan.pdf: ")


def test_empty_file(tmp_path: Path) -> None:
    page = tmp_path / "empty.txt"
    page.write_bytes(b"")
    assert refusal(page).code == "input-empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    page = tmp_path / "blank.txt"
    page.write_text("  \n\u3000\n\t\n", encoding="utf-8")
    assert refusal(page).code == "input-empty"


def test_too_large_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_PAGE_BYTES", 1000)
    page = tmp_path / "big.txt"
    page.write_text("工会" * 1000, encoding="utf-8")
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    error = refusal(page)
    assert error.code == "input-too-large"
    assert page not in opened


def test_the_limit_is_sane() -> None:
    assert 100_000 <= MAX_PAGE_BYTES <= 64 * 1024 * 1024


def test_parse_file_sets_the_source_text(seed_path: Path) -> None:
    material = parse_file(seed_path)
    assert material.source_text == seed_path.read_text(encoding="utf-8")


def test_importing_and_parsing_loads_nothing_heavy(seed_path: Path) -> None:
    code = (
        "import sys\n"
        "from desktop.importer import parse_file\n"
        f"parse_file({str(seed_path)!r})\n"
        "import desktop.commands.parse\n"
        "heavy = [m for m in ('PySide6', 'jieba', 'reportlab', 'sqlalchemy', 'charset_normalizer', 'scipy')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
