"""The format-profile editor (格式方案): the fonts, bold, line pitch and page numbers an office
changes, saved as a user profile file on top of the profile it started from.

Bundled profiles are read-only: editing one saves a new user profile based on it.  Editing a
user profile updates its file, keeping its base and every key the editor does not show.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QVBoxLayout)

from ..core.errors import ComposerError
from ..core.numbering import LEVEL3_STYLES
from . import profile_changes as changes
from . import services

# Font names offices use, by family; each row lists its own family first.  Free text is allowed
# (the combo is editable): these are suggestions, not a check of what is installed.
TITLE_FONTS = ("方正小标宋简体", "方正小标宋_GBK", "小标宋", "华文中宋", "宋体")
FANGSONG = ("仿宋", "仿宋_GB2312", "方正仿宋简体", "方正仿宋_GBK")
KAITI = ("楷体", "楷体_GB2312", "方正楷体简体", "方正楷体_GBK")
HEITI = ("黑体", "方正黑体简体", "方正黑体_GBK")

STANDARD_LINES = 22     # GB/T 9704: 22 lines a page
STANDARD_PITCH = 28.95  # the largest pitch that still gives 22 lines (official-format.md §2)


class ProfileDialog(QDialog):
    """Edit the profile NAME; after ``exec()`` accepted, ``saved_name`` is the profile written.

    Raises ComposerError (before any window exists) when the profile cannot be read.
    """

    def __init__(self, name: str, parent=None):
        start = services.profile_for_editing(name)
        super().__init__(parent)
        profile, self._bundled = start.profile, start.bundled
        self._base_name, self._base, self._kept = start.base_name, start.base, start.kept
        self._name = name
        self._start = changes.shown_values(profile)
        self._page = profile.page
        self.saved_name = ""
        self.setWindowTitle(self.tr("格式方案"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)

        if self._bundled:
            about = self.tr("从内置方案“{0}”开始。内置方案不能修改，保存后成为一个新的方案。") \
                .format(profile.label)
        else:
            about = self.tr("修改方案“{0}”（基于“{1}”）。换一个名称则另存为新方案。") \
                .format(name, self._base.label)
        note = QLabel(about)
        note.setWordWrap(True)
        layout.addWidget(note)
        top = QFormLayout()
        self.name = QLineEdit("" if self._bundled else name)
        self.name.setPlaceholderText(self.tr("例如：本单位格式"))
        top.addRow(self.tr("方案名称"), self.name)
        layout.addLayout(top)

        fonts, fonts_grid = self._font_box()
        page, page_grid = self._layout_box()
        # One label column width for both boxes, so their fields line up.
        labels = [item.widget() for grid in (fonts_grid, page_grid) for row in range(grid.rowCount())
                  if (item := grid.itemAtPosition(row, 0)) is not None]
        width = max(label.sizeHint().width() for label in labels if label is not None)
        for grid in (fonts_grid, page_grid):
            grid.setColumnMinimumWidth(0, width)
        layout.addWidget(fonts)
        layout.addWidget(page)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- building ---------------------------------------------------------------------------------

    def _font_box(self) -> tuple[QGroupBox, QGridLayout]:
        box = QGroupBox(self.tr("字体"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        # (label, roles set together, suggested fonts).  The first role's font is shown; the
        # roles of a row change together only when the row is changed, so a hand-written
        # profile where they differ keeps them as they are.
        rows = [
            (self.tr("标题"), ("title",), TITLE_FONTS),
            (self.tr("副标题、讲话人、日期"), ("speaker", "subtitle", "date"), KAITI),
            (self.tr("正文（含称呼、结束语）"), ("body", "salutation", "closing"), FANGSONG),
            (self.tr("一级标题 一、"), ("heading1",), HEITI),
            (self.tr("二级标题 （一）"), ("heading2",), KAITI),
            (self.tr("三级标题 1."), ("heading3",), FANGSONG),
            (self.tr("四级标题 （1）"), ("heading4",), FANGSONG),
        ]
        bold_tips = {
            "heading1": self.tr("GB/T 9704：一级标题用黑体，不加粗。"),
            "heading2": self.tr("标准不加粗；有些单位的习惯是加粗。"),
            "heading3": self.tr("标准不加粗；有些单位的习惯是加粗。"),
        }
        self.fonts: dict[str, QComboBox] = {}
        self._font_rows: list[tuple[str, tuple[str, ...]]] = []
        self.bold: dict[str, QCheckBox] = {}
        for row, (label, roles, family) in enumerate(rows):
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line = combo.lineEdit()
            assert line is not None  # an editable combo box has one
            line.setMaxLength(services.font_name_limit())
            suggestions = family + tuple(f for f in TITLE_FONTS + FANGSONG + KAITI + HEITI
                                         if f not in family)
            combo.addItems(list(suggestions))
            combo.setCurrentText(self._start[changes.font_key(roles[0])])
            self.fonts[roles[0]] = combo
            self._font_rows.append((label, roles))
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(combo, row, 1)
            if roles[0] in changes.BOLD_ROLES:
                check = QCheckBox(self.tr("加粗"))
                check.setChecked(self._start[changes.bold_key(roles[0])])
                check.setToolTip(bold_tips[roles[0]])
                self.bold[roles[0]] = check
                grid.addWidget(check, row, 2)
        return box, grid

    def _layout_box(self) -> tuple[QGroupBox, QGridLayout]:
        box = QGroupBox(self.tr("版式"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.line_pitch = QDoubleSpinBox()
        self.line_pitch.setRange(18.0, 40.0)
        self.line_pitch.setDecimals(2)
        self.line_pitch.setSingleStep(0.05)
        self.line_pitch.setSuffix(self.tr(" 磅"))
        self.line_pitch.setValue(self._start[changes.LINE_PITCH])
        self.line_pitch.setToolTip(self.tr("固定行距。标准为 28.95 磅（每页 22 行）；"
                                           "有些单位用 28 磅，也是每页 22 行。"))
        self.pitch_note = QLabel()
        self.pitch_note.setWordWrap(True)
        self.line_pitch.valueChanged.connect(self._show_lines)
        self._show_lines()
        pitch_row = QHBoxLayout()
        pitch_row.addWidget(self.line_pitch)
        pitch_row.addWidget(self.pitch_note, 1)
        grid.addWidget(QLabel(self.tr("行距")), 0, 0)
        grid.addLayout(pitch_row, 0, 1)

        self.page_numbers = self._choices(
            [("outer", self.tr("外侧：单页居右、双页居左（标准）")), ("center", self.tr("居中"))],
            self._start[changes.PAGE_NUMBERS])
        self.date_digits = self._choices(
            [("arabic", self.tr("阿拉伯数字：（2024年3月15日）")),
             ("chinese", self.tr("汉字：（二〇二四年三月十五日）"))],
            self._start[changes.DATE_DIGITS])
        self.level3 = self._choices([(s, f"{s[0]}{s[1]} 2{s[1]} 3{s[1]}") for s in LEVEL3_STYLES],
                                    self._start[changes.LEVEL3_STYLE])
        for row, (label, combo) in enumerate(((self.tr("页码位置"), self.page_numbers),
                                              (self.tr("日期数字"), self.date_digits),
                                              (self.tr("三级标题编号"), self.level3)), start=1):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(combo, row, 1)
        return box, grid

    @staticmethod
    def _choices(items: list[tuple[str, str]], current: str) -> QComboBox:
        combo = QComboBox()
        for data, label in items:
            combo.addItem(label, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _show_lines(self) -> None:
        pitch = self.line_pitch.value()
        lines = changes.lines_per_page(self._page, pitch)
        if lines == STANDARD_LINES:
            text = self.tr("每页 {0} 行。").format(lines)
            style = ""
        elif pitch > STANDARD_PITCH:
            text = self.tr("注意：超过 28.95 磅，每页只能排 {0} 行（GB/T 9704 要求每页 22 行）。") \
                .format(lines)
            style = "color: #b35900;"
        else:
            text = self.tr("注意：每页 {0} 行，不是 GB/T 9704 要求的 22 行。").format(lines)
            style = "color: #b35900;"
        self.pitch_note.setText(text)
        self.pitch_note.setStyleSheet(style)

    # --- saving -----------------------------------------------------------------------------------

    def wanted_values(self) -> dict[tuple, object] | None:
        """The settings as the dialog shows them, or None (after saying why) when a font is
        missing."""
        values = dict(self._start)
        for label, roles in self._font_rows:
            text = self.fonts[roles[0]].currentText().strip()
            if not text:
                self._refuse(self.tr("请填写“{0}”的字体。").format(label))
                return None
            if text != self._start[changes.font_key(roles[0])]:
                values.update({changes.font_key(role): text for role in roles})
        for role, check in self.bold.items():
            values[changes.bold_key(role)] = check.isChecked()
        # The spin box shows two decimals: a hand-written 28.955 left alone stays 28.955.
        pitch = self.line_pitch.value()
        if abs(pitch - self._start[changes.LINE_PITCH]) >= 0.005:
            values[changes.LINE_PITCH] = pitch
        values[changes.PAGE_NUMBERS] = self.page_numbers.currentData()
        values[changes.DATE_DIGITS] = self.date_digits.currentData()
        values[changes.LEVEL3_STYLE] = self.level3.currentData()
        return values

    def save(self) -> bool:
        """Write the profile and close; on a refusal say why and change nothing."""
        name = self.name.text().strip()
        values = self.wanted_values()
        if values is None:
            return False
        data = changes.file_data(values, self._base_name, self._base, self._kept,
                                 keep_label=name == self._name)
        try:
            exists = services.user_profile_exists(name)
            if exists and name != self._name and not self._confirm_replace(name):
                return False
            services.save_profile(name, data)
        except ComposerError as error:
            self._refuse(str(error))
            return False
        self.saved_name = name
        self.accept()
        return True

    def _confirm_replace(self, name: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("替换格式方案"),
            self.tr("已经有名为“{0}”的格式方案。要用现在的设置替换它吗？").format(name))
        return answer == QMessageBox.StandardButton.Yes

    def _refuse(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("格式方案没有保存"), message)
