"""Fixtures for the UI tests: settings in a temp folder, small speeches and library packs."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QByteArray, QMimeData

from composer.core.library import PARAGRAPH, Pack, Snippet
from composer.core.speech import Section, Speech
from composer.io import library_file, library_store
from composer.ui import settings
from composer.ui.qt_check import broken_qt_message

# PySide6 6.12.0 on Python 3.11 drains None's reference count with every void Qt call and aborts
# a long run (see qt_check.py): say so at once rather than crash half-way through the suite.
if broken_qt_message():
    pytest.exit(broken_qt_message() or "", returncode=2)


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, monkeypatch):
    """Every test gets its own, empty settings file (never the user's real one)."""
    folder = tmp_path / "settings"
    folder.mkdir()
    settings.use_folder(str(folder))
    yield folder
    settings.use_folder(None)


def make_speech() -> Speech:
    """一、 A with （一） A1 (with 1. A1a) and （二） A2;  二、 B;  三、 C."""
    a1a = Section("A1a", ["a1a text"])
    a1 = Section("A1", ["a1 text"], [a1a])
    a2 = Section("A2", ["a2 text"])
    a = Section("A", ["a text"], [a1, a2])
    b = Section("B", ["b text"])
    c = Section("C", ["c text"])
    return Speech(title="T", salutation="同志们：", opening=["open"], body=[a, b, c],
                  closing=["谢谢大家！"])


def make_pack(path: str = "", read_only: bool = True) -> Pack:
    snippets = [
        Snippet("p-1", 1, "统一思想，提高认识", ["创建文明单位意义重大。"], kind="意义"),
        Snippet("p-2", 2, "加强组织领导", ["成立创建工作领导小组。"], kind="措施"),
        Snippet("p-3", 3, "明确责任分工", ["各处室要明确责任。"], kind="措施"),
        Snippet("p-4", 4, "建立台账", ["逐项建立工作台账。"], kind="要求"),
        Snippet("p-5", PARAGRAPH, "", ["同志们，创建工作任重道远。"], kind="结尾"),
        Snippet("p-6", 1, "强化措施，狠抓落实", ["扎实推进各项工作。"],
                children=[Section("完善制度", ["建立健全制度。"])], kind="措施"),
    ]
    return Pack("测试素材", snippets, path, read_only)


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog or menu nobody answers would hang the test run: fail at once instead,
    naming it.  Covers the static helpers (QMessageBox.question …, QFileDialog.get…,
    QInputDialog.get…) and every ``exec`` (a QMessageBox or dialog built by hand, a context
    menu); opening a URL would start a file manager or browser.  Tests that expect one of these
    replace it with their own answer (monkeypatch a class attribute, or the module's helper)."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import (QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox,
                                   QWidget)

    def describe(value) -> str:
        if isinstance(value, QMessageBox):
            return value.text()
        return value.windowTitle() if isinstance(value, QWidget) else repr(value)

    def refuse(what):
        def unexpected(*args, **kwargs):
            shown = [a if isinstance(a, str) else describe(a) for a in args[:3]]
            raise AssertionError(f"unexpected {what}: {shown} (stub it in the test)")
        return unexpected
    for name in ("question", "warning", "information", "critical", "about", "aboutQt"):
        monkeypatch.setattr(QMessageBox, name, refuse(f"QMessageBox.{name}"))
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory",
                 "getOpenFileUrl", "getSaveFileUrl", "getExistingDirectoryUrl"):
        monkeypatch.setattr(QFileDialog, name, refuse(f"QFileDialog.{name}"))
    for name in ("getText", "getMultiLineText", "getInt", "getDouble", "getItem"):
        monkeypatch.setattr(QInputDialog, name, refuse(f"QInputDialog.{name}"))
    for cls in (QDialog, QMessageBox, QFileDialog, QInputDialog, QMenu):
        monkeypatch.setattr(cls, "exec", refuse(f"{cls.__name__}.exec"))
    monkeypatch.setattr(QDesktopServices, "openUrl", refuse("QDesktopServices.openUrl"))


@pytest.fixture(autouse=True)
def font_notice_goes_on(monkeypatch):
    """This machine has none of the official fonts, so every export in the window would first
    show the font notice: it answers 继续导出 unless a test says otherwise.  The real function is
    the fixture's value (tests/ui/test_export_notices.py)."""
    from composer.ui import file_actions
    real = file_actions.ask_about_fonts
    monkeypatch.setattr(file_actions, "ask_about_fonts", lambda parent, notices, **wording: True)
    return real


@pytest.fixture(autouse=True)
def preflight_goes_on(monkeypatch):
    """The export preflight lists what the proofreader finds; the small test speeches have
    findings (make_speech's lone （一）), so it answers 仍然导出 unless a test says otherwise.
    The real function is the fixture's value (tests/ui/test_check_panel.py)."""
    from composer.ui import preflight_dialog
    real = preflight_dialog.ask_preflight
    monkeypatch.setattr(preflight_dialog, "ask_preflight",
                        lambda *args: (preflight_dialog.EXPORT, None))
    return real


@pytest.fixture
def speech() -> Speech:
    return make_speech()


def section_mime(model, section_id: str) -> QMimeData:
    return model.mimeData([model.index_for(section_id)])


def snippet_mime(ref: str) -> QMimeData:
    from composer.ui.outline_model import SNIPPET_MIME
    mime = QMimeData()
    mime.setData(SNIPPET_MIME, QByteArray(json.dumps([ref]).encode()))
    return mime


def headings(speech: Speech) -> list[tuple[int, str]]:
    return [(level, section.heading) for section, level in speech.walk()]


@pytest.fixture
def library():
    """A read-only test pack plus the user's (empty) own pack in the temp data folder."""
    from composer.io.library_store import LoadedLibrary, empty_user_pack
    return LoadedLibrary([make_pack("bundled/test.library.yaml"), empty_user_pack()], [])


@pytest.fixture
def window(qtbot, library):
    """The main window with the test library and the small test speech open."""
    from composer.ui.main_window import MainWindow
    win = MainWindow(library=library)
    # No unsaved-changes prompt when pytest-qt closes the window after the test.
    qtbot.addWidget(win, before_close_func=lambda w: w.document.stack.setClean())
    win.document.load(make_speech(), None)
    win.show()
    qtbot.waitExposed(win)
    return win


def select(window, heading_or_key: str) -> None:
    """Select an outline row by heading text, or by key (head/opening/closing)."""
    key = heading_or_key
    for section, _ in window.document.speech.walk():
        if section.heading == heading_or_key:
            key = section.id
    window.outline.select(key)
    assert window.outline.current_key() == key


def commit_text(widget, text: str) -> None:
    """Type Chinese the way an input method delivers it (keyClicks cannot send Chinese)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_blocks(view) -> list[str]:
    """The text of each block of the document view, without the line breaks page-width mode
    adds where the page breaks its lines (decoration: they neither copy nor print)."""
    document = view.document()
    texts = []
    for i in range(document.blockCount()):
        block = document.findBlockByNumber(i)
        texts.append("".join(char for at, char in enumerate(block.text())
                             if not view.renderer.wraps_at(block.position() + at)))
    return texts


def shown_text(view) -> str:
    """The document view's text as QTextEdit.toPlainText gives it, without the page's breaks."""
    return "\n".join(shown_blocks(view)).replace("\u2028", "\n")


# --- the user's library pack: what is on disk and what the pane shows -----------------------------

def on_disk() -> list[str]:
    """The headings of the user's pack as the file holds them ([] when there is no file)."""
    path = library_store.user_pack_path()
    if not path.exists():
        return []
    return [s.heading for s in library_file.load_pack(path, use_index=False).snippets]


def in_pane(window) -> list[str]:
    """The headings of the user's pack as the library pane holds them."""
    return [s.heading for s in window.library_pane.library.user_pack().snippets]


def user_pack_unwritable(monkeypatch, zh: str, en: str) -> list[str]:
    """Every write of the user's pack fails with ComposerError(zh, en) (a network folder gone
    offline, a full disk); returns the list the window's warning boxes are collected in."""
    from PySide6.QtWidgets import QMessageBox

    from composer.core.errors import ComposerError
    from composer.io import files
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    real = files.write_bytes

    def failing(path, data, **options):
        if str(path).endswith(library_store.USER_PACK_FILE):
            raise ComposerError(zh, en)
        return real(path, data, **options)
    monkeypatch.setattr(files, "write_bytes", failing)
    return warnings
