"""Test set-up shared by every test: offscreen Qt, and no test touches the real user profile."""

import os
from pathlib import Path

import pytest

# Must be set before the first QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Messages from core/io/cli default to Chinese; tests that check English set it themselves.
os.environ["SPEECH_COMPOSER_LANG"] = "zh"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "resources" / "corpus" / "创建文明单位动员大会讲话稿-8篇.txt"
EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory, monkeypatch):
    """Point the data and cache folders (and XDG/HOME-based settings) at fresh temp folders."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("SPEECH_COMPOSER_DATA", str(base / "data"))
    monkeypatch.setenv("SPEECH_COMPOSER_CACHE", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    return base


@pytest.fixture(autouse=True)
def chinese_messages():
    from composer.core import i18n
    i18n.set_language("zh")
    yield
    i18n.set_language("zh")


@pytest.fixture
def corpus_text() -> str:
    return CORPUS.read_text(encoding="utf-8")


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE
