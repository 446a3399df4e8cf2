"""Import throughput: parse and store about 3 MB of pages, against a bare sqlite3 baseline.

    .venv/bin/python bench/import.py [--megabytes 3]

The pages are variants of the sample page (names, numbers and the order of bylines
changed, a numbered subtitle), so each has its own content hash and is stored, not
recognised as a duplicate. Prints MB/s (of page files, UTF-8) for parsing alone, storing
alone (one transaction per page into a fresh library, as ``studynotes import`` does),
both, and a baseline measured in the same run: plain ``sqlite3`` executemany of the same
paragraphs, one transaction per page, WAL. Figures only, no assertions.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.importer import parse_file  # noqa: E402
from desktop.library import open_library  # noqa: E402
from desktop.resources import sample_page_path  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "霞亮花飞军伟芳娜敏静丽强磊洋艳勇杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉"
DIGITS = "0123456789"
CHINESE_NUMERALS = "一二三四五六七八九十"


def page_variants(sample: str, names: list[str], total_bytes: int, seed: int = 7) -> list[str]:
    """Distinct pages that look like the sample, until ``total_bytes`` of UTF-8 text."""
    rng = random.Random(seed)
    pages: list[str] = []
    size = 0
    number = 0
    while size < total_bytes:
        number += 1
        text = sample
        # Other people wrote this page: each byline name becomes another name.
        for name in names:
            other = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            text = text.replace(name, other)
        text = re.sub(r"\d", lambda _: rng.choice(DIGITS), text)
        text = re.sub("[一二三四五六七八九]", lambda _: rng.choice(CHINESE_NUMERALS), text)
        # Shuffle the body blocks after the header (title + byline blocks move with them).
        head, *blocks = text.split("\n\n")
        rng.shuffle(blocks)
        text = f"{head}（第{number}期）\n\n" + "\n\n".join(blocks)
        pages.append(text)
        size += len(text.encode("utf-8"))
    return pages


def megabytes_per_second(size: int, seconds: float) -> float:
    return size / 1e6 / seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=3.0)
    args = parser.parse_args(argv)

    sample_path = sample_page_path()
    sample = sample_path.read_text(encoding="utf-8")
    names = sorted({r.author for r in parse_file(sample_path).reflections if r.author}, key=len, reverse=True)
    pages = page_variants(sample, names, int(args.megabytes * 1e6))

    with tempfile.TemporaryDirectory(prefix="studynotes-bench-") as folder:
        root = Path(folder)
        files = []
        for number, text in enumerate(pages, 1):
            path = root / f"page-{number:04d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        size = sum(p.stat().st_size for p in files)

        start = time.perf_counter()
        materials = [parse_file(p) for p in files]
        parse_seconds = time.perf_counter() - start
        if len({m.content_hash for m in materials}) != len(materials):
            print("warning: some generated pages are duplicates", file=sys.stderr)
        reflections = sum(len(m.reflections) for m in materials)
        paragraphs = [[p for r in m.reflections for p in r.paragraphs] for m in materials]

        with open_library(str(root / "store.sqlite3")) as library:
            start = time.perf_counter()
            for path, material in zip(files, materials):
                library.import_material(material, path.name)
            store_seconds = time.perf_counter() - start
            start = time.perf_counter()
            summaries = library.reflection_summaries()
            summaries_seconds = time.perf_counter() - start

        with open_library(str(root / "both.sqlite3")) as library:
            start = time.perf_counter()
            for path in files:
                library.import_material(parse_file(path), path.name)
            both_seconds = time.perf_counter() - start

        baseline = sqlite3.connect(root / "baseline.sqlite3", isolation_level=None)
        baseline.execute("PRAGMA journal_mode=WAL")
        baseline.execute("PRAGMA synchronous=NORMAL")
        baseline.execute("CREATE TABLE paragraph (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        start = time.perf_counter()
        for texts in paragraphs:
            baseline.execute("BEGIN")
            baseline.executemany("INSERT INTO paragraph (text) VALUES (?)", ((t,) for t in texts))
            baseline.execute("COMMIT")
        baseline_seconds = time.perf_counter() - start
        baseline.close()

    store_rate = megabytes_per_second(size, store_seconds)
    baseline_rate = megabytes_per_second(size, baseline_seconds)
    print(f"pages: {len(files)} files, {size / 1e6:.2f} MB, {reflections} reflections, "
          f"{sum(map(len, paragraphs))} paragraphs")
    print(f"parse alone:        {megabytes_per_second(size, parse_seconds):8.2f} MB/s  ({parse_seconds:.2f} s)")
    print(f"store alone:        {store_rate:8.2f} MB/s  ({store_seconds:.2f} s)")
    print(f"parse + store:      {megabytes_per_second(size, both_seconds):8.2f} MB/s  ({both_seconds:.2f} s)")
    print(f"baseline (sqlite3): {baseline_rate:8.2f} MB/s  ({baseline_seconds:.2f} s)  "
          "bare executemany of the same paragraphs, one transaction per page")
    print(f"store / baseline:   {store_rate / baseline_rate:8.2f}")
    print(f"reflection_summaries(): {len(summaries)} rows in {summaries_seconds * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
