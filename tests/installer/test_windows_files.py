"""The Windows installer's inputs (Windows itself cannot build here: these check what can be).

The Inno Setup script's promises to an office PC (no administrator rights, Chinese
shortcuts, the user's library kept on uninstall) and the version resource the
executables get from pyproject.toml.
"""

from __future__ import annotations

import re

import pytest
from installer_helpers import INSTALLER, PROJECT, buildinfo

ISS = INSTALLER / "windows" / "studynotes.iss"


@pytest.fixture(scope="module")
def iss() -> str:
    data = ISS.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Inno Setup needs the UTF-8 BOM to read the Chinese text"
    return data.decode("utf-8-sig").replace("\r\n", "\n")


def test_installs_per_user_without_administrator_rights(iss: str) -> None:
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}\\StudyNotes$", iss, re.M)  # = {localappdata}\Programs


def test_chinese_installer_and_shortcuts(iss: str) -> None:
    assert '#define AppNameZh "学习札记"' in iss
    assert re.search(r'^Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"$', iss, re.M)
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppNameZh\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.M)
    assert re.search(r'^Name: "\{autodesktop\}\\\{#AppNameZh\}";.*Tasks: desktopicon$', iss, re.M)
    assert '#define AppExe "studynotes-gui.exe"' in iss


def test_uninstall_keeps_the_library_unless_asked(iss: str) -> None:
    code = iss[iss.index("[Code]"):]
    assert "usPostUninstall" in code
    assert "MB_YESNO or MB_DEFBUTTON2" in code  # "No" is the default answer
    assert "not UninstallSilent()" in code  # silent uninstalls never delete data
    assert "DelTree(UserDataDir()" in code
    assert code.index("IDYES") < code.index("DelTree")
    assert "{localappdata}\\StudyNotes" in code  # where desktop.paths keeps the library


def test_build_script_and_workflow_produce_the_setup(iss: str) -> None:
    script = (INSTALLER / "windows" / "build.ps1").read_text(encoding="utf-8-sig")
    assert "installer\\bundle.py" in script
    assert '"/DAppVersion=$Version"' in script and "installer\\windows\\studynotes.iss" in script
    assert "Languages/Unofficial/ChineseSimplified.isl" in script
    workflow = (PROJECT / ".github" / "workflows" / "windows-installer.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in workflow
    assert "installer/windows/build.ps1" in workflow
    assert "OutputBaseFilename=studynotes-{#AppVersion}-setup" in iss


def test_version_resource_comes_from_pyproject(tmp_path) -> None:
    """The file PyInstaller compiles into the .exe resources (read here with stand-ins for
    PyInstaller's classes, whose module needs pefile, a Windows-only dependency)."""
    version = buildinfo.project_version()
    path = buildinfo.write_windows_version_file(tmp_path / "version.txt", version, "studynotes-gui")
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    recorded: dict[str, list] = {name: [] for name in names}

    def recorder(name: str):
        def make(*args, **kwargs):
            recorded[name].append((args, kwargs))
            return name
        return make

    eval(path.read_text(encoding="utf-8"), {name: recorder(name) for name in names})  # noqa: S307
    fixed = recorded["FixedFileInfo"][0][1]
    assert fixed["filevers"] == fixed["prodvers"] == buildinfo.version_tuple(version)
    strings = dict(args for args, _ in recorded["StringStruct"])
    assert strings["ProductVersion"] == strings["FileVersion"] == version
    assert strings["ProductName"] == "学习札记"
    assert strings["OriginalFilename"] == "studynotes-gui.exe"
    assert recorded["StringTable"][0][0][0] == "080404B0"  # Chinese (PRC), Unicode


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)), ("2.0rc1", (2, 0, 0, 0)), ("3", (3, 0, 0, 0)),
])
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert buildinfo.version_tuple(version) == numbers
