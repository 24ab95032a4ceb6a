"""A screenshot of the main window with the example speech open, for people to look at
(written to artifacts/, which is not committed)."""

from __future__ import annotations

from pathlib import Path

from composer.ui import app, settings

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def test_screenshot_of_the_main_window_with_the_example(qapp, qtbot):
    assert settings.first_start()
    window = app.create_window()  # a first start: the example speech and the bundled library
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    speech = window.document.speech
    assert speech.title and len(speech.body) >= 3
    assert len(window.library_pane.model.all_snippets()) > 0
    # Show a section in the editor and a search with its highlight in the library.
    window.outline.select(speech.body[1].children[0].id)
    window.library_pane.search.setText("文明")
    window.library_pane.list.setCurrentIndex(window.library_pane.model.index(2))
    window.update_stats()
    qtbot.wait(50)  # let the layouts follow the new texts before taking the picture
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "main-window.png"
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
