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


def _finder_open_arguments(argv: list[str]) -> list[str]:
    # macOS: PyInstaller's argv emulation turns a document opened from the Finder into a bare
    # path argument; the command line spells that ``open FILE``.
    if sys.platform == "darwin" and len(argv) == 1 and os.path.isfile(argv[0]):
        return ["open", argv[0]]
    return argv


if __name__ == "__main__":
    _give_streams_a_home()
    from composer.cli import main

    sys.exit(main(_finder_open_arguments(sys.argv[1:])))
