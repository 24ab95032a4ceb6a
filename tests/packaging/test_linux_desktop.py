"""Linux desktop integration: the entry, the file types and the AppStream data validate, and
install.sh installs the built bundle for one user and removes it again."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from .conftest import PACKAGING, ROOT, bundle_config

LINUX = PACKAGING / "linux"
APP_ID = bundle_config.APP_ID
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"


def test_metainfo_names_the_current_version_as_newest_release():
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases[0].get("version") == bundle_config.version()


def test_desktop_entry_and_mime_types_agree():
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines()
                 if "=" in line)
    mime = ET.parse(MIME).getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    types = {t.get("type"): t.find("m:glob", ns).get("pattern") for t in mime.findall("m:mime-type", ns)}
    assert set(filter(None, entry["MimeType"].split(";"))) == set(types)
    assert sorted(types.values()) == ["*.library.yaml", "*.speech.yaml"]
    assert entry["Icon"] == APP_ID
    # A file from the file manager opens through the `open` command.
    assert entry["Exec"] == f"{bundle_config.BUNDLE_NAME} open %f"


@pytest.mark.packaging
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.packaging
def test_appstream_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


MIME_PROBE = """
from PySide6.QtCore import QMimeDatabase
db = QMimeDatabase()
for name in ("a.speech.yaml", "b.library.yaml", "c.yaml"):
    print(db.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension).name())
"""


@pytest.mark.packaging
def test_install_sh_installs_and_uninstalls_for_one_user(bundle, tmp_path):
    home, data = tmp_path / "home", tmp_path / "data"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(data))
    env.pop("PREFIX", None)
    result = subprocess.run(["sh", str(bundle / "install.sh")], env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    target = home / ".local" / "lib" / bundle_config.BUNDLE_NAME

    command = home / ".local" / "bin" / bundle_config.BUNDLE_NAME
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True)
    assert version.stdout.strip() == f"speech-composer {bundle_config.version()}"

    entry = data / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{target}/{bundle_config.BUNDLE_NAME}" open %f' in text
    check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == \
        (ROOT / "resources" / "icons" / "speech-composer.svg").read_bytes()

    # The desktop's MIME database (as Qt reads it) now knows both file types, and plain YAML
    # stays what it was.
    probe = subprocess.run([sys.executable, "-c", MIME_PROBE], env=env, capture_output=True,
                           text=True)
    assert probe.stdout.split() == ["application/x-speech-composer-speech",
                                    "application/x-speech-composer-library",
                                    "application/x-yaml"], probe.stderr

    result = subprocess.run(["sh", str(target / "install.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not target.exists() and not command.exists() and not command.is_symlink()
    leftovers = [p for p in data.rglob(f"*{APP_ID}*")]
    assert leftovers == []
