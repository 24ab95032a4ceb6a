"""The file dialogs, in full Chinese, with nothing cut off.

Where the platform has its own dialog (Windows, macOS, a GNOME or KDE desktop), Qt uses it and it
speaks the system's language.  Elsewhere Qt draws its own, and three things go wrong in Chinese:
two labels are missing from Qt's zh_CN catalogue (see ``language.SUPPLEMENT``), dates follow a
C locale (see ``language.prepare_environment``), and the columns keep widths measured for Latin
text, so 「16.54 KiB」 shows as 「16.…KiB」.  These functions take the same arguments as
QFileDialog's static ones and widen the columns of Qt's own dialog once it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget


def _fit_columns(dialog: QFileDialog) -> None:
    view = dialog.findChild(QTreeView)   # none in a platform dialog
    if view is None:
        return
    header = view.header()
    for column in range(1, header.count()):      # size, type, date: as wide as their contents
        header.resizeSection(column, max(header.sectionSize(column), view.sizeHintForColumn(column) + 16,
                                         header.sectionSizeFromContents(column).width()))
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def _chosen(dialog: QFileDialog) -> list[str]:
    """Show the dialog; the files chosen (none when cancelled)."""
    QTimer.singleShot(0, lambda: _fit_columns(dialog))
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return dialog.selectedFiles()


def _run(dialog: QFileDialog) -> str:
    chosen = _chosen(dialog)
    return chosen[0] if chosen else ""


def _dialog(parent: QWidget | None, caption: str, folder: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, folder, filters)
    dialog.setWindowTitle(caption)
    return dialog


def get_open_file_name(parent: QWidget | None, caption: str, folder: str = "",
                       filters: str = "") -> tuple[str, str]:
    dialog = _dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    path = _run(dialog)
    return path, dialog.selectedNameFilter() if path else ""


def get_open_file_names(parent: QWidget | None, caption: str, folder: str = "",
                        filters: str = "") -> tuple[list[str], str]:
    dialog = _dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    chosen = _chosen(dialog)
    return chosen, dialog.selectedNameFilter() if chosen else ""


def get_save_file_name(parent: QWidget | None, caption: str, suggested: str = "",
                       filters: str = "") -> tuple[str, str]:
    dialog = _dialog(parent, caption, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    path = _run(dialog)
    return path, dialog.selectedNameFilter() if path else ""


def get_existing_directory(parent: QWidget | None, caption: str, folder: str = "") -> str:
    dialog = _dialog(parent, caption, folder, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(dialog)
