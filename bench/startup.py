"""How long the window takes to appear, against a bare PySide6 window on the same machine.

    .venv/bin/python bench/startup.py [--runs 7] [--materials 100] [--per-material 10]

Builds a library of 1,000 reflections (100 materials x 10, through the library API) in
a temporary STUDYNOTES_HOME, with a start-up snapshot as a returning user has one, then
times, as subprocess wall time from launch to exit:

* bare:   a script that shows an empty QMainWindow and quits right after its first paint;
* window: ``python -m desktop --exit-when-shown`` (the app quits right after the main
  window's first paint, showing the last-read reflection);
* ready:  the app until the library has opened in its worker and the panel is filled
  (informational: this happens after the window is on screen).

Runs are interleaved so machine load affects both alike; medians are printed with the
ratio window/bare (target: at most 2.0). Also lists the slowest imports before the
first paint (``python -X importtime``). Offscreen, so it runs without a display.

The app is timed two ways in the same interleaved rounds: with its modules' bytecode
cached, as on every launch after the first and in the installers (which ship bytecode)
-- the figure a user sees -- and compiled from source at every launch, as on a first
launch or wherever Python may not write ``__pycache__`` (PYTHONDONTWRITEBYTECODE, as on
the CI machine). The second runs a copy of the package without bytecode.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    painted = False

    def event(self, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, QApplication.quit)
        return super().event(event)

app = QApplication(sys.argv[:1])
window = Window()
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def build_library(home: Path, materials: int, per_material: int) -> str:
    """Fill a library through its API and leave a start-up snapshot, as after a session."""
    os.environ["STUDYNOTES_HOME"] = str(home)
    sys.path.insert(0, str(PROJECT))
    from desktop.library import open_library
    from desktop.material import Material, Reflection
    from desktop.paths import library_location
    from desktop.ui import snapshot

    paragraph = ("作为基层工会工作者，我们要深刻领会大会精神，结合工会主责主业，"
                 "以钉钉子精神做实做好各项工作，推动各项决策部署落地生根、见到实效。") * 3
    location = library_location(None)
    with open_library(location) as library:
        for m in range(materials):
            reflections = tuple(
                Reflection(f"第{m + 1}期第{r + 1}篇：做实做细职工服务工作", f"作者{r + 1}",
                           f"某区总工会第{m + 1}工作站站长", (paragraph, paragraph, paragraph))
                for r in range(per_material))
            material = Material(f"学习材料第{m + 1}期", "大会精神在全市工会干部中引起强烈反响",
                                "导语。" * 20, reflections)
            library.import_material(material, f"page-{m + 1:03d}.txt")
        last = library.reflection_summaries()[per_material // 2]
        snapshot.save_reflection(location, library.reflection(last.id))
        count = len(library.reflection_summaries())
    print(f"library: {materials} materials, {count} reflections at {location}")
    return location


def time_run(command: list[str], env: dict[str, str], cwd: Path = PROJECT) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return elapsed


def slowest_imports(env: dict[str, str], count: int = 8) -> list[tuple[int, str]]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop", "--exit-when-shown"],
                            env=env, cwd=PROJECT, capture_output=True, text=True)
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit() and not name.startswith("   "):
                rows.append((int(cumulative), name.strip()))  # top-level imports only
    return sorted(rows, reverse=True)[:count]


def source_copy(home: Path) -> Path:
    """A copy of the package with no bytecode (resources linked), to run from source."""
    root = home / "from-source"
    shutil.copytree(PROJECT / "desktop", root / "desktop", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "resources").symlink_to(PROJECT / "resources", target_is_directory=True)
    return root


def measure(builds: dict[str, tuple[list[str], dict[str, str], Path]], runs: int) -> dict[str, list[float]]:
    """Seconds per build (command, environment, folder), interleaved round by round."""
    seconds: dict[str, list[float]] = {name: [] for name in builds}
    for _ in range(runs):
        for name, (command, env, cwd) in builds.items():
            seconds[name].append(time_run(command, env, cwd))
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the main window's start-up.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--materials", type=int, default=100)
    parser.add_argument("--per-material", type=int, default=10)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="studynotes-bench-") as folder:
        home = Path(folder)
        build_library(home, args.materials, args.per_material)
        bare_script = home / "bare_window.py"
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        env = {**os.environ, "STUDYNOTES_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
               "STUDYNOTES_LANG": "zh_CN"}
        env.pop("STUDYNOTES_LIBRARY", None)
        app = [sys.executable, "-m", "desktop"]

        compileall.compile_dir(str(PROJECT / "desktop"), quiet=1)
        cold_root = source_copy(home)
        cold_env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}
        ready_env = {**env, "STUDYNOTES_EXIT_WHEN_READY": "1"}
        bare = [sys.executable, str(bare_script)]
        shown = app + ["--exit-when-shown"]
        builds = {
            "bare": (bare, env, PROJECT),
            "window": (shown, env, PROJECT),
            "window from source": (shown, cold_env, cold_root),
            "ready": (app, ready_env, PROJECT),
        }
        for command, build_env, cwd in builds.values():  # warm the OS file cache for all
            time_run(command, build_env, cwd)
        seconds = measure(builds, args.runs)
        imports = slowest_imports(env)

    def line(label: str, runs: list[float]) -> str:
        return f"{label:<44}median {statistics.median(runs):.3f} s  (min {min(runs):.3f}, max {max(runs):.3f})"

    bare_median = statistics.median(seconds["bare"])
    ratio = statistics.median(seconds["window"]) / bare_median
    cold_ratio = statistics.median(seconds["window from source"]) / bare_median
    print(f"runs: {args.runs} each, interleaved; subprocess wall time, launch to exit")
    print(line("bare QMainWindow, first paint:", seconds["bare"]))
    print(line("studynotes window, first paint:", seconds["window"]))
    print(line("  same, modules compiled at launch:", seconds["window from source"]))
    print(line("studynotes, library open + panel:", seconds["ready"]))
    print(f"ratio window / bare: {ratio:.2f}x  (target <= {TARGET_RATIO:.1f}x: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT MET'}); compiled at launch: {cold_ratio:.2f}x")
    print("slowest top-level imports before the first paint (cumulative):")
    for micros, name in imports:
        print(f"  {micros / 1000:7.1f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
