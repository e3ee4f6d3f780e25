"""The frozen build's recipe (installer/freeze_config.py, read by installer/liaison.spec on Linux
and Windows): it leaves out nothing the code imports and keeps what an office desktop uses.
installer/check-deb.sh, run by CI, builds, installs and uses the real thing."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def _freeze_config() -> ModuleType:
    spec = importlib.util.spec_from_file_location("freeze_config", INSTALLER / "freeze_config.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


config = _freeze_config()


def _imported_modules() -> set[str]:
    """Every module liaison/ imports, by its full dotted name."""
    found: set[str] = set()
    for path in (ROOT / "liaison").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_nothing_the_code_imports_is_left_out_of_the_frozen_build() -> None:
    imported = _imported_modules()
    for excluded in config.EXCLUDES:
        hits = {m for m in imported if m == excluded or m.startswith(excluded + ".")}
        assert not hits, f"{excluded} is excluded from the build but liaison imports {hits}"
    qt = {m.split(".")[1] for m in imported if m.startswith("PySide6.Qt")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPrintSupport", "QtNetwork"} <= qt


def test_the_postgresql_driver_goes_in_for_desktops_working_on_a_hub() -> None:
    imported = _imported_modules()
    assert "psycopg" in imported  # liaison.data.pg_db: office desktops connect to the hub
    assert not any(e == "psycopg" or e.startswith("psycopg") for e in config.EXCLUDES)


def test_the_spec_takes_its_lists_from_the_one_config_and_the_lazy_screens_whole() -> None:
    spec = (INSTALLER / "liaison.spec").read_text(encoding="utf-8")
    names = "EXCLUDES, HIDDEN_IMPORTS, datas, wanted"
    assert f"from freeze_config import {names}" in spec
    assert 'collect_submodules("liaison") + HIDDEN_IMPORTS' in spec
    assert "excludes=EXCLUDES" in spec
    # the names the Windows installer and the .deb start
    assert 'executable("liaison", console=not WINDOWS)' in spec
    assert 'executable("liaison-cli", console=True)' in spec


def test_the_bundled_data_is_what_the_code_looks_for(tmp_path: Path) -> None:
    info = tmp_path / "BUILD_INFO.json"
    pairs = dict((dest, Path(src)) for src, dest in config.datas(info))
    assert pairs["."] == info
    resources = pairs["resources"]
    for needed in (
        "fonts/wqy-microhei.ttc",
        "fonts/LICENSE-wqy-microhei.txt",
        "i18n/liaison_en.qm",
        "icons/liaison-256.png",
        "icons/liaison.ico",
        "NOTICES.txt",
        "reference/departments.json",
    ):
        assert (resources / needed).is_file(), needed
    assert (pairs["liaison/data/migrations"] / "env.py").is_file()


LINUX = [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
    ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
    ("PySide6/Qt/lib/libQt6OpenGL.so.6", False),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
    ("libQt6WaylandClient.so.6", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("stdnum/cn/loc.dat", True),
    ("stdnum/oui.dat", False),
    ("resources/fonts/wqy-microhei.ttc", True),
]
WINDOWS = [
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
    ("PySide6\\plugins\\printsupport\\windowsprintersupport.dll", True),
    ("PySide6\\plugins\\imageformats\\qjpeg.dll", True),
    ("PySide6\\plugins\\imageformats\\qtiff.dll", False),
    ("PySide6\\translations\\qtbase_zh_CN.qm", True),
    ("PySide6\\translations\\qtbase_ja.qm", False),
    ("stdnum\\oui.dat", False),
]


@pytest.mark.parametrize(("dest", "kept"), LINUX)
def test_linux_keeps_what_an_office_desktop_uses(dest: str, kept: bool) -> None:
    assert config.wanted(dest, "/work/.venv/lib/python3.12/site-packages/" + dest) is kept


@pytest.mark.parametrize(("dest", "kept"), WINDOWS)
def test_windows_keeps_the_same_parts_under_its_own_names(dest: str, kept: bool) -> None:
    assert config.wanted(dest, "C:\\venv\\Lib\\site-packages\\" + dest, windows=True) is kept


def test_the_systems_libraries_come_from_its_packages_on_linux_only() -> None:
    assert not config.wanted("libxcb-cursor.so.0", "/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    assert not config.wanted("libcups.so.2", "/lib/x86_64-linux-gnu/libcups.so.2")
    assert config.wanted("libpython3.12.so.1.0", "/root/.pyenv/versions/3.12.1/lib/libpython.so")
    assert config.wanted("VCRUNTIME140.dll", "/usr/lib/VCRUNTIME140.dll", windows=True)
