"""The command line's cold path: a whole process for --version, stats and export, against a bare
Python start in the same run (the floor no command can go below).

The program imports only what a command needs: --version no parser and no export code, stats
no export code and no Qt, export no Qt.  Run: ``python bench/run.py cli``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from harness import Case, installed_env

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"


def _command() -> list[str]:
    entry = Path(sys.executable).with_name("speech-composer")
    return [str(entry)] if entry.exists() else [sys.executable, "-m", "composer.cli"]


_ENV = installed_env()


def _run(*args: str) -> None:
    subprocess.run([*_command(), *args], check=True, capture_output=True, env=_ENV)


def cases() -> list:
    folder = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    bare = "bare Python start (python -c pass)"
    return [
        Case(bare, lambda: subprocess.run([sys.executable, "-c", "pass"], check=True, env=_ENV), runs=11),
        Case("speech-composer --version", lambda: _run("--version"), runs=11, baseline=bare),
        Case("speech-composer stats (example)", lambda: _run("stats", str(EXAMPLE)), runs=11,
             baseline=bare),
        Case("speech-composer export (example, 5,420 字)",
             lambda: _run("export", str(EXAMPLE), "-o", str(folder / "out.docx")), runs=11,
             baseline=bare),
    ]
