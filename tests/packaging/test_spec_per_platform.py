"""The PyInstaller spec as it would run on Windows and macOS, evaluated here with PyInstaller's
build steps replaced by recorders: which executables, icons, version resources and Info.plist
each system gets.  (The real Windows and macOS builds are not run here; see packaging/README.md.)"""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from .conftest import PACKAGING, bundle_config

pytestmark = pytest.mark.packaging  # needs PyInstaller (the spec imports its helpers)

SPEC = PACKAGING / "speech-composer.spec"


class Recorder:
    made: list["Recorder"] = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], []
        Recorder.made.append(self)


def kinds(name):
    return type(name, (Recorder,), {})


def evaluate_spec(platform: str, workpath: Path, monkeypatch) -> dict[str, list[Recorder]]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [package]
    hooks.copy_metadata = lambda name: [(f"/site-packages/{name}.dist-info", f"{name}.dist-info")]
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    Recorder.made = []
    classes = {name: kinds(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    namespace = {"SPECPATH": str(PACKAGING), "workpath": str(workpath), "__file__": str(SPEC),
                 **classes}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    made: dict[str, list[Recorder]] = {}
    for item in Recorder.made:
        made.setdefault(type(item).__name__, []).append(item)
    return made


def test_windows_gets_a_windowed_and_a_console_executable_with_icon_and_version(tmp_path, monkeypatch):
    made = evaluate_spec("win32", tmp_path, monkeypatch)
    gui, cli = made["EXE"]
    assert (gui.kwargs["name"], gui.kwargs["console"]) == (bundle_config.BUNDLE_NAME, False)
    assert (cli.kwargs["name"], cli.kwargs["console"]) == (bundle_config.CLI_NAME, True)
    for exe in (gui, cli):
        assert Path(exe.kwargs["icon"]).is_file() and exe.kwargs["icon"].endswith(".ico")
        text = Path(exe.kwargs["version"]).read_text(encoding="utf-8")
        assert f"StringStruct('FileVersion', '{bundle_config.version()}')" in text
        assert f"StringStruct('OriginalFilename', '{exe.kwargs['name']}.exe')" in text
        assert exe.kwargs["strip"] is False
    assert "BUNDLE" not in made
    # The installer starts the executable the spec makes.
    iss = (PACKAGING / "windows" / "speech-composer.iss").read_bytes().decode("utf-8-sig")
    assert re.search(r'#define AppExe "([^"]+)"', iss)[1] == f"{bundle_config.BUNDLE_NAME}.exe"


def test_macos_gets_an_app_with_document_types(tmp_path, monkeypatch):
    made = evaluate_spec("darwin", tmp_path, monkeypatch)
    (exe,) = made["EXE"]
    assert exe.kwargs["console"] is False and exe.kwargs["argv_emulation"] is True
    (app,) = made["BUNDLE"]
    assert app.kwargs["name"] == f"{bundle_config.MAC_APP_NAME}.app"
    assert Path(app.kwargs["icon"]).is_file() and app.kwargs["icon"].endswith(".icns")
    assert app.kwargs["bundle_identifier"] == bundle_config.APP_ID
    plist = app.kwargs["info_plist"]
    assert plist["CFBundleShortVersionString"] == bundle_config.version()
    exported = {t["UTTypeIdentifier"]: t["UTTypeTagSpecification"]["public.filename-extension"]
                for t in plist["UTExportedTypeDeclarations"]}
    assert exported == {f"{bundle_config.APP_ID}.speech": ["speech.yaml"],
                        f"{bundle_config.APP_ID}.library": ["library.yaml"]}
    claimed = {kind for doc in plist["CFBundleDocumentTypes"] for kind in doc["LSItemContentTypes"]}
    assert claimed == set(exported)


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_every_platform_collects_resources_and_metadata(platform, tmp_path, monkeypatch):
    made = evaluate_spec(platform, tmp_path, monkeypatch)
    (analysis,) = made["Analysis"]
    datas = analysis.kwargs["datas"]
    assert (f"/site-packages/{bundle_config.DIST_NAME}.dist-info",
            f"{bundle_config.DIST_NAME}.dist-info") in datas
    assert len([d for d in datas if d[1].startswith("resources")]) == len(bundle_config.resource_files())
    assert "PySide6.QtNetwork" in analysis.kwargs["excludes"]
    assert analysis.args[0] == [str(PACKAGING / "launcher.py")]
