"""Settings: UI language, format profile (and its editor), speaking rate, backups, extra library
folders, the archive folders of 查重."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QListWidget, QMessageBox, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from ..core.stats import MAX_RATE, MIN_RATE
from ..io import backups
from . import file_dialogs, services, settings
from .file_actions import folder_not_shown, open_folder


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.language = QComboBox()
        for code, label in (("system", self.tr("跟随系统")), ("zh", "中文"), ("en", "English")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language_choice())))
        form.addRow(self.tr("界面语言"), self.language)

        self.profile = QComboBox()
        names = self._list_profiles()
        # No choice stored yet means the default profile, which is listed first.
        self._profile = settings.format_profile() or (names[0] if names else "")
        self.profile.setCurrentIndex(max(0, self.profile.findData(self._profile)))
        # Profiles whose file the editor rewrote: choosing one again is a change (the outline's
        # numbering and the export must pick up the new content).
        self._rewritten: set[str] = set()
        self.customise = QPushButton(self.tr("自定义…"))
        self.customise.setToolTip(self.tr("修改字体、标题加粗、行距、页码位置等，存为自己的格式方案。"))
        self.customise.clicked.connect(self._customise)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile, 1)
        profile_row.addWidget(self.customise)
        form.addRow(self.tr("公文格式"), profile_row)

        self.rate = QSpinBox()
        self.rate.setRange(MIN_RATE, MAX_RATE)
        self.rate.setSuffix(self.tr(" 字/分钟"))
        self.rate.setValue(settings.speaking_rate())
        self.rate.setToolTip(self.tr("念稿一般每分钟 150～200 字，日常讲话 120～150 字。"))
        form.addRow(self.tr("语速"), self.rate)

        self.backups = QSpinBox()
        self.backups.setRange(0, settings.MAX_KEEP_BACKUPS)
        self.backups.setSuffix(self.tr(" 个版本"))
        self.backups.setSpecialValueText(self.tr("不保留"))
        self.backups.setValue(settings.keep_backups())
        self.backups.setToolTip(self.tr("每次保存前，把文件原来的版本留作备份，保存在用户数据文件夹里。"))
        open_backups = QPushButton(self.tr("打开备份文件夹"))
        open_backups.clicked.connect(self._open_backups_folder)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backups, 1)
        backup_row.addWidget(open_backups)
        form.addRow(self.tr("保留备份"), backup_row)

        self.folders, folder_box = self._folder_list(settings.library_folders(),
                                                     self.tr("选择素材库文件夹"))
        # Off by default: what a writer used stays in the writer's own data folder.
        self.share_usage = QCheckBox(self.tr("在共享文件夹里记录用过哪些素材（同事可以看到“用于：……”）"))
        self.share_usage.setChecked(settings.share_usage())
        folder_box.addWidget(self.share_usage)
        form.addRow(self.tr("共享素材库文件夹"), folder_box)

        # 查重: the open speech is compared with the past speeches in these folders.
        self.archive, archive_box = self._folder_list(settings.archive_folders(),
                                                      self.tr("选择存档讲稿文件夹"))
        self.archive.setToolTip(self.tr("往年的讲稿（.speech.yaml、.docx、.txt、.md）所在的文件夹，含子文件夹。"
                                        "检查时，与其中某段八成以上相同的段落会被指出。"))
        form.addRow(self.tr("查重：存档讲稿文件夹"), archive_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open_backups_folder(self) -> None:
        if not open_folder(backups.backups_root()):
            QMessageBox.information(self, self.tr("备份"), folder_not_shown(backups.backups_root()))

    def _list_profiles(self) -> list[str]:
        names = services.profile_names()
        self.profile.clear()
        for name in names:
            self.profile.addItem(services.profile_label(name), name)
        return names

    def _customise(self) -> None:
        """Open the format-profile editor on the chosen profile; select what it saved."""
        from ..core.errors import ComposerError
        from .profile_dialog import ProfileDialog
        try:
            dialog = ProfileDialog(self.profile.currentData() or "", self)
        except ComposerError as error:
            QMessageBox.warning(self, self.tr("无法打开格式方案"), str(error))
            return
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.saved_name:
            return
        self._rewritten.add(dialog.saved_name)
        self._list_profiles()
        self.profile.setCurrentIndex(max(0, self.profile.findData(dialog.saved_name)))

    def _folder_list(self, folders: list[str], caption: str) -> tuple[QListWidget, QVBoxLayout]:
        """A list of folders with 添加文件夹… and 移除 under it."""
        shown = QListWidget()
        shown.addItems(folders)
        shown.setMaximumHeight(90)
        buttons_row = QWidget()
        row = QHBoxLayout(buttons_row)
        row.setContentsMargins(0, 0, 0, 0)
        add = QPushButton(self.tr("添加文件夹…"))
        add.clicked.connect(lambda: self._add_folder(shown, caption))
        remove = QPushButton(self.tr("移除"))
        remove.clicked.connect(lambda: shown.takeItem(shown.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(shown)
        box.addWidget(buttons_row)
        return shown, box

    def _add_folder(self, shown: QListWidget, caption: str) -> None:
        folder = file_dialogs.get_existing_directory(self, caption)
        if folder and not shown.findItems(folder, self._exact()):
            shown.addItem(folder)

    @staticmethod
    def _exact():
        from PySide6.QtCore import Qt
        return Qt.MatchFlag.MatchExactly

    def folder_list(self, shown: QListWidget | None = None) -> list[str]:
        shown = self.folders if shown is None else shown
        return [shown.item(i).text() for i in range(shown.count())]

    def apply(self) -> set[str]:
        """Store the choices; returns which groups changed: language, profile, rate, backups,
        library, archive, usage."""
        changed = set()
        if self.language.currentData() != settings.language_choice():
            settings.set_language_choice(self.language.currentData())
            changed.add("language")
        profile = self.profile.currentData() or ""
        if profile != self._profile or profile in self._rewritten:
            settings.set_format_profile(profile)
            self._profile = profile
            self._rewritten.clear()
            changed.add("profile")
        if self.rate.value() != settings.speaking_rate():
            settings.set_speaking_rate(self.rate.value())
            changed.add("rate")
        if self.backups.value() != settings.keep_backups():
            settings.set_keep_backups(self.backups.value())
            changed.add("backups")
        if self.folder_list() != settings.library_folders():
            settings.set_library_folders(self.folder_list())
            changed.add("library")
        if self.folder_list(self.archive) != settings.archive_folders():
            settings.set_archive_folders(self.folder_list(self.archive))
            changed.add("archive")
        if self.share_usage.isChecked() != settings.share_usage():
            settings.set_share_usage(self.share_usage.isChecked())
            changed.add("usage")
        return changed
