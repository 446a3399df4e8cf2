"""``studynotes parse FILE [--json]``: the recognised structure, stored nowhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli


@pytest.fixture(autouse=True)
def only_parse_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exercise the real dispatcher with just this command registered."""
    monkeypatch.setattr(cli, "COMMANDS", {"parse": "desktop.commands.parse"})


def squeezed(value: object) -> object:
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, list):
        return [squeezed(v) for v in value]
    if isinstance(value, dict):
        return {k: squeezed(v) for k, v in value.items()}
    return value


def test_json_output_is_the_seed_structure(
    seed_path: Path, seed_expected: dict, capsys: pytest.CaptureFixture
) -> None:
    assert cli.main(["parse", str(seed_path), "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert list(data) == ["headline", "subtitle", "lead", "reflections", "warnings"]
    assert list(data["reflections"][0])[:4] == ["title", "author", "affiliation", "paragraphs"]
    assert isinstance(data["warnings"], list)
    data.pop("warnings")
    assert squeezed(data) == squeezed(seed_expected)
    assert "新时代 新时期" in out  # ensure_ascii=False: Chinese is readable
    assert out.startswith('{\n "headline"')  # indent=1


def test_text_output_is_readable(seed_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["parse", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "Headline: 新时代 新时期 新作为 新担当" in out
    assert "1. 践行劳模精神劳动精神工匠精神" in out
    assert "北京金融街威斯汀大酒店工会 王霞  [title far from the body]" in out
    assert "10. 普惠高新技术企业职工" in out
    assert "Warnings:" in out


def test_parse_stores_nothing(seed_path: Path, studynotes_home: Path, capsys: pytest.CaptureFixture) -> None:
    before = sorted(studynotes_home.rglob("*"))
    assert cli.main(["parse", str(seed_path), "--json"]) == 0
    assert sorted(studynotes_home.rglob("*")) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not plain text"),
    ],
    ids=["missing", "empty", "binary"],
)
def test_bad_file_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, content: bytes | None, expected: str, capsys: pytest.CaptureFixture
) -> None:
    page = tmp_path / "page.txt"
    if content is not None:
        page.write_bytes(content)
    assert cli.main(["parse", str(page)]) == cli.EXIT_USER_ERROR
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("studynotes: error: ")
    assert expected in lines[0]
    assert "Traceback" not in captured.err


def test_bad_file_through_the_real_console_command(tmp_path: Path) -> None:
    page = tmp_path / "scan.txt"
    page.write_bytes(b"\x00\x01\x02\x03" * 100)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "parse", str(page), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "studynotes: error: scan.txt: The file is not plain text" in result.stderr
