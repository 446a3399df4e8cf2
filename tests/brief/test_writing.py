"""Writing the PDF is all or nothing, and a failure is one clear sentence."""

from __future__ import annotations

import pytest

from desktop.brief import BriefError, BriefOptions, build_handout, build_study_brief
from desktop.brief import layout


def test_the_pdf_replaces_an_older_one(out_dir, seed_content, cover):
    target = out_dir / "brief.pdf"
    target.write_bytes(b"old")
    result = build_study_brief(seed_content, cover, BriefOptions(include_full_text=False), target)
    assert result.path == target
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out_dir.iterdir()] == ["brief.pdf"]


def test_a_read_only_folder_raises_brief_error_and_leaves_nothing(out_dir, seed_content, monkeypatch):
    # Tests may run as root, for whom chmod does not make a folder read-only: simulate it.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(layout.tempfile, "mkstemp", refuse)
    with pytest.raises(BriefError, match="read-only") as raised:
        build_handout(seed_content, BriefOptions(), out_dir / "handout.pdf")
    assert raised.value.code == "brief"
    assert list(out_dir.iterdir()) == []


def test_a_failed_replace_keeps_the_old_file_and_removes_the_temporary_one(out_dir, seed_content, monkeypatch):
    target = out_dir / "handout.pdf"
    target.write_bytes(b"old handout")

    def busy(source, destination):
        raise PermissionError(13, "The file is being used by another process")

    monkeypatch.setattr(layout.os, "replace", busy)
    with pytest.raises(BriefError, match="close it and try again"):
        build_handout(seed_content, BriefOptions(), target)
    assert target.read_bytes() == b"old handout"
    assert [p.name for p in out_dir.iterdir()] == ["handout.pdf"]


def test_missing_folder_and_folder_as_target(tmp_path, seed_content):
    with pytest.raises(BriefError, match="does not exist"):
        build_handout(seed_content, BriefOptions(), tmp_path / "nowhere" / "h.pdf")
    with pytest.raises(BriefError, match="is a folder"):
        build_handout(seed_content, BriefOptions(), tmp_path)
