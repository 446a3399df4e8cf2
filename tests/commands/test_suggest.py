"""``studynotes suggest FILE [--json]``: the suggested commitments of a page, headless."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.commands import suggest
from desktop.errors import StudyNotesError
from desktop.importer import parse_file

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _run(argv: list[str]) -> int:
    """Parse and run like ``studynotes suggest`` does (cli.main adds only error printing)."""
    parser = argparse.ArgumentParser(prog="studynotes suggest")
    suggest.add_arguments(parser)
    return suggest.run(parser.parse_args(argv))


def test_json_lists_exact_offsets_into_the_importers_paragraphs(capsys, seed_path: Path) -> None:
    assert _run([str(seed_path), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    material = parse_file(seed_path)
    assert len(items) >= 15
    for item in items:
        assert set(item) == {"reflection", "paragraph", "start", "end", "sentence"}
        paragraph = material.reflections[item["reflection"]].paragraphs[item["paragraph"]]
        assert paragraph[item["start"] : item["end"]] == item["sentence"]
    sentences = [item["sentence"] for item in items]
    assert "二是搭建技能提升平台。" in sentences and "三是找准职工需求进行服务。" in sentences
    assert not any("必将激发" in s or "报告中提到了要" in s or "是在中国特色社会主义" in s for s in sentences)


def test_text_output_groups_suggestions_under_their_reflection(capsys, seed_path: Path) -> None:
    assert _run([str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "8. 把职工教育培训落在实处 — 开发区总工会教育培训部干部 张阳\n" in out
    assert "[enumeration] 二是搭建技能提升平台。\n" in out
    assert "顺义区总工会" not in out  # reflection 5 (我认为…) has no suggestion, so no heading


def test_a_page_without_pledges_says_so(capsys, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "学习体会\n\n大会精神鼓舞人心\n某区总工会 李明\n\n大会的召开让我备受鼓舞。我认为，大会意义重大。\n",
        encoding="utf-8",
    )
    assert _run([str(page)]) == 0
    assert capsys.readouterr().out == "No commitments suggested.\n"
    assert _run([str(page), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_missing_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(StudyNotesError):
        _run([str(tmp_path / "missing.txt")])


def test_the_cli_and_the_command_module_load_without_jieba() -> None:
    script = textwrap.dedent(
        """
        import argparse, sys
        import desktop.cli
        from desktop.commands import suggest
        suggest.add_arguments(argparse.ArgumentParser())
        assert desktop.cli.COMMANDS["suggest"] == "desktop.commands.suggest"
        print(sorted(m for m in sys.modules if m.split(".")[0] == "jieba"))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_json_output_is_clean_for_scripts(seed_path: Path, tmp_path: Path) -> None:
    """A fresh process, as a script would run it: JSON on stdout and nothing on stderr."""
    script = textwrap.dedent(
        f"""
        import argparse
        from desktop.commands import suggest
        parser = argparse.ArgumentParser()
        suggest.add_arguments(parser)
        raise SystemExit(suggest.run(parser.parse_args([{str(seed_path)!r}, "--json"])))
        """
    )
    env = dict(os.environ, STUDYNOTES_HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
        encoding="utf-8", check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(json.loads(result.stdout)) >= 15
