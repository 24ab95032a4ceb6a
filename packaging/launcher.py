"""Entry script of the bundled program: the same ``speech-composer`` command as the installed one.

PyInstaller freezes this file; everything else is the ``composer`` package.
"""

import os
import sys


def _give_streams_a_home() -> None:
    # A windowed Windows/macOS executable starts without stdout/stderr (they are None); the
    # command line would crash on its first print.  Discard the output instead.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def _input_method_fallback(environ, platform: str) -> None:
    # The bundled Qt has the ibus input-method plugin but no fcitx one (PySide6 wheels ship none,
    # and the desktop's own plugin belongs to another Qt).  With QT_IM_MODULE=fcitx Qt would
    # load no input method at all, so Chinese could not be typed; fcitx 5 also speaks the ibus
    # protocol, so ask for that instead.
    if platform.startswith("linux") and environ.get("QT_IM_MODULE", "").startswith("fcitx"):
        environ["QT_IM_MODULE"] = "ibus"


def _desktop_arguments(argv: list[str], platform: str) -> list[str]:
    """The arguments a desktop hands over, in the command line's spelling."""
    # The menu entry runs `speech-composer open %f`; started from the menu, %f is empty and
    # `open` comes alone: that is a plain start.
    if argv == ["open"]:
        return []
    # macOS: PyInstaller's argv emulation turns a document opened from the Finder into a bare
    # path argument; the command line spells that ``open FILE``.
    if platform == "darwin" and len(argv) == 1 and os.path.isfile(argv[0]):
        return ["open", argv[0]]
    return argv


if __name__ == "__main__":
    _give_streams_a_home()
    _input_method_fallback(os.environ, sys.platform)
    from composer.cli import main

    sys.exit(main(_desktop_arguments(sys.argv[1:], sys.platform)))
