"""Language of the UI: Chinese by default (source strings), English from a Qt translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from liaison.paths import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}
_installed: list[QTranslator] = []


def current_language(settings: QSettings | None = None) -> str:
    value = (settings or QSettings()).value("ui/language", "zh_CN")
    return value if value in LANGUAGES else "zh_CN"


def set_language(code: str) -> None:
    QSettings().setValue("ui/language", code)


def install_translators(app: QCoreApplication, language: str) -> None:
    """Load Liaison's English translation (when asked) and Qt's own strings for the locale."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English)
    )
    qt = QTranslator(app)
    qt_name = "qtbase_zh_CN" if language == "zh_CN" else "qtbase_en"
    if qt.load(qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    if language != "zh_CN":
        own = QTranslator(app)
        if own.load(str(resources_dir() / "i18n" / f"liaison_{language}.qm")):
            app.installTranslator(own)
            _installed.append(own)
