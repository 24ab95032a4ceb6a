"""Fixtures for the packaging tests: the packaging scripts as modules, and one bundle per session.

Tests marked ``packaging`` need the build tools: PyInstaller in the venv (the ``packaging``
extra) and the Debian packages named in packaging/README.md; most of them use the bundle, built
once per session into a temp folder (10–25 s here).  Select them with ``-m packaging``, or leave
them out with ``-m "not packaging"``; the unmarked ones need only the test environment.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))

import bundle_config  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "packaging: needs PyInstaller and the packaging tools; builds and runs the bundle")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """dist/speech-composer/ built by packaging/build.py, in a temp folder."""
    base = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(base / "dist"),
         "--work", str(base / "work")],
        cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    folder = base / "dist" / bundle_config.BUNDLE_NAME
    assert f"bundle: {folder}" in result.stdout
    return folder


@pytest.fixture(scope="session")
def executable(bundle) -> Path:
    return bundle / bundle_config.executable_name(bundle_config.BUNDLE_NAME)
