"""What the frozen build carries and leaves out: read by installer/liaison.spec (PyInstaller) on
Linux and Windows alike, and by tests/installer/, which check it against what the code imports.

Plain Python, no PyInstaller import, so the tests run without it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

ROOT = Path(__file__).resolve().parent.parent


def datas(build_info: Path) -> list[tuple[str, str]]:
    """Data files: the folder names inside the bundle are what liaison.paths and
    liaison.data.migrate look for (`resources/` beside the code, the migrations as source files
    beside liaison/data, BUILD_INFO.json beside resources/)."""
    return [
        (str(ROOT / "resources"), "resources"),
        (str(ROOT / "liaison" / "data" / "migrations"), "liaison/data/migrations"),
        (str(build_info), "."),
    ]


# Modules imported by name at run time besides liaison's own (collected whole by the spec: the
# screens are loaded lazily through importlib).
HIDDEN_IMPORTS = ["chinese_calendar"]

# Qt and Python parts the app never uses: leaving them out saves about half the size.
EXCLUDES = [
    "tkinter",
    "unittest",
    "pydoc_data",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtSvgWidgets",
    "yaml",  # msgspec's optional YAML support
    # Pillow only opens photographed closure records (JPEG, PNG, WebP): no AVIF, no fonts, no Tk
    "PIL._avif",
    "PIL._imagingft",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._imagingcms",
    "PIL.ImageCms",
    # codecs of Japanese, Korean and traditional Chinese (GBK and GB18030 stay, for CSV imports)
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_codecs_hk",
    "_codecs_iso2022",
    # SQLAlchemy dialects of databases Liaison does not run on (SQLite and PostgreSQL stay)
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
]

# Qt plugins by folder: the platforms, print support, image formats and input methods (Chinese
# input through ibus or fcitx's ibus frontend) the app uses; the rest are for devices and
# embedded screens an office laptop does not have. Names without `lib` and suffix, so one list
# serves Linux (`libqxcb.so`) and Windows (`qwindows.dll`).
QT_PLUGINS_DROPPED = {
    "egldeviceintegrations",
    # Wayland: an office desktop (UOS, Kylin) runs X11, and a Wayland session runs Qt apps through
    # XWayland when the Wayland plugin is absent
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
    "generic",
    "networkinformation",
    "tls",
    # OpenGL through GLX and SVG icons: the windows are drawn in software, the icons are PNGs
    "xcbglintegrations",
    "iconengines",
}
QT_PLUGINS_KEPT = {
    "platforms": {"qxcb", "qwindows", "qoffscreen", "qminimal"},
    "imageformats": {"qgif", "qico", "qjpeg", "qwebp"},
    "platformthemes": {"qxdgdesktopportal"},  # GTK's theme would need all of GTK 3
}
# Qt's own translations: Chinese and English only (the languages the app speaks).
QT_TRANSLATIONS_KEPT = {"qt_zh_CN", "qtbase_zh_CN", "qt_en", "qtbase_en"}
# Qt on a bare screen without X11, Wayland's client libraries, OpenGL and SVG (see above)
QT_LIBS_DROPPED = (
    "libQt6EglFs",
    "libQt6EglFSDevice",
    "libQt6Wayland",
    "libQt6WlShell",
    "libQt6OpenGL",  # only the GLX integration (QT_PLUGINS_DROPPED) needs it
    "libQt6Svg",  # only the SVG icon engine and image format need it
)

# On Linux the libraries of the system (X11, fontconfig, cups, OpenSSL, SQLite, glib...) come from
# the distribution's own packages: build-deb.sh turns what the bundle needs of them into the
# .deb's Depends, so security updates reach them. Windows has no such packages: it keeps all.
SYSTEM_LIB_DIRS = ("/lib/", "/usr/lib/", "/lib64/", "/usr/lib64/")


def _plugin_name(file_name: str) -> str:
    stem = file_name.split(".", 1)[0]
    return stem.removeprefix("lib")


def wanted(dest: str, source: str = "", *, windows: bool = False) -> bool:
    """Whether a binary or data file the analysis found goes into the bundle (`dest` is its
    path inside the bundle, `source` where it was found)."""
    if not windows and source.startswith(SYSTEM_LIB_DIRS):
        return False
    path = PureWindowsPath(dest) if windows else PurePosixPath(dest)
    parts = path.parts
    if path.name.startswith(QT_LIBS_DROPPED):
        return False
    if path.suffix == ".dat" and parts[0] == "stdnum" and parts[1:2] != ("cn",):
        return False  # stdnum's tables of other countries (Liaison checks 统一社会信用代码 only)
    # Qt's files: PySide6/Qt/{lib,plugins,translations} on Linux, PySide6/{plugins,...} on Windows
    if parts[:2] == ("PySide6", "Qt"):
        qt = parts[2:]
    elif parts[:1] == ("PySide6",):
        qt = parts[1:]
    else:
        return True
    if qt[:1] == ("translations",):
        return path.suffix != ".qm" or path.stem in QT_TRANSLATIONS_KEPT
    if qt[:1] == ("plugins",) and len(qt) >= 3:
        folder, name = qt[1], _plugin_name(qt[-1])
        if folder in QT_PLUGINS_DROPPED:
            return False
        if folder in QT_PLUGINS_KEPT:
            return name in QT_PLUGINS_KEPT[folder]
    return True
