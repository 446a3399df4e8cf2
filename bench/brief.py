"""Time and size of the study brief and the handout, beside a bare reportlab build.

    .venv/bin/python bench/brief.py [--reflections 1000]

For the seed page (with synthetic highlights and notes) and for a material of 1,000
reflections, builds the brief and the handout, and -- in the same run, with the same
font -- a bare reportlab document (SimpleDocTemplate + one Paragraph per piece of the
same text, reportlab's own CJK wrapping, no contents, no page X of Y). Prints seconds,
KB and the ratio. Targets: at most 2x the bare build; the seed brief at most 300 KB.

The builds are interleaved (bare, brief, handout, 公文, bare, ...) over ``--rounds``
rounds. Seconds are the best of the rounds; the ratio is the median over the rounds of
each build against the bare build of the same round: on a shared machine the same build
varies by 20% or more from minute to minute, and a build and its baseline measured
seconds apart see the same machine.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.brief import (  # noqa: E402
    BriefContent,
    BriefHighlight,
    BriefOptions,
    BriefReflection,
    CoverInfo,
    build_handout,
    build_study_brief,
)

SENTENCE = re.compile(r"[^。！？]*[。！？]")


def seed() -> dict:
    shared = ROOT.parent / "shared" / "fixtures" / "seed_expected.json"
    path = shared if shared.exists() else ROOT / "tests" / "fixtures" / "seed_expected.json"
    return json.loads(path.read_text(encoding="utf-8"))


def highlights(index: int, paragraph: str) -> tuple[BriefHighlight, ...]:
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(paragraph) if m.end() - m.start() > 6]
    kinds = ("commitment", "quote", "question")
    result = []
    for n, (start, end) in enumerate(spans[:3]):
        comment = f"第{index}篇第{n + 1}处：结合本单位实际抓好落实。" if n != 1 else ""
        result.append(BriefHighlight(kinds[n], 0, start, end, paragraph[start:end], comment))
    return tuple(result)


def content(count: int) -> BriefContent:
    data = seed()
    base = data["reflections"]
    reflections = []
    for i in range(count):
        r = base[i % len(base)]
        suffix = f"（{i // len(base) + 1}）" if count > len(base) else ""
        paragraphs = tuple(r["paragraphs"])
        reflections.append(
            BriefReflection(
                title=r["title"] + suffix,
                author=r["author"],
                affiliation=r["affiliation"],
                paragraphs=paragraphs,
                highlights=highlights(i + 1, paragraphs[0]),
                note="读后感：要把大会精神<落实>到每一名职工身上 & 持之以恒。" if i % 2 == 0 else "",
            )
        )
    keywords = (("工会", 31.0), ("职工", 22.0), ("大会", 12.0), ("服务", 10.0), ("精神", 9.0))
    return BriefContent(data["headline"], data["subtitle"], data["lead"], tuple(reflections), "学习心得：\n深受教育。", keywords)


def texts(c: BriefContent) -> list[str]:
    """The text the brief prints, piece by piece: contents, headings, full text, the
    lists of highlights with their comments, notes, and the commitments table's cells."""
    out = [c.headline, c.subtitle, c.lead, "目录"]
    for i, r in enumerate(c.reflections, start=1):
        out += [f"{i:02d} {r.title}", r.byline]
    for i, r in enumerate(c.reflections, start=1):
        out += [f"第 {i} 篇", r.title, r.byline, *r.paragraphs]
        for h in r.highlights:
            out += [f"“{h.text}”", f"批注：{h.comment}"] if h.comment else [f"“{h.text}”"]
        if r.note:
            out += ["我的笔记", r.note]
    out += ["学习心得", c.study_reflection, "承诺汇总表"]
    number = 0
    for r in c.reflections:
        for h in r.highlights:
            if h.category == "commitment":
                number += 1
                out += [str(number), r.author, r.affiliation, h.text, h.comment]
    return [t for t in out if t]


def bare(c: BriefContent) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from desktop.brief.fonts import load_fonts
    from desktop.brief.markup import escape

    font = load_fonts().body.name
    style = ParagraphStyle("b", fontName=font, fontSize=11, leading=19, wordWrap="CJK")
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph(escape(t), style) for t in texts(c)])  # the same font, embedded
    return buffer.getvalue()


def interleaved(builds: dict, rounds: int) -> dict:
    """Per build: every round's seconds, and the last result."""
    seconds: dict[str, list[float]] = {name: [] for name in builds}
    results: dict = {}
    for _ in range(rounds):
        for name, build in builds.items():
            start = time.perf_counter()
            results[name] = build()
            seconds[name].append(time.perf_counter() - start)
    return {name: (seconds[name], results[name]) for name in builds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reflections", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of interleaved builds (the seed gets three times as many)")
    args = parser.parse_args()
    cover = CoverInfo("学习北京工会十四大精神", "朝阳区总工会", "李明", "2024年5月20日")
    build_study_brief(content(2), cover, BriefOptions(), Path(tempfile.gettempdir()) / "warmup-brief.pdf")  # font loading

    print(f"{'case':<34}{'seconds':>9}{'KB':>9}{'pages':>7}{'bare s':>9}{'bare KB':>9}{'ratio':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for label, count in (("seed (10 reflections)", len(seed()["reflections"])), (f"{args.reflections} reflections", args.reflections)):
            c = content(count)
            rounds = args.rounds * 3 if count < 100 else args.rounds
            timings = interleaved(
                {
                    "bare": lambda: bare(c),
                    "brief": lambda: build_study_brief(c, cover, BriefOptions(), Path(folder) / "brief.pdf"),
                    "handout": lambda: build_handout(c, BriefOptions(), Path(folder) / "handout.pdf"),
                    "brief, 公文": lambda: build_study_brief(c, cover, BriefOptions(gongwen=True), Path(folder) / "gw.pdf"),
                },
                rounds,
            )
            bare_runs, bare_pdf = timings.pop("bare")
            for kind, (runs, result) in timings.items():
                size = result.path.stat().st_size / 1024
                ratio = statistics.median(run / base for run, base in zip(runs, bare_runs))
                print(
                    f"{label + ', ' + kind:<34}{min(runs):>9.2f}{size:>9.0f}{result.pages:>7}"
                    f"{min(bare_runs):>9.2f}{len(bare_pdf) / 1024:>9.0f}{ratio:>7.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
