"""The Windows installer's recipe, checked here since it cannot be built on Linux: per-user,
Chinese first, the .lsb association, the data kept, and the same spec as the .deb's."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def _iss() -> str:
    return (INSTALLER / "windows" / "liaison.iss").read_text(encoding="utf-8")


def _iss_section(name: str) -> list[str]:
    lines = _iss().splitlines()
    start = lines.index(f"[{name}]")
    body = []
    for line in lines[start + 1 :]:
        if line.startswith("["):
            break
        if line.strip() and not line.startswith(";"):
            body.append(line)
    return body


def test_the_windows_installer_is_per_user_chinese_first_and_keeps_the_data() -> None:
    setup = dict(line.split("=", 1) for line in _iss_section("Setup"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == "{autopf}\\Liaison"  # %LOCALAPPDATA%\Programs per user
    assert setup["ChangesAssociations"] == "yes"
    assert _iss_section("Languages")[0].startswith('Name: "chinesesimplified"')
    assert "[UninstallDelete]" not in _iss().splitlines()  # the user's databases and backups stay
    script = [line.lower() for line in _iss().splitlines() if not line.startswith(";")]
    assert not any("localappdata" in line for line in script)  # nothing touches the data folder
    here = INSTALLER / "windows"
    for key in ("SetupIconFile", "LicenseFile"):
        assert (here / setup[key].replace("\\", "/")).is_file(), key
    assert (here / setup["OutputDir"].replace("\\", "/")).resolve() == ROOT / "dist"


def test_the_windows_installer_starts_the_programs_the_spec_builds() -> None:
    icons = "\n".join(_iss_section("Icons"))
    assert icons.count('Filename: "{app}\\liaison.exe"') == 2  # start menu and desktop
    registry = "\n".join(_iss_section("Registry"))
    assert 'Subkey: "Software\\Classes\\.lsb"' in registry
    assert '"""{app}\\liaison.exe"" ""%1"""' in registry  # what `liaison FILE.lsb` expects
    assert all(line.startswith("Root: HKA;") for line in _iss_section("Registry"))
    files = _iss_section("Files")
    assert files == [
        'Source: "{#DistDir}\\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs '
        "createallsubdirs"
    ]


def test_the_windows_build_script_runs_the_same_spec_and_checks_the_result() -> None:
    script = (INSTALLER / "windows" / "build-windows.ps1").read_text(encoding="utf-8")
    assert '"installer\\liaison.spec"' in script
    assert '".[build]"' in script
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert any(d.startswith("pyinstaller") for d in extras["build"])
    assert "dist\\liaison\\liaison-cli.exe" in script
    assert '"installer\\windows\\liaison.iss"' in script
    # every `Run` names an executable and a list of arguments (a typo in PowerShell fails late)
    calls = re.findall(r'^\s*Run (\$\w+|"\w+") @\(([^)]*)\)$', script, flags=re.MULTILINE)
    assert len(calls) == len(re.findall(r"^\s*Run ", script, flags=re.MULTILINE)) >= 8
    assert script.count("(") == script.count(")") and script.count("{") == script.count("}")
