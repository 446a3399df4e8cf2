"""The .deb: honest dependencies, a clean layout, and an install/remove that leaves no trace.

Installing needs root, which CI has; anywhere else these tests fail with a message
saying so rather than skipping (a skipped install test proves nothing).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from installer_helpers import buildinfo, run_frozen

pytestmark = pytest.mark.slow

PACKAGE = "studynotes"
INSTALLED_PATHS = ("/opt/studynotes", "/usr/bin/studynotes",
                   "/usr/share/applications/studynotes.desktop",
                   "/usr/share/icons/hicolor/256x256/apps/studynotes.png",
                   "/usr/share/icons/hicolor/scalable/apps/studynotes.svg",
                   "/usr/share/doc/studynotes")


def control_fields(deb: Path) -> dict[str, str]:
    text = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith(" "):
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def max_glibc_required(bundle: Path) -> tuple[int, ...]:
    """Independently of the builder: the highest GLIBC_x.y in any ELF file's dynamic symbols."""
    highest: tuple[int, ...] = (0,)
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
            for found in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", symbols):
                highest = max(highest, tuple(int(part) for part in found.split(".")))
    return highest


def test_control_names_version_and_the_glibc_floor(deb_package, bundle: Path) -> None:
    fields = control_fields(deb_package.path)
    assert fields["Package"] == PACKAGE
    assert fields["Version"] == buildinfo.project_version()
    depends = [item.strip() for item in fields["Depends"].split(",")]
    floor = ".".join(str(part) for part in max_glibc_required(bundle))
    assert f"libc6 (>= {floor})" in depends
    assert deb_package.report["glibc_floor"] == floor
    # The desktop libraries left out of the bundle are declared, with the package that has them.
    names = {item.split()[0] for item in depends}
    assert {"libx11-6", "libfontconfig1", "libxkbcommon0", "libglib2.0-0", "libdbus-1-3",
            "libxcb-cursor0", "libstdc++6"} <= names
    for soname, package in deb_package.report["libraries"].items():
        assert package in names, f"{soname} ({package}) missing from Depends"


def test_layout_and_desktop_entry(deb_package) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb_package.path)], capture_output=True,
                             text=True, check=True).stdout
    assert re.search(r"^-rwxr-xr-x root/root .* \./opt/studynotes/studynotes$", listing, re.M)
    assert re.search(r"^lrwxrwxrwx root/root .* \./usr/bin/studynotes -> /opt/studynotes/studynotes$",
                     listing, re.M)
    assert "./usr/share/icons/hicolor/256x256/apps/studynotes.png" in listing
    assert "./usr/share/doc/studynotes/copyright" in listing
    entry = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb_package.path)], capture_output=True,
                           check=True).stdout
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(entry)) as archive:
        desktop = archive.extractfile("./usr/share/applications/studynotes.desktop").read().decode("utf-8")
        owners = {(member.uname, member.gname) for member in archive.getmembers()}
    assert "Name[zh_CN]=学习札记" in desktop
    assert "Exec=/opt/studynotes/studynotes-gui" in desktop
    assert "Icon=studynotes" in desktop
    assert owners == {("root", "root")}


def _require_root() -> None:
    if os.geteuid() != 0:
        pytest.fail("Installing the .deb needs root (CI runs as root): run this test as root.")


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True,
                          env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def test_install_run_and_purge_leave_only_the_users_data(deb_package, tmp_path: Path) -> None:
    _require_root()
    home = tmp_path / "user"
    home.mkdir()
    installed = _dpkg("-i", str(deb_package.path))
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert Path("/usr/bin/studynotes").resolve() == Path("/opt/studynotes/studynotes")
        version = run_frozen("studynotes", "--version", home=home)  # found on the PATH
        assert version.returncode == 0, version.stderr
        assert version.stdout.strip() == f"studynotes {buildinfo.project_version()}"
        sample = "/opt/studynotes/_internal/resources/samples/beijing_union_congress.txt"
        imported = run_frozen("studynotes", "import", sample, home=home)
        assert imported.returncode == 0, imported.stderr
        assert (home / "data" / "library.sqlite3").is_file()
        files = _dpkg("-L", PACKAGE).stdout.splitlines()
        assert "/opt/studynotes/studynotes" in files
    finally:
        purged = _dpkg("--purge", PACKAGE)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert _dpkg("-s", PACKAGE).returncode != 0
    left = [path for path in INSTALLED_PATHS if os.path.lexists(path)]
    assert left == []
    # The user's library is theirs: removing the program keeps it.
    assert (home / "data" / "library.sqlite3").is_file()
