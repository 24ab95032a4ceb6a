"""The window starts without the code of actions the writer has not taken yet.

Start-up time is measured in bench/bench_ui.py; what this test pins is the cause of most of what
was won there: the .docx writer, the proofreader's rules, the similar-wording finder, the import
pipeline, the archive's readers, the PDF/print code, the find bar and the file dialogs load on
first use, not with the window.
A module that slips back into the start (an import at the top of a window module) fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The modules are listed as soon as the window is built and shown, before the event loop runs:
# the first check and the first 相近的说法 wait for a timer, whose firing depends on the machine.
CHILD = """
import json, os, sys
from composer.ui import app
application, window = app.launch()
print(json.dumps(sorted(m for m in sys.modules if m.startswith("composer"))))
sys.stdout.flush()
os._exit(0)
"""

LOADED_ON_FIRST_USE = [
    "composer.export.docx_writer",       # 导出 Word
    "composer.export.package_parts",
    "composer.core.proofread.engine",    # the rules: the first check waits for the event loop
    "composer.core.similar",             # 相近的说法: when a section is selected
    "composer.core.importer",            # 导入…
    "composer.ui.import_preview",
    "composer.pages.paged",              # 打印预览, 打印, 导出 PDF
    "composer.pages.pdf",
    "composer.pages.printing",
    "composer.ui.budget_fields",         # 单节编辑's head form (built when first shown), 讲稿信息…
    "composer.ui.snippet_dialog",        # 存入素材库…, 编辑素材…
    "composer.ui.find_bar",              # Ctrl+F, Ctrl+H, F3
    "composer.ui.file_dialogs",          # 打开…, 另存为…, 导入…, 导出
]


def test_the_window_starts_without_the_code_of_later_actions(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               SPEECH_COMPOSER_DATA=str(tmp_path / "data"),
               SPEECH_COMPOSER_CACHE=str(tmp_path / "cache"),
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "composer.ui.main_window" in loaded and "composer.ui.document_view" in loaded
    assert sorted(loaded.intersection(LOADED_ON_FIRST_USE)) == []
