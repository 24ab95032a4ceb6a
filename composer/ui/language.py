"""The UI language and fonts.

The source strings of the UI are Chinese, the primary language: a Chinese UI needs no catalogue
at all (it cannot break because a file is missing), and English comes from
``resources/translations/speech_composer_en.qm``.  Qt's own catalogue ``qtbase_zh_CN.qm`` (shipped
with PySide6) is loaded for Chinese so that the standard dialogs and buttons speak Chinese too.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ..core import i18n
from ..io import paths
from . import settings

# Fonts that hold Chinese on each platform, in order of preference; Qt falls back along the list.
UI_FONT_FAMILIES = [
    "Microsoft YaHei UI", "Microsoft YaHei",        # Windows
    "PingFang SC", "Hiragino Sans GB",             # macOS
    "Noto Sans CJK SC", "Source Han Sans SC",      # Linux desktops
    "WenQuanYi Micro Hei", "Droid Sans Fallback",
    "SimHei", "SimSun",                            # older Windows
]

_installed: list[QTranslator] = []

# Strings of Qt's own dialogs that its zh_CN catalogue lacks (Qt 6 added a mnemonic to them; the
# catalogue still has only the old forms 「Look in:」 and 「Files of type:」).
SUPPLEMENT = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileSystemModel", "Size"): "大小",      # the catalogue says 体积 (volume); Windows says 大小
}


class SupplementTranslator(QTranslator):
    """Qt's catalogue plus the strings in SUPPLEMENT."""

    def translate(self, context, source, disambiguation=None, n=-1):
        # None is a null string: "not here, ask the next catalogue"; "" would blank the text.
        return SUPPLEMENT.get((context, source))

    def isEmpty(self) -> bool:
        return False


def resolve(choice: str, system_locale: str | None = None) -> str:
    """'zh' or 'en' for a settings choice ('system', 'zh', 'en').

    Following the system means Chinese for any Chinese locale, English for any other — except a
    bare C/POSIX locale (servers, minimal systems), which says nothing about the user: Chinese.
    """
    if choice in ("zh", "en"):
        return choice
    name = system_locale if system_locale is not None else QLocale.system().name()
    if not name or name in ("C", "POSIX") or name.startswith("zh"):
        return "zh"
    return "en"


def translations_dir():
    return paths.resources_dir() / "translations"


def install(app: QCoreApplication, language: str) -> None:
    """Install the translators for 'zh' or 'en', replacing any installed before."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)  # messages from core/io follow the UI
    if language == "en":
        candidates = [("speech_composer_en", str(translations_dir()))]
        QLocale.setDefault(QLocale("en_US"))
    else:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [("qtbase_zh_CN", qt_dir)]
        QLocale.setDefault(QLocale("zh_CN"))
        supplement = SupplementTranslator(app)
        app.installTranslator(supplement)
        _installed.append(supplement)
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


def prepare_environment(environ=os.environ) -> None:
    """Before anything asks Qt for the system locale (QSettings does): dates in Qt's own
    dialogs follow the system's time locale, and a C locale (or none) writes 「1 12 2026」.  On
    such a system, whose locale says nothing about the user and whose UI is Chinese by default,
    use the Chinese time format (「2026/12/1」, readable in an English UI too).  Nothing changes
    where the system names a locale of its own."""
    if environ.get("LC_ALL"):
        return
    time_locale = environ.get("LC_TIME") or environ.get("LANG") or ""
    if time_locale in ("", "C", "POSIX") or time_locale.startswith("C."):
        environ["LC_TIME"] = "zh_CN.UTF-8"


def ui_font(base: QFont | None = None) -> QFont:
    font = QFont(base) if base is not None else QFont()
    font.setFamilies(UI_FONT_FAMILIES + [f for f in font.families() if f not in UI_FONT_FAMILIES])
    return font


def setup(app: QApplication) -> str:
    """Language and font for a new application; returns the language in use."""
    language = resolve(settings.language_choice())
    install(app, language)
    app.setFont(ui_font(app.font()))
    return language
