"""The file dialogs speak Chinese in full, with dates in Chinese form and nothing cut off.

Runs Qt's own (non-platform) dialog in a fresh process, as the program starts it: the time locale
is fixed before the QApplication exists, which a test inside the shared test process cannot do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r'''
import json, re, sys, time
from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView
from composer.ui import app, file_dialogs
application = app.create_application()
folder = sys.argv[1]
dialog = QFileDialog(None, "打开讲稿", folder, "讲稿 (*.speech.yaml)")
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.resize(760, 420)
dialog.show()
view = dialog.findChild(QTreeView)
deadline = time.monotonic() + 10
while view.model().rowCount(view.rootIndex()) == 0 and time.monotonic() < deadline:
    application.processEvents()
    time.sleep(0.02)
file_dialogs._fit_columns(dialog)
application.processEvents()
model, root = view.model(), view.rootIndex()
row = [model.index(0, c, root).data() for c in range(4)]
metrics = view.fontMetrics()
fits = [view.header().sectionSize(c) >= metrics.horizontalAdvance(row[c]) for c in (1, 2, 3)]
labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
print(json.dumps({"row": row, "fits": fits, "labels": labels}, ensure_ascii=False))
'''


def test_qt_own_file_dialog_is_chinese_in_full(tmp_path):
    folder = tmp_path / "讲稿"
    folder.mkdir()
    (folder / "讲话.speech.yaml").write_text("format: 1\ntitle: 讲话\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    env.pop("LC_ALL", None)
    env.pop("LC_TIME", None)
    result = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True,
                            text=True, env=env, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert all("&" not in label or "（" in label or "(" in label for label in shown["labels"])
    assert not [label for label in shown["labels"] if label.isascii()], shown["labels"]
    assert "查找范围(&L)：" in shown["labels"] and "文件类型(&T)：" in shown["labels"]
    name, size, kind, date = shown["row"]
    assert name == "讲话.speech.yaml"
    assert date.startswith("20") and "/" in date, date       # 2026/12/1 08:00, not 1 12 2026
    assert shown["fits"] == [True, True, True], shown         # 「…B」 not cut to 「….…KiB」
