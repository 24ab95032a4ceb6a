"""Fixtures for the file-safety tests: sample speeches, and processes that are alive or dead."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from composer.core.speech import Section, Speech
from composer.io import speech_file

from .children import start_python


def sample_speech() -> Speech:
    return Speech(title="在创建省级文明单位动员大会上的讲话", speaker="王建国", date="2024年3月15日",
                  salutation="同志们：", opening=["今天，我们召开动员大会。"],
                  body=[Section("统一思想，提高认识", ["创建文明单位是一项系统工程。"],
                                [Section("深刻认识创建工作的重要意义", ["意义重大。"])]),
                        Section("突出重点，扎实推进", ["要抓好以下几项工作。"])],
                  closing=["谢谢大家！"])


@pytest.fixture
def speech() -> Speech:
    return sample_speech()


@pytest.fixture
def speech_path(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "动员大会讲话.speech.yaml"
    speech_file.save_speech(sample_speech(), path)
    return path


@pytest.fixture
def dead_pid() -> int:
    """The id of a process that has run and ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def live_child():
    """Start child Pythons that stay alive for the test; they are killed afterwards."""
    children = []

    def start(code: str = "") -> subprocess.Popen:
        child = start_python(code)
        children.append(child)
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait()
