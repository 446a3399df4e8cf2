"""Helpers shared by the library tests (a module name no other test folder uses)."""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
from pathlib import Path

from desktop.material import Material, Reflection

LIBRARIES = Path(__file__).resolve().parent.parent / "fixtures" / "libraries"


def _load_maker():
    spec = importlib.util.spec_from_file_location("make_libraries", LIBRARIES / "make_libraries.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


make_libraries = _load_maker()


def fixture_library(revision: str) -> Path:
    return LIBRARIES / f"library-{revision}.sqlite3"


def page(number: int, reflections: int = 2) -> Material:
    """A small distinct material, numbered so each one has its own content hash."""
    return Material(
        headline=f"标题 {number}",
        subtitle=f"副标题 {number}",
        lead=f"导语 {number}",
        reflections=tuple(
            Reflection(
                title=f"心得 {number}-{index}",
                author=f"作者{index}",
                affiliation=f"单位{index}",
                paragraphs=(f"第一段 {number}-{index}", f"第二段 {number}-{index}"),
                title_position="before",
            )
            for index in range(reflections)
        ),
        source_text=f"page {number}",
    )


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of an SQLite file, read with the plain sqlite3 module."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in tables
        }
    finally:
        connection.close()
