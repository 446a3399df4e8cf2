"""Copy the licence texts of everything the installers ship into resources/licenses/.

    .venv/bin/python installer/collect_licenses.py

The About dialog lists the components of resources/licenses/components.json (kept by
hand: name, licence, text file, web page, distribution name for the version) and shows
their texts; the bundle and the .deb ship the folder. This script refreshes the texts
from the installed distributions' own licence files (``*.dist-info/licenses``), from
Debian's /usr/share/common-licenses for the GPL/LGPL texts, and writes the few that no
installed file carries (jieba's wheel has no licence file). The outputs are committed, so
building an installer needs neither this script nor the network; run it after changing
a dependency. ``--check`` only verifies that every file the index names exists.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LICENSES = PROJECT / "resources" / "licenses"
INDEX = LICENSES / "components.json"
COMMON_LICENSES = Path("/usr/share/common-licenses")

# target file -> distribution whose licence file to copy
FROM_DISTRIBUTIONS = {
    "SQLAlchemy-MIT.txt": "SQLAlchemy",
    "Alembic-MIT.txt": "alembic",
    "Mako-MIT.txt": "Mako",
    "MarkupSafe-BSD-3-Clause.txt": "MarkupSafe",
    "reportlab-BSD.txt": "reportlab",
    "Pillow-MIT-CMU.txt": "pillow",
    "platformdirs-MIT.txt": "platformdirs",
    "charset-normalizer-MIT.txt": "charset-normalizer",
    "filelock.txt": "filelock",
    "typing-extensions-PSF-2.0.txt": "typing_extensions",
    "PyInstaller-GPL-2.0-with-bootloader-exception.txt": "pyinstaller",
}
FROM_DEBIAN = {"GPL-3.0.txt": "GPL-3", "LGPL-3.0.txt": "LGPL-3"}

JIEBA_MIT = """The MIT License (MIT)

Copyright (c) 2013 Sun Junyi

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def licence_file_of(name: str) -> Path:
    """The first licence file a distribution installed (its dist-info ``licenses`` folder)."""
    dist = distribution(name)
    files = [f for f in dist.files or [] if "licen" in f.name.lower() or "copying" in f.name.lower()]
    files.sort(key=lambda f: (len(f.parts), f.name != "LICENSE"))
    if not files:
        raise SystemExit(f"{name} installed no licence file")
    return Path(dist.locate_file(files[0]))


def collect() -> None:
    LICENSES.mkdir(parents=True, exist_ok=True)
    for target, name in FROM_DISTRIBUTIONS.items():
        try:
            source = licence_file_of(name)
        except PackageNotFoundError:
            raise SystemExit(f"{name} is not installed: install '.[build]' first") from None
        (LICENSES / target).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    for target, name in FROM_DEBIAN.items():
        (LICENSES / target).write_text((COMMON_LICENSES / name).read_text(encoding="utf-8"),
                                       encoding="utf-8")
    (LICENSES / "jieba-MIT.txt").write_text(JIEBA_MIT, encoding="utf-8")
    python_lib = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    python_licence = Path(sys.base_prefix) / "lib" / python_lib / "LICENSE.txt"
    if python_licence.is_file():
        (LICENSES / "Python-PSF-2.0.txt").write_text(python_licence.read_text(encoding="utf-8"),
                                                     encoding="utf-8")


def check() -> list[str]:
    """Files the index names that are missing or empty."""
    problems = []
    for component in json.loads(INDEX.read_text(encoding="utf-8")):
        for name in component["files"]:
            path = PROJECT / "resources" / name
            if not path.is_file() or path.stat().st_size == 0:
                problems.append(f"{component['name']}: {name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the index's files")
    args = parser.parse_args(argv)
    if not args.check:
        collect()
    problems = check()
    for problem in problems:
        print(f"missing licence text: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
