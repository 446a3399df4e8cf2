"""Search latency on a library of 10,000 reflections: the index against a plain LIKE scan.

    .venv/bin/python bench/search.py [--materials 1000] [--rounds 20] [--keep FOLDER]

Builds a library of ``--materials`` pages of 10 reflections each through the library
API (``import_material``, plus a note on every 50th reflection with ``set_note``). The
pages are variants of the sample page as ``desktop.importer.parse_file`` reads it:
other authors, other districts, other numbers, the reflections in another order and the
sentences of each paragraph shuffled, so every page has its own content and the words
are spread over the library as in real pages (工会 nearly everywhere, 密云 in a few).

Then times a fixed set of queries (one-, two- and longer Chinese words, a name, a
place, several words, a word that is nowhere), ``--rounds`` times each, interleaved:

* index:    ``Library.search(query)`` — the FTS5 index, ranking, snippets, places;
* portable: the same call on a copy of the library without the index (the LIKE-based
  engine a server database or an SQLite without FTS5 uses);
* LIKE:     a bare baseline in the same run, with the plain ``sqlite3`` module: the ids
  of the reflections whose title, author, affiliation, paragraphs or note contain every
  term (``LIKE '%term%'``), no ranking and no snippets.

Prints p50/p95 per engine over all calls, the ratio to the LIKE scan, and the median
per query. Figures only, no assertions (the target is p95 <= 50 ms for the index).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.importer import parse_file  # noqa: E402
from desktop.library import open_library  # noqa: E402
from desktop.material import Material  # noqa: E402
from desktop.resources import sample_page_path  # noqa: E402

QUERIES: list[tuple[str, str]] = [
    ("1 char, everywhere", "会"),
    ("1 char, rarer", "娘"),
    ("2 chars", "工会"),
    ("2 chars", "职工"),
    ("2 chars", "娘家"),
    ("3 chars", "娘家人"),
    ("4 chars", "工匠精神"),
    ("long phrase", "做实做好各项工作"),
    ("a name", "陈亮"),
    ("a place", "密云"),
    ("two words", "工会 密云"),
    ("three words", "职工 娘家人 服务"),
    ("no hits", "量子计算"),
]

TARGET_P95_MS = 50.0

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "霞亮花飞军伟芳娜敏静丽强磊洋艳勇杰娟涛明超秀兰平刚桂英华玉萍红娥玲芬燕彬鹏辉"
DISTRICTS = "东城 西城 朝阳 海淀 丰台 石景山 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆".split()
SAMPLE_DISTRICTS = re.compile("朝阳|丰台|大兴|顺义|密云|平谷")
SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")


def _shuffled_sentences(paragraph: str, rng: random.Random) -> str:
    sentences = [s for s in SENTENCE.findall(paragraph) if s]
    rng.shuffle(sentences)
    return "".join(sentences)


def _vary(text: str, rng: random.Random, district: str) -> str:
    text = SAMPLE_DISTRICTS.sub(district, text)
    text = re.sub(r"\d", lambda _: rng.choice("0123456789"), text)
    return re.sub("[一二三四五六七八九]", lambda _: rng.choice("一二三四五六七八九十"), text)


def page_variants(sample: Material, count: int, seed: int = 11) -> list[Material]:
    """``count`` distinct materials that read like the sample page."""
    rng = random.Random(seed)
    pages = []
    for number in range(1, count + 1):
        reflections = []
        for original in rng.sample(sample.reflections, len(sample.reflections)):
            district = rng.choice(DISTRICTS)
            author = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            reflections.append(
                dataclasses.replace(
                    original,
                    author=author,
                    affiliation=_vary(original.affiliation, rng, district),
                    paragraphs=tuple(
                        _vary(_shuffled_sentences(p, rng), rng, district) for p in original.paragraphs
                    ),
                )
            )
        pages.append(
            dataclasses.replace(
                sample,
                subtitle=f"{sample.subtitle}（第{number}期）",
                reflections=tuple(reflections),
                source_text="",  # identity from the content, which differs page to page
            )
        )
    return pages


def build(path: Path, pages: list[Material]) -> tuple[float, int]:
    start = time.perf_counter()
    with open_library(str(path)) as library:
        for number, material in enumerate(pages, 1):
            library.import_material(material, f"page-{number:04d}.txt")
        summaries = library.reflection_summaries()
        for index, summary in enumerate(summaries):
            if index % 50 == 0:
                library.set_note(summary.id, f"读后：要把{summary.author}同志的做法带回单位，当好职工的娘家人。")
    return time.perf_counter() - start, len(summaries)


def without_index(source: Path, destination: Path) -> None:
    """A copy of the library as an SQLite without FTS5 would have made it."""
    from sqlalchemy import create_engine

    from desktop.library import search_sqlite

    shutil.copy(source, destination)
    engine = create_engine(f"sqlite:///{destination}")
    try:
        with engine.begin() as connection:
            search_sqlite.drop(connection)
        with engine.connect() as connection:
            connection.exec_driver_sql("VACUUM")
    finally:
        engine.dispose()


def like_scan(connection: sqlite3.Connection) -> Callable[[str], int]:
    """The baseline: reflections containing every term, by LIKE over the tables."""

    def run(query: str) -> int:
        terms = query.split()
        condition = " AND ".join(
            "(r.title LIKE ? OR r.author LIKE ? OR r.affiliation LIKE ? "
            "OR EXISTS (SELECT 1 FROM paragraph p WHERE p.reflection_id = r.id AND p.text LIKE ?) "
            "OR EXISTS (SELECT 1 FROM note n WHERE n.reflection_id = r.id AND n.text LIKE ?))"
            for _ in terms
        )
        params = [f"%{term}%" for term in terms for _ in range(5)]
        return len(connection.execute(f"SELECT r.id FROM reflection r WHERE {condition}", params).fetchall())

    return run


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--materials", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build the libraries in this folder and keep them")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    pages = page_variants(parse_file(sample_page_path()), args.materials)
    generate_seconds = time.perf_counter() - start

    folder = args.keep or Path(tempfile.mkdtemp(prefix="studynotes-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    indexed_path, portable_path = folder / "indexed.sqlite3", folder / "portable.sqlite3"
    for path in (indexed_path, portable_path):
        path.unlink(missing_ok=True)
    try:
        build_seconds, reflections = build(indexed_path, pages)
        without_index(indexed_path, portable_path)
        indexed_size, portable_size = indexed_path.stat().st_size, portable_path.stat().st_size

        indexed, portable = open_library(str(indexed_path)), open_library(str(portable_path))
        baseline_connection = sqlite3.connect(indexed_path)
        engines: dict[str, Callable[[str], int]] = {
            "index": lambda q, lib=indexed: lib.search(q).total,
            "portable": lambda q, lib=portable: portable.search(q).total,
            "LIKE": like_scan(baseline_connection),
        }
        try:
            load_before = os.getloadavg()[0]
            timings, totals = measure(engines, args.rounds)
            load_after = os.getloadavg()[0]
            backends = (indexed.search("工会").backend, portable.search("工会").backend)
        finally:
            indexed.close()
            portable.close()
            baseline_connection.close()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)

    report(args, reflections, generate_seconds, build_seconds, indexed_size, portable_size,
           backends, timings, totals)
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before:.1f} before and "
          f"{load_after:.1f} after timing (other processes slow every engine alike)")
    return 0


def measure(
    engines: dict[str, Callable[[str], int]], rounds: int
) -> tuple[dict[str, dict[str, list[float]]], dict[str, dict[str, int]]]:
    timings: dict[str, dict[str, list[float]]] = {name: {} for name in engines}
    totals: dict[str, dict[str, int]] = {name: {} for name in engines}
    for name, run in engines.items():  # warm up: caches, statements, lazy imports
        for _, query in QUERIES:
            totals[name][query] = run(query)
    for _ in range(rounds):
        for _, query in QUERIES:
            for name, run in engines.items():
                start = time.perf_counter()
                run(query)
                timings[name].setdefault(query, []).append((time.perf_counter() - start) * 1000)
    return timings, totals


def report(args, reflections, generate_seconds, build_seconds, indexed_size, portable_size,
           backends, timings, totals) -> None:
    print(f"library: {args.materials} materials, {reflections} reflections "
          f"(generated in {generate_seconds:.1f} s, imported in {build_seconds:.1f} s)")
    print(f"file: {indexed_size / 1e6:.1f} MB with the index, {portable_size / 1e6:.1f} MB without "
          f"(index {100 * (indexed_size - portable_size) / portable_size:.0f}% of the library)")
    print(f"engines: index={backends[0]}, portable={backends[1]}; "
          f"{args.rounds} rounds x {len(QUERIES)} queries each")
    print()
    summary = {}
    for name, per_query in timings.items():
        values = [v for times in per_query.values() for v in times]
        summary[name] = (percentile(values, 0.5), percentile(values, 0.95))
    like_p50, like_p95 = summary["LIKE"]
    print(f"{'engine':<10}{'p50 ms':>10}{'p95 ms':>10}{'p50 vs LIKE':>14}{'p95 vs LIKE':>14}")
    for name, (p50, p95) in summary.items():
        print(f"{name:<10}{p50:>10.2f}{p95:>10.2f}{p50 / like_p50:>14.2f}{p95 / like_p95:>14.2f}")
    print(f"target: index p95 <= {TARGET_P95_MS:.0f} ms; measured {summary['index'][1]:.1f} ms")
    print()
    print(f"{'query':<28}{'hits':>7}  " + "".join(f"{name + ' p50':>14}" for name in timings))
    for label, query in QUERIES:
        hits = totals["index"][query]
        same = all(totals[name][query] == hits for name in totals)
        medians = "".join(f"{statistics.median(timings[name][query]):>14.2f}" for name in timings)
        print(f"{label + ': ' + query:<28}{hits:>7}{' ' if same else '!'} {medians}")
    if not all(totals[name] == totals["index"] for name in totals):
        print("! the engines disagree on the number of matching reflections for some queries")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
