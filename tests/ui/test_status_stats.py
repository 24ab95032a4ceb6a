"""The status bar's 字数 follow every edit, and agree with what the recovery prompt says."""

from __future__ import annotations

import re

from composer.core.stats import speech_stats
from composer.io import recovery

from .conftest import commit_text, select


def shown(window) -> tuple[int, int | None]:
    match = re.match(r"全文 (\d+) 字(?:.*本节 (\d+) 字)?", window.stats_label.text())
    assert match, window.stats_label.text()
    return int(match.group(1)), (int(match.group(2)) if match.group(2) else None)


def test_status_bar_counts_follow_edits_and_match_the_recovery_file(window, tmp_path):
    select(window, "A1")
    window.update_stats()
    full = speech_stats(window.document.speech)
    a1 = full.section(window.outline.current_section().id)
    assert shown(window) == (full.total.total, a1.total.total)
    commit_text(window.editor.section.text, "创建文明单位。")        # typed in A1
    window.update_stats()
    after = speech_stats(window.document.speech)
    assert shown(window) == (full.total.total + 7, a1.total.total + 7)
    assert after.total.total == full.total.total + 7
    window.outline.move_down.trigger()                             # A1 after A2: renumbered
    window.update_stats()
    assert shown(window)[0] == speech_stats(window.document.speech).total.total
    path = recovery.write_recovery(window.document.speech, None, "status-bar")
    assert recovery.read_recovery(path, "status-bar").characters == shown(window)[0]
