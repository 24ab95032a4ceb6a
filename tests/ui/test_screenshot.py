"""A screenshot of the main window with the example speech open.

The test checks the picture (it is not blank, the panes are drawn); it writes it for people to
look at only when asked: ``SPEECH_COMPOSER_SCREENSHOTS=DIR pytest tests/ui/test_screenshot.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage

from composer.ui import app, settings


def _distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def test_screenshot_of_the_main_window_with_the_example(qapp, qtbot, tmp_path):
    assert settings.first_start()
    window = app.create_window()  # a first start: the example speech and the bundled library
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.library_pane.loading, timeout=20_000)  # in the background
    speech = window.document.speech
    assert speech.title and len(speech.body) >= 3
    assert len(window.library_pane.model.all_snippets()) > 0
    # Show a section in the document and a search with its highlight in the library.
    window.outline.select(speech.body[1].children[0].id)
    window.library_pane.search.setText("文明")
    window.library_pane.list.setCurrentIndex(window.library_pane.model.index(2))
    window.update_stats()
    qtbot.wait(50)  # let the layouts follow the new texts before taking the picture
    picture = window.grab()
    image = picture.toImage()
    assert (image.width(), image.height()) == (1400, 860)
    assert _distinct_colours(image) > 20     # text, highlights and frames, not an empty window
    # Each pane is drawn: its own part of the picture is not one flat colour.
    for pane in (window.library_pane, window.outline_view, window.document_pane):
        origin = pane.mapTo(window, pane.rect().topLeft())
        part = image.copy(origin.x(), origin.y(), pane.width(), pane.height())
        assert _distinct_colours(part, 5) > 3, type(pane).__name__
    folder = Path(os.environ.get("SPEECH_COMPOSER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "main-window.png"
    assert picture.save(str(target))
    assert target.stat().st_size > 10_000
