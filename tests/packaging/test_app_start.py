"""The bundled application starts (offscreen Qt) and keeps running without an error."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.packaging

STAY_UP_SECONDS = 5
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"
# What Qt's offscreen platform says about itself; not a problem of the application.
OFFSCREEN_NOTICES = ("This plugin does not support",)


def run_for_a_while(command: list[str]) -> tuple[int | None, str]:
    """Start the program, let it run, end it; (exit status if it ended by itself, stderr)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        status = process.wait(timeout=STAY_UP_SECONDS)
    except subprocess.TimeoutExpired:
        status = None
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    return status, stderr


def problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if line.strip() and not line.startswith(OFFSCREEN_NOTICES)]


@pytest.mark.parametrize("arguments", [[], ["open", "SPEECH"], ["open"]],
                         ids=["no-arguments", "open-file", "menu-entry-without-file"])
def test_application_starts_and_keeps_running(executable, user_folders, tmp_path, arguments):
    # A copy: the running program locks the speech it opens, and is ended from outside.
    speech = tmp_path / EXAMPLE.name
    shutil.copyfile(EXAMPLE, speech)
    arguments = [str(speech) if a == "SPEECH" else a for a in arguments]
    status, stderr = run_for_a_while([str(executable), *arguments])
    assert status is None, f"exited with {status}: {stderr}"
    assert not problems(stderr), stderr
    # The window was built: the bundled library was indexed and the start was recorded.
    assert list((user_folders / "cache").rglob("*.jsonl")), "no library index written"
    settings = [p.read_text(encoding="utf-8") for p in (user_folders / "config").rglob("*")
                if p.suffix in (".ini", ".conf")]
    assert settings, "no settings written"
    if "open" in arguments[:1] and len(arguments) == 2:
        # The speech was opened: it is now the most recent file.
        assert any(str(speech) in text for text in settings), settings
