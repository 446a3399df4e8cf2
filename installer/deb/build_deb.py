"""Package the bundle as a .deb for Debian-based desktops (UOS, Kylin, Deepin, Debian, Ubuntu).

    python installer/deb/build_deb.py [--bundle dist/studynotes] [--output dist]

Lays out the package root (the bundle under /opt/studynotes, a ``studynotes`` command
in /usr/bin, a desktop entry named 学习札记 with its hicolor icon, the copyright file),
computes Depends the way dpkg-shlibdeps does, and builds it with
``dpkg-deb --build --root-owner-group``. Standard library + objdump + dpkg only.

Depends, computed from the bundle's ELF files:

* every DT_NEEDED library not shipped in the bundle is looked up in the dynamic linker's
  cache (``ldconfig -p``) and mapped to its package with ``dpkg -S``;
* the minimum version of that package is the highest one its symbols file gives for
  the symbol versions the bundle requires from the library (``objdump -p`` version
  references, e.g. ``GLIBCXX_3.4.29`` -> ``libstdc++6 (>= 11)``), else its shlibs entry;
* libc6 gets the glibc floor: the highest ``GLIBC_x.y`` any ELF file in the bundle
  requires (``objdump -T``/``-p``), printed and written to dist/*.glibc-floor.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import buildinfo  # noqa: E402

PACKAGE = "studynotes"
INSTALL_DIR = f"/opt/{PACKAGE}"
COMMAND = f"/usr/bin/{PACKAGE}"
DESKTOP_FILE = f"/usr/share/applications/{PACKAGE}.desktop"
ICON_PNG = f"/usr/share/icons/hicolor/256x256/apps/{PACKAGE}.png"
ICON_SVG = f"/usr/share/icons/hicolor/scalable/apps/{PACKAGE}.svg"
DOC_DIR = f"/usr/share/doc/{PACKAGE}"
ELF_MAGIC = b"\x7fELF"
LOADER = re.compile(r"^ld-linux.*\.so\.\d+$")
GLIBC_VERSION = re.compile(r"^GLIBC_(\d+)\.(\d+)(?:\.(\d+))?$")
# objdump -T: "0000000000000000      DF *UND*  0000000000000000 (GLIBC_2.2.5) free"
UNDEFINED = re.compile(r"\*UND\*\s+[0-9a-f]+\s+(?:\(?([A-Za-z][\w.]*)\)?\s+)?(\S+)$")


# --- reading the bundle's ELF files --------------------------------------------------------


@dataclass
class ElfInfo:
    path: Path
    needed: list[str] = field(default_factory=list)
    # library soname -> version names required from it (GLIBC_2.34, GLIBCXX_3.4.29...)
    versions: dict[str, set[str]] = field(default_factory=dict)
    # undefined dynamic symbols without a version (most X11/xcb/GLib functions)
    unversioned: set[str] = field(default_factory=set)


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as stream:
                if stream.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def read_elf(path: Path) -> ElfInfo:
    """DT_NEEDED and version references of one ELF file (``objdump -p``)."""
    output = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True,
                            check=True).stdout
    info = ElfInfo(path)
    current: str | None = None
    in_references = False
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith("NEEDED"):
            info.needed.append(stripped.split()[1])
        elif stripped == "Version References:":
            in_references = True
        elif in_references:
            if stripped.startswith("required from"):
                current = stripped.removeprefix("required from").strip().rstrip(":")
                info.versions.setdefault(current, set())
            elif current and stripped.startswith("0x"):
                info.versions[current].add(stripped.split()[-1])
            elif not stripped:
                in_references = False
                current = None
    symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    for line in symbols.splitlines():
        match = UNDEFINED.search(line)
        if match and not match.group(1):
            info.unversioned.add(match.group(2))
    return info


def glibc_floor(infos: list[ElfInfo]) -> tuple[tuple[int, ...], Path | None]:
    """Highest GLIBC_x.y required by any file, and one file that requires it."""
    best: tuple[int, ...] = (2, 2, 5)
    where: Path | None = None
    for info in infos:
        for names in info.versions.values():
            for name in names:
                match = GLIBC_VERSION.match(name)
                if match:
                    version = tuple(int(part) for part in match.groups() if part is not None)
                    if version > best:
                        best, where = version, info.path
    return best, where


def version_text(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


# --- mapping libraries to packages ---------------------------------------------------------


def linker_cache() -> dict[str, str]:
    """soname -> path, for this machine's architecture (``ldconfig -p``)."""
    output = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    arch_tag = "x86-64" if os.uname().machine == "x86_64" else ""
    cache: dict[str, str] = {}
    for line in output.splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and (not arch_tag or arch_tag in match.group(2)) and match.group(1) not in cache:
            cache[match.group(1)] = match.group(3)
    return cache


def owning_package(path: str) -> str | None:
    """The package that installed ``path`` (tries the /usr-merged spellings too)."""
    candidates = [path, os.path.realpath(path)]
    for candidate in list(candidates):
        if candidate.startswith("/usr/lib/"):
            candidates.append(candidate.removeprefix("/usr"))
        elif candidate.startswith("/lib/"):
            candidates.append("/usr" + candidate)
    for candidate in dict.fromkeys(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            first = result.stdout.splitlines()[0]
            return first.split(":", 1)[0].split(",")[0].strip()
    return None


def dpkg_info_file(package: str, suffix: str) -> Path | None:
    info = Path("/var/lib/dpkg/info")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    for name in (f"{package}:{arch}.{suffix}", f"{package}.{suffix}"):
        if (info / name).is_file():
            return info / name
    return None


_symbols_cache: dict[tuple[str, str], dict[str, str]] = {}


def symbol_versions(package: str, soname: str) -> dict[str, str]:
    """``symbol@VERSION`` -> minimal package version, from the package's symbols file.

    Only plain entries (the C libraries); C++ patterns and regexes are skipped, their
    libraries' version nodes (``GLIBCXX_3.4.29@GLIBCXX_3.4.29``) cover them.
    """
    key = (package, soname)
    if key not in _symbols_cache:
        table: dict[str, str] = {}
        symbols = dpkg_info_file(package, "symbols")
        if symbols is not None:
            in_section = False
            for line in symbols.read_text(encoding="utf-8", errors="replace").splitlines():
                if line and not line.startswith((" ", "|", "*", "#")):
                    in_section = line.split()[0] == soname
                elif in_section and line.startswith(" ") and not line.lstrip().startswith("("):
                    parts = line.split()
                    if len(parts) >= 2 and "@" in parts[0]:
                        table[parts[0]] = parts[1]
        _symbols_cache[key] = table
    return _symbols_cache[key]


def minimum_version(package: str, soname: str, nodes: set[str], unversioned: set[str]) -> str | None:
    """The lowest version of ``package`` that has everything the bundle uses from ``soname``.

    As dpkg-shlibdeps does: the symbols file's minimal version of each symbol used
    (``name@Base``) and of each version node required (``NODE@NODE``), the highest of
    them; "0" means "any version". Without a symbols file: the shlibs entry.
    """
    table = symbol_versions(package, soname)
    if table:
        found = [table[f"{node}@{node}"] for node in nodes if f"{node}@{node}" in table]
        found += [table[f"{name}@Base"] for name in unversioned if f"{name}@Base" in table]
        if found:
            versions = [version for version in found if version != "0"]
            return max_version(versions) if versions else None
    shlibs = dpkg_info_file(package, "shlibs")
    if shlibs is not None:
        name, _, major = soname.partition(".so.")
        for line in shlibs.read_text(encoding="utf-8").splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == name and parts[1] == major.split(".")[0]:
                match = re.search(r"\(>= ([^)]+)\)", parts[2])
                return match.group(1) if match else None
    return None


def max_version(versions: list[str]) -> str:
    best = versions[0]
    for candidate in versions[1:]:
        if compare_versions(candidate, best) > 0:
            best = candidate
    return best


def compare_versions(a: str, b: str) -> int:
    """Debian version order (epoch:upstream-revision), as ``dpkg --compare-versions``."""
    def split(version: str) -> tuple[int, str, str]:
        epoch, _, rest = version.rpartition(":") if ":" in version else ("0", "", version)
        upstream, _, revision = rest.rpartition("-") if "-" in rest else (rest, "", "0")
        return int(epoch or 0), upstream, revision

    def order(char: str) -> int:
        if char == "~":
            return -1
        if char.isalpha():
            return ord(char)
        return ord(char) + 256

    def compare_part(x: str, y: str) -> int:
        while x or y:
            x_text = re.match(r"[^0-9]*", x).group()
            y_text = re.match(r"[^0-9]*", y).group()
            for i in range(max(len(x_text), len(y_text))):
                cx = order(x_text[i]) if i < len(x_text) else 0
                cy = order(y_text[i]) if i < len(y_text) else 0
                if cx != cy:
                    return -1 if cx < cy else 1
            x, y = x[len(x_text):], y[len(y_text):]
            x_num = re.match(r"[0-9]*", x).group()
            y_num = re.match(r"[0-9]*", y).group()
            if int(x_num or 0) != int(y_num or 0):
                return -1 if int(x_num or 0) < int(y_num or 0) else 1
            x, y = x[len(x_num):], y[len(y_num):]
        return 0

    ea, ua, ra = split(a)
    eb, ub, rb = split(b)
    if ea != eb:
        return -1 if ea < eb else 1
    return compare_part(ua, ub) or compare_part(ra, rb)


@dataclass
class Dependencies:
    depends: list[str]
    floor: tuple[int, ...]
    floor_file: Path | None
    libraries: dict[str, str]  # soname -> package
    unresolved: list[str]


def compute_dependencies(bundle: Path) -> Dependencies:
    infos = [read_elf(path) for path in elf_files(bundle)]
    shipped = {path.name for path in bundle.rglob("*")}
    required: dict[str, set[str]] = {}
    used: dict[str, set[str]] = {}  # soname -> unversioned symbols of the files needing it
    for info in infos:
        for soname in info.needed:
            if soname not in shipped and not LOADER.match(soname):
                required.setdefault(soname, set()).update(info.versions.get(soname, set()))
                used.setdefault(soname, set()).update(info.unversioned)
    floor, floor_file = glibc_floor(infos)
    cache = linker_cache()
    packages: dict[str, list[str]] = {}
    libraries: dict[str, str] = {}
    unresolved: list[str] = []
    for soname in sorted(required):
        path = cache.get(soname)
        package = owning_package(path) if path else None
        if package is None:
            unresolved.append(soname)
            continue
        libraries[soname] = package
        if package == "libc6":
            continue  # its version is the glibc floor
        minimum = minimum_version(package, soname, required[soname], used[soname])
        packages.setdefault(package, [])
        if minimum:
            packages[package].append(minimum)
    depends = [f"libc6 (>= {version_text(floor)})"]
    for package in sorted(packages):
        floor_versions = packages[package]
        depends.append(f"{package} (>= {max_version(floor_versions)})" if floor_versions else package)
    return Dependencies(depends, floor, floor_file, libraries, unresolved)


# --- the package ------------------------------------------------------------------------


def desktop_entry() -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        "Name=Study Notes",
        f"Name[zh_CN]={buildinfo.APP_NAME_ZH}",
        "GenericName=Study notes",
        "GenericName[zh_CN]=学习笔记",
        "Comment=Read, mark and brief pages of study reflections",
        "Comment[zh_CN]=阅读、标注学习心得，编写学习简报",
        f"Exec={INSTALL_DIR}/studynotes-gui",
        f"Icon={PACKAGE}",
        "Terminal=false",
        "Categories=Office;Education;",
        "Keywords=study;notes;reflection;学习;心得;札记;",
        "StartupWMClass=studynotes",
        "",
    ])


def control(version: str, architecture: str, depends: list[str], installed_kb: int) -> str:
    return "\n".join([
        f"Package: {PACKAGE}",
        f"Version: {version}",
        f"Architecture: {architecture}",
        f"Maintainer: {buildinfo.PUBLISHER} <studynotes@localhost>",
        f"Installed-Size: {installed_kb}",
        f"Depends: {', '.join(depends)}",
        "Section: education",
        "Priority: optional",
        "Description: 学习札记 Study Notes — study reflections, highlights and briefs",
        " A desktop app for trade-union and Party cadres: import newspaper pages of",
        " short reflections (心得), read and annotate them, and print a study brief.",
        " This package carries its own Python and Qt under /opt/studynotes.",
        "",
    ])


COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: studynotes
Comment: The application carries its own copies of Python, Qt (LGPL-3.0) and Python
 libraries; the licence text of each is in
 /opt/studynotes/_internal/resources/licenses/ and shown in Help > About.

Files: *
Copyright: Study Notes team
License: GPL-3.0-or-later
 On Debian systems, the full text of the GNU General Public License version 3 can be
 found in /usr/share/common-licenses/GPL-3.
"""


def lay_out(bundle: Path, root: Path, version: str, architecture: str, depends: list[str]) -> None:
    if root.exists():
        shutil.rmtree(root)
    target = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, target, symlinks=True)
    (target / ".studynotes-bundle-version").unlink(missing_ok=True)
    command = root / COMMAND.lstrip("/")
    command.parent.mkdir(parents=True)
    command.symlink_to(f"{INSTALL_DIR}/studynotes")
    write(root / DESKTOP_FILE.lstrip("/"), desktop_entry())
    icons = buildinfo.PROJECT / "resources" / "icons"
    copy(icons / "studynotes.png", root / ICON_PNG.lstrip("/"))
    copy(icons / "studynotes.svg", root / ICON_SVG.lstrip("/"))
    write(root / DOC_DIR.lstrip("/") / "copyright", COPYRIGHT)
    debian = root / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "postrm"):
        copy(HERE / script, debian / script, mode=0o755)
    installed_kb = (buildinfo.folder_size(root) + 1023) // 1024
    write(debian / "control", control(version, architecture, depends, installed_kb))
    write(debian / "md5sums", md5sums(root))
    for path in [root, *root.rglob("*")]:  # 0755 folders, 0644/0755 files, whatever the umask
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif path.parent.name != "DEBIAN":
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)


def md5sums(root: Path) -> str:
    import hashlib

    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(root).parts:
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # noqa: S324 - dpkg's format
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb from the PyInstaller bundle.")
    parser.add_argument("--bundle", type=Path, default=buildinfo.bundle_dir())
    parser.add_argument("--output", type=Path, default=buildinfo.DIST)
    parser.add_argument("--suffix", default="", help="added to the file name, e.g. '-glibc2.28'")
    parser.add_argument("--work", type=Path, default=buildinfo.BUILD / "deb",
                        help="where the package root is laid out")
    parser.add_argument("--compression", choices=("xz", "gzip"), default="xz",
                        help="xz (default: smallest download) or gzip (4x faster to build)")
    args = parser.parse_args(argv)
    if not (args.bundle / "studynotes").is_file():
        raise SystemExit(f"no bundle at {args.bundle}: run `make bundle` first")
    version = buildinfo.project_version()
    architecture = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                                  text=True, check=True).stdout.strip()
    deps = compute_dependencies(args.bundle)
    if deps.unresolved:
        raise SystemExit(
            "These libraries the bundle needs are not installed here, so their packages "
            f"cannot be named: {', '.join(deps.unresolved)}. Install them (as root: `make "
            "system-packages`, or apt-get install the matching packages) and build again.")
    root = args.work / "root"
    lay_out(args.bundle, root, version, architecture, deps.depends)
    args.output.mkdir(parents=True, exist_ok=True)
    deb = args.output / f"{PACKAGE}_{version}_{architecture}{args.suffix}.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", f"-Z{args.compression}",
                    str(root), str(deb)], check=True, stdout=subprocess.DEVNULL)
    floor = version_text(deps.floor)
    report = {
        "deb": str(deb), "version": version, "architecture": architecture,
        "glibc_floor": floor, "glibc_floor_file": str(deps.floor_file or ""),
        "depends": deps.depends, "libraries": deps.libraries,
        "bundle_bytes": buildinfo.folder_size(args.bundle), "deb_bytes": deb.stat().st_size,
    }
    (args.output / f"{deb.stem}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False),
                                                 encoding="utf-8")
    print(f"deb: {deb}  {buildinfo.megabytes(deb.stat().st_size)}  "
          f"(bundle {buildinfo.megabytes(report['bundle_bytes'])})")
    where = deps.floor_file.relative_to(args.bundle) if deps.floor_file else "-"
    print(f"glibc floor: {floor} (highest GLIBC_ version required, e.g. by {where})")
    print(f"Depends: {', '.join(deps.depends)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
