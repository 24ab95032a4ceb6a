"""The built bundle (dist/speech-composer, from packaging/build.py): size and start-up times.

Start-up to the main window is measured from outside, on a real X server (Xvfb): the time from
starting the process until its window is mapped (``xdotool search --onlyvisible --pid``, polled
every 5 ms).  Each run uses the same fresh user folders, after one warm-up start, so what is
measured is a normal start (bundled library loaded, an empty speech), not the first-ever start
that opens the example.  Needs ``apt-get install xvfb xdotool``; without them, or without a
bundle, only what can be measured is listed.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import Case, Info

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "speech-composer"
EXECUTABLE = BUNDLE / "speech-composer"
VENV_PYTHON = Path(sys.executable)
WINDOW_TIMEOUT = 30.0

_user = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
atexit.register(shutil.rmtree, _user, True)
_display: dict[str, str] = {}


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, SPEECH_COMPOSER_DATA=str(_user / "data"),
               SPEECH_COMPOSER_CACHE=str(_user / "cache"), XDG_CONFIG_HOME=str(_user / "config"),
               XDG_DATA_HOME=str(_user / "share"))
    env.pop("QT_QPA_PLATFORM", None)
    env.update(extra)
    return env


def _x_display() -> str:
    if "name" not in _display:
        # -displayfd: Xvfb picks a free display number and writes it to the pipe when ready.
        read_end, write_end = os.pipe()
        # -noreset: by default the server resets when its last client leaves, and a program
        # starting during the reset cannot connect.
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                                   "1600x1000x24", "-nolisten", "tcp", "-noreset"],
                                  pass_fds=(write_end,),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_end)
        atexit.register(server.terminate)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        # Its number comes a moment before it accepts clients: wait until one gets in.
        deadline = time.monotonic() + 10
        while not number or subprocess.run(["xdotool", "getdisplaygeometry"],
                                           env=_env(DISPLAY=f":{number}"),
                                           capture_output=True).returncode != 0:
            if not number or time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        _display["name"] = f":{number}"
    return _display["name"]


def _time_to_window(command: list[str]) -> None:
    """Start ``command`` and return once its window is visible; then end it."""
    env = _env(DISPLAY=_x_display())
    errors = tempfile.TemporaryFile()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        deadline = time.monotonic() + WINDOW_TIMEOUT
        while True:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                                    str(process.pid)], env=env, capture_output=True, text=True)
            if found.stdout.strip():
                return
            if process.poll() is not None:
                errors.seek(0)
                raise RuntimeError(f"{command[0]} exited ({process.returncode}) without a window: "
                                   + errors.read().decode(errors="replace")[-2000:])
            if time.monotonic() > deadline:
                raise RuntimeError(f"no window from {command[0]} within {WINDOW_TIMEOUT} s")
            time.sleep(0.005)
    finally:
        process.kill()
        process.wait()
        errors.close()


def _size() -> str:
    total = sum(p.lstat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    return f"{total / 1e6:.1f} MB in {sum(1 for _ in BUNDLE.rglob('*'))} files"


def cases() -> list:
    if not EXECUTABLE.is_file():
        return [Info("bundle", lambda: "no dist/speech-composer: run packaging/build.py first")]
    out: list = [
        Info("bundle: size", _size),
        Case("checkout: --version", lambda: subprocess.run(
            [str(VENV_PYTHON), "-m", "composer.cli", "--version"], cwd=ROOT,
            capture_output=True, check=True), runs=11),
        Case("bundle: --version", lambda: subprocess.run([str(EXECUTABLE), "--version"],
                                                         capture_output=True, check=True),
             runs=11, baseline="checkout: --version"),
    ]
    if shutil.which("Xvfb") and shutil.which("xdotool"):
        out += [
            Case("checkout: start to main window (Xvfb)",
                 lambda: _time_to_window([str(VENV_PYTHON), "-c",
                                          "from composer.ui.app import main; main()"]),
                 runs=9),
            Case("bundle: start to main window (Xvfb)",
                 lambda: _time_to_window([str(EXECUTABLE)]), bar=0.4, runs=9,
                 baseline="checkout: start to main window (Xvfb)",
                 note="process start until its window is mapped; library loaded"),
        ]
    else:
        out.append(Info("bundle: start to main window", lambda: "needs xvfb and xdotool"))
    return out
