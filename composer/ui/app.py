"""Starting the application: ``speech-composer`` and ``speech-composer open FILE``.

What the window shows at start:

* the file given on the command line;
* on the very first start, the example speech (as an unsaved copy, so that Save asks where and
  the bundled example stays intact): a new user sees at once what a composed speech looks like,
  with its outline, numbering and library next to it;
* later, the file worked on last (if it still exists), else an empty speech;
* and before all of these, if the last session crashed with unsaved edits, the offer to restore
  them.

When the program is ended from outside — the desktop session ends, the system shuts down, someone
runs ``kill`` or presses Ctrl+C in the terminal — there is nobody to answer "save the changes?":
the unsaved edits go to the recovery file (offered at the next start) and the program exits
cleanly (see :func:`end_on_signals`).
"""

from __future__ import annotations

import os
import sys


def create_application(argv: list[str] | None = None):
    """The QApplication with the UI language and the CJK font list installed."""
    from PySide6.QtWidgets import QApplication

    from . import pyside_scan
    pyside_scan.install()   # before the window's modules are imported: see pyside_scan.py
    from ..io import paths
    from . import language, settings
    if QApplication.instance() is None:
        language.prepare_environment()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("讲稿编排")
    # Lets Wayland taskbars match the window to the installed menu entry and its icon.
    app.setDesktopFileName(paths.APP_ID)
    app.setWindowIcon(_application_icon())
    language.setup(app)
    return app


def _application_icon():
    """The window's icon: the PNG renderings of the SVG master (packaging/render_icons.py),
    which Qt reads without its SVG plugin; the master itself if they are missing."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from ..io.paths import resources_dir
    icons = resources_dir() / "icons"
    icon = QIcon()
    for png in (icons / "window").glob("*.png"):
        if png.stem.isdigit():   # named by their size: read when a size is first drawn
            icon.addFile(str(png), QSize(int(png.stem), int(png.stem)))
    return icon if not icon.isNull() else QIcon(str(icons / "speech-composer.svg"))


def create_window(argv_path: str | None = None):
    """The main window with the starting speech open (not shown yet); the library loads in the
    background and fills in the pane when it is read, whatever its size."""
    from . import settings
    from .main_window import MainWindow

    window = MainWindow()
    window.load_library()
    profile = settings.format_profile()
    if profile:
        from . import services
        window.outline_model.set_level3_style(services.level3_style(profile))
    if window.files.offer_recovery():
        if argv_path and os.path.abspath(argv_path) != window.document.path:
            from PySide6.QtCore import QCoreApplication
            window.show_message(QCoreApplication.translate(
                "MainWindow", "已恢复上次未保存的修改；{0} 没有打开。").format(argv_path))
    elif argv_path:
        window.files.open_path(argv_path, ask=False)
    elif settings.first_start():
        window.files.load_example()
    else:
        recent = settings.recent_files()
        if recent and os.path.isfile(recent[0]):
            window.files.open_path(recent[0], ask=False)
    settings.mark_started()
    return window


def launch(argv_path: str | None = None):
    """Create the application and show the main window; returns (app, window)."""
    app = create_application()
    end_on_signals(app)
    window = create_window(argv_path)
    window.show()
    return app, window


def refuse_broken_qt() -> bool:
    """Say so and return True when this PySide6 would crash the program (see qt_check.py)."""
    from .qt_check import broken_qt_message
    message = broken_qt_message()
    if message is None:
        return False
    print(message, file=sys.stderr)
    try:
        from PySide6.QtWidgets import QMessageBox
        create_application()
        QMessageBox.critical(None, "讲稿编排", message)
    except Exception:  # no display: the line on stderr is all that can be said
        pass
    return True


def main(argv_path: str | None = None) -> int:
    if refuse_broken_qt():
        return 2
    app, _window = launch(argv_path)
    if _ended:
        return 0  # ended by a signal while the start-up questions were shown
    return app.exec()


# Signals that end the program from outside: logout and shutdown (SIGTERM), a closed terminal
# (SIGHUP), Ctrl+C (SIGINT).  Not every platform has all of them.
END_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
_watch = None
_ended = False


def end_on_signals(app) -> bool:
    """Make the end signals keep every window's unsaved edits for the next start and exit.

    Python runs a signal handler only when the interpreter gets control, which it does not while
    Qt waits for events; so the signal is passed on through a pipe (``signal.set_wakeup_fd``)
    that Qt watches.  Returns False where this cannot be set up (not on the main thread, no
    pipe): the recovery file written during editing remains the safety net.
    """
    global _watch
    import signal

    from PySide6.QtCore import QSocketNotifier

    from . import wakeup
    if _watch is not None:
        return True
    try:
        reader, writer = wakeup.wakeup_pair()
        signal.set_wakeup_fd(writer.fileno())
        for name in END_SIGNALS:
            if hasattr(signal, name):
                # The C-level handler writes the signal's number to the pipe; there is nothing
                # left for the Python-level one to do.
                signal.signal(getattr(signal, name), lambda *_: None)
    except (OSError, ValueError):
        return False
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def received() -> None:
        try:
            data = reader.recv(64)
        except OSError:
            return
        if data:
            end_now(app)
    notifier.activated.connect(received)
    _watch = (reader, writer, notifier)  # kept alive as long as the program runs
    return True


def end_now(app) -> None:
    """Keep each window's unsaved edits and its layout, then leave every event loop."""
    global _ended
    from .main_window import MainWindow
    _ended = True
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.files.keep_for_next_start()
            widget.save_layout()
    app.exit(0)
