"""Start-up of the frozen bundle (dist/studynotes) beside the app run from the checkout.

    .venv/bin/python bench/frozen_startup.py [--runs 7] [--bundle dist/studynotes]

Build the bundle first (`make bundle`). Times, as subprocess wall time from launch to
exit, offscreen, in a temporary STUDYNOTES_HOME that already holds the sample library
(a returning user):

* version: ``studynotes --version``;
* parse:   ``studynotes parse --json`` of the sample page (a headless command);
* window:  ``studynotes --exit-when-shown`` (quits right after the main window's first paint);
* ready:   the window until the library has opened and the panel is filled.

Runs are interleaved (frozen, then unfrozen) so machine load affects both alike;
medians are printed with the ratio frozen / unfrozen. Also prints the bundle's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT / "resources" / "samples" / "beijing_union_congress.txt"


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=PROJECT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return elapsed


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the frozen bundle against the checkout.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=PROJECT / "dist" / "studynotes")
    args = parser.parse_args(argv)
    frozen = args.bundle / "studynotes"
    if not frozen.is_file():
        raise SystemExit(f"no bundle at {args.bundle}: run `make bundle` first")
    unfrozen = [sys.executable, "-m", "desktop"]

    cases = {
        "version": ["--version"],
        "parse": ["parse", "--json", str(SAMPLE)],
        "window": ["--exit-when-shown"],
        "ready": [],
    }
    with tempfile.TemporaryDirectory(prefix="studynotes-frozen-bench-") as folder:
        env = {**os.environ, "STUDYNOTES_HOME": folder, "QT_QPA_PLATFORM": "offscreen",
               "STUDYNOTES_LANG": "zh_CN"}
        env.pop("STUDYNOTES_LIBRARY", None)
        ready_env = {**env, "STUDYNOTES_EXIT_WHEN_READY": "1"}
        # First run: creates the library with the sample; then warm both for the file cache.
        timed([str(frozen)], ready_env)
        for case, extra in cases.items():
            timed([str(frozen), *extra], ready_env if case == "ready" else env)
            timed([*unfrozen, *extra], ready_env if case == "ready" else env)
        results: dict[str, tuple[list[float], list[float]]] = {case: ([], []) for case in cases}
        for _ in range(args.runs):
            for case, extra in cases.items():
                case_env = ready_env if case == "ready" else env
                results[case][0].append(timed([str(frozen), *extra], case_env))
                results[case][1].append(timed([*unfrozen, *extra], case_env))

    print(f"runs: {args.runs} each, interleaved; subprocess wall time, launch to exit; offscreen")
    print(f"{'':10} {'frozen (median)':>16} {'checkout (median)':>18} {'ratio':>7}")
    for case, (frozen_times, unfrozen_times) in results.items():
        f, u = statistics.median(frozen_times), statistics.median(unfrozen_times)
        print(f"{case:10} {f:15.3f}s {u:17.3f}s {f / u:6.2f}x")
    print(f"bundle: {args.bundle}  {folder_size(args.bundle) / 1_000_000:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
