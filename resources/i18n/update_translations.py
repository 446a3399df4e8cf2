"""Rebuild the Simplified Chinese catalogue of the window: lupdate, merge, lrelease.

Run from anywhere (uses the project's virtualenv tools next to this Python)::

    .venv/bin/python resources/i18n/update_translations.py          # rebuild .ts and .qm
    .venv/bin/python resources/i18n/update_translations.py --check  # also fail if a string is untranslated

Steps:

1. ``pyside6-lupdate desktop/ui/*.py -ts studynotes_zh_CN.ts -no-obsolete``: collects
   every ``tr()`` string (English source text) by context (the class calling tr()).
2. Merge: every message whose source text is a key of ``zh_CN_strings.json`` gets that
   Chinese translation and loses ``type="unfinished"``. The JSON maps English source
   string -> Chinese, shared by all contexts; a key written ``"Context|source"`` overrides
   the translation for that one context. Messages with no entry stay unfinished (and are
   listed; ``--check`` makes that an error). To translate a new string, add it to the
   JSON and run this script again: the JSON is the maintained file, the .ts is generated.
3. ``pyside6-lrelease`` compiles ``studynotes_zh_CN.ts`` to ``studynotes_zh_CN.qm``, which
   :mod:`desktop.ui.i18n` loads at start-up on Chinese systems.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
UI_SOURCES = PROJECT / "desktop" / "ui"
TS_FILE = HERE / "studynotes_zh_CN.ts"
QM_FILE = HERE / "studynotes_zh_CN.qm"
STRINGS_FILE = HERE / "zh_CN_strings.json"


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def run_lupdate() -> None:
    sources = sorted(str(p.relative_to(PROJECT)) for p in UI_SOURCES.glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(TS_FILE.relative_to(PROJECT)),
         "-no-obsolete", "-locations", "none", "-target-language", "zh_CN", "-silent"],
        check=True, cwd=PROJECT,
    )


def merge(strings: dict[str, str]) -> list[str]:
    """Write the Chinese strings into the .ts; returns "context: source" of untranslated ones."""
    tree = ET.parse(TS_FILE)
    missing: list[str] = []
    for context in tree.getroot().iter("context"):
        context_name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            text = strings.get(f"{context_name}|{source}", strings.get(source))
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if text is None:
                if not (translation.text or list(translation)):
                    translation.set("type", "unfinished")
                    missing.append(f"{context_name}: {source}")
                continue
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
    ET.indent(tree, space="    ")
    with TS_FILE.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")
    return missing


def run_lrelease() -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(QM_FILE), "-silent"], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if any string is untranslated")
    args = parser.parse_args(argv)
    strings = json.loads(STRINGS_FILE.read_text(encoding="utf-8"))
    run_lupdate()
    missing = merge(strings)
    run_lrelease()
    for item in missing:
        print(f"untranslated: {item}", file=sys.stderr)
    print(f"{TS_FILE.name}: {len(missing)} untranslated; wrote {QM_FILE.name}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
