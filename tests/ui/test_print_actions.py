"""File menu: 打印预览…, 打印… and 导出 PDF…, driven through the window as a writer uses them.

The modal dialogs are stubbed (tests/ui/conftest.py fails on any that is not): the preview's
``exec`` makes the preview widget paint and reads its page count; the print dialog's ``exec``
sends the printer to a PDF file, as choosing 「打印到文件(PDF)」 does; the PDFs are then measured
with tests/export/pdf_layout.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QPushButton, QToolBar, QToolButton

from composer import pages
from composer.core import i18n
from composer.export import layout, load_profile
from composer.io.speech_file import load_speech
from composer.ui import file_actions, file_dialogs, language

from export.pdf_layout import line_slots, read_layout
from pages.measure import check_rules

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"
LINES, CHARS = 22, 28


@pytest.fixture
def example_window(window):
    window.document.load(load_speech(EXAMPLE), None)
    return window


def expected_pages(window) -> int:
    return pages.lay_out(window.document.speech, load_profile()).page_count


def assert_measures_right(path: Path, speech) -> None:
    """The PDF's pages: numbered 1 … N, 22 lines on every page no rule shortened, 28 characters
    on full lines, and no heading, widow or orphan at a page break."""
    profile = load_profile()
    measured = read_layout(path, profile.page.bottom_mm)
    assert [p.footer.text for p in measured] == [f"\u2014 {n} \u2014" for n in range(1, len(measured) + 1)]
    right = (profile.page.width_mm - profile.page.right_mm) * 72 / 25.4
    full = [line for page in measured for line in page.lines
            if line.all_cjk() and line.chars[-1]["x1"] > right - 8 and len(line.chars) >= CHARS - 1]
    assert len(full) > 100
    assert sum(len([c for c in line.chars if c["x0"] < right - 8]) == CHARS for line in full) > 0.9 * len(full)
    slots = lambda page: line_slots(page, profile.text.line_pitch_pt)[-1] + 1  # noqa: E731
    rules = check_rules(measured, layout.speech_blocks(speech, profile), LINES, slots)
    assert rules.headings_at_foot == rules.widows == rules.orphans == rules.unexplained_short == []
    for page in measured[:-1]:
        assert page.number in rules.short or slots(page) == LINES


def test_the_file_menu_has_print_preview_print_and_pdf(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    for text in ("导出 Word…", "导出 PDF…", "打印预览…", "打印…"):
        assert text in texts
    assert window.printing.print.shortcut().toString() == "Ctrl+P"


def test_print_preview_opens_with_the_right_page_count(example_window, monkeypatch, qapp):
    language.install(qapp, "zh")    # Qt's own dialogs in Chinese, as the application starts them
    seen = {}

    def show(dialog):
        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()      # what showing the dialog does: the pages are painted
        seen.update(pages=widget.pageCount(), title=dialog.windowTitle(),
                    actions=[a.text() for a in dialog.findChildren(type(example_window.printing.print))])
        return 0
    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    example_window.printing.preview.trigger()
    expected = expected_pages(example_window)
    assert expected == 10
    assert seen["pages"] == expected
    assert f"共 {expected} 页" in seen["title"]
    assert "下一页" in seen["actions"] and "打印" in seen["actions"]   # the preview speaks Chinese
    assert i18n.language() == "zh"


def test_print_preview_is_big_enough_to_read_a_page_and_reach_its_print_button(
        example_window, monkeypatch, qtbot):
    """Qt opens the preview small: a page too small to read, and its toolbar (with the print
    button) folded behind 「»」.  It opens at most of the window's size instead."""
    window = example_window
    window.resize(1400, 900)
    window.show()
    seen = {}

    def show(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        toolbar = dialog.findChild(QToolBar)
        folded = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        seen.update(size=dialog.size(), folded=folded is not None and folded.isVisible())
        dialog.hide()
        return 0
    monkeypatch.setattr(QPrintPreviewDialog, "exec", show)
    window.printing.preview.trigger()
    assert seen["size"].height() >= 0.8 * window.height()
    assert seen["size"].width() >= 0.6 * window.width()
    assert not seen["folded"]


def test_export_pdf_writes_pages_that_measure_right(example_window, monkeypatch, tmp_path):
    target = tmp_path / "讲话"
    offered = []
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda parent, caption, suggested, filters: (offered.append(suggested) or str(target), ""))
    done, recorded = [], []
    monkeypatch.setattr(file_actions, "ask_open_folder", lambda parent, path: done.append(path) and False)
    example_window.files.speech_exported.connect(lambda: recorded.append(True))
    assert example_window.printing.export_pdf_file()
    assert recorded == [True]       # the usage history records a PDF export as a .docx one
    written = tmp_path / "讲话.pdf"
    assert done == [str(written)]
    assert offered[0].endswith(".pdf")
    assert len(read_layout(written, 35)) == expected_pages(example_window)
    assert_measures_right(written, example_window.document.speech)
    assert str(written) in example_window.statusBar().currentMessage()


def test_export_pdf_cancelled_writes_nothing(example_window, monkeypatch, tmp_path):
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: ("", ""))
    assert not example_window.printing.export_pdf_file()
    assert not list(tmp_path.rglob("*.pdf"))
    assert "已导出" not in example_window.statusBar().currentMessage()


def _print_to_file(monkeypatch, path: Path, answer=QPrintDialog.DialogCode.Accepted, configure=None):
    """Stub the print dialog: the writer picks 「打印到文件(PDF)」 and presses 打印."""
    shown = {}

    def run(dialog):
        printer: QPrinter = dialog.printer()
        shown.update(title=dialog.windowTitle(), page_size=printer.pageLayout().pageSize().id(),
                     buttons=[b.text() for b in dialog.findChildren(QPushButton)])
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        if configure:
            configure(printer)
        return answer
    monkeypatch.setattr(QPrintDialog, "exec", run)
    return shown


def test_print_goes_through_the_print_dialog_to_the_printer(example_window, monkeypatch, tmp_path, qapp):
    from PySide6.QtGui import QPageSize

    language.install(qapp, "zh")
    out = tmp_path / "printed.pdf"
    # Double-sided is preselected, as official documents are printed (a PDF printer, the only
    # one here, ignores it: the call is what is checked).
    asked_duplex = []
    set_duplex = QPrinter.setDuplex
    monkeypatch.setattr(QPrinter, "setDuplex", lambda self, mode: (asked_duplex.append(mode), set_duplex(self, mode)))
    shown = _print_to_file(monkeypatch, out)
    example_window.printing.print.trigger()
    count = expected_pages(example_window)
    assert f"共 {count} 页" in shown["title"]
    assert shown["page_size"] == QPageSize.PageSizeId.A4
    assert asked_duplex == [QPrinter.DuplexMode.DuplexLongSide]
    assert "打印(&P)" in shown["buttons"]     # the system's print dialog, in Chinese
    assert len(read_layout(out, 35)) == count
    assert_measures_right(out, example_window.document.speech)
    assert "已发送到打印机" in example_window.statusBar().currentMessage()


def test_print_cancelled_prints_nothing(example_window, monkeypatch, tmp_path):
    out = tmp_path / "printed.pdf"
    _print_to_file(monkeypatch, out, answer=QPrintDialog.DialogCode.Rejected)
    assert not example_window.printing.print_speech()
    assert not out.exists()


def test_double_sided_page_range_keeps_odd_pages_on_fronts(example_window, monkeypatch, tmp_path):
    """Pages 2–3 double-sided: page 2 must land on a back, so a blank front comes first; its
    number stays on the left (even), page 3's on the right (odd).  The printer reports
    double-sided printing as a duplex printer set so in the dialog does (PDF printers cannot)."""
    from PySide6.QtGui import QPageRanges

    out = tmp_path / "range.pdf"
    monkeypatch.setattr(QPrinter, "duplex", lambda self: QPrinter.DuplexMode.DuplexLongSide)

    def pages_2_to_3(printer):
        ranges = QPageRanges()
        ranges.addRange(2, 3)
        printer.setPageRanges(ranges)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
    _print_to_file(monkeypatch, out, configure=pages_2_to_3)
    assert example_window.printing.print_speech()
    measured = read_layout(out, 35)
    assert len(measured) == 3
    assert measured[0].lines == [] and measured[0].footer is None
    assert [p.footer.text for p in measured[1:]] == ["\u2014 2 \u2014", "\u2014 3 \u2014"]
    left = 28 * 72 / 25.4
    assert measured[1].footer.x0 < left + 20 < measured[2].footer.x0


def test_placeholders_are_asked_about_before_printing(example_window, monkeypatch, tmp_path):
    from composer.ui import preflight_dialog

    example_window.document.speech.opening[0] = "20xx年，" + example_window.document.speech.opening[0]
    asked = []

    def cancel(parent, speech, findings, markers, go_on=None):
        asked.append((findings, go_on))
        return preflight_dialog.CANCEL, None
    monkeypatch.setattr(preflight_dialog, "ask_preflight", cancel)
    out = tmp_path / "printed.pdf"
    _print_to_file(monkeypatch, out)
    assert not example_window.printing.print_speech()
    [(findings, go_on)] = asked
    assert go_on == "仍然打印" and any(f.text == "20xx" for f in findings)
    assert not out.exists()


def test_pdf_and_print_say_which_fonts_stand_in(example_window, monkeypatch, tmp_path):
    """This machine has none of the official fonts: before the PDF (and before printing) the
    notice says which installed fonts the pages use instead — not what Word would show."""
    told = []
    monkeypatch.setattr(file_actions, "ask_about_fonts",
                        lambda parent, notices, **wording: told.append((notices, wording)) or False)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(tmp_path / "x.pdf"), ""))
    assert not example_window.printing.export_pdf_file()
    assert not (tmp_path / "x.pdf").exists()       # cancelled at the notice: nothing written
    notices, wording = told[0]
    assert notices[0].startswith("未安装方正小标宋简体：PDF 和打印以 AR PL SungtiL GB 代替（标题）。")
    assert all("Word" not in line for line in notices)
    # What to do is said once, under the lines, not repeated on each of them.
    assert not any("可安装" in line for line in notices) and "可安装" in wording["footnote"]
    assert wording["go_on_text"] == "继续导出"
    out = tmp_path / "printed.pdf"
    _print_to_file(monkeypatch, out)
    assert not example_window.printing.print_speech()
    assert told[1][1]["go_on_text"] == "继续打印" and not out.exists()
