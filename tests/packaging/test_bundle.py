"""The built bundle runs on its own: version, bundled resources, export, shared libraries."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from composer.export import export_docx, load_profile
from composer.io.speech_file import load_speech

from .conftest import ROOT, bundle_config

pytestmark = pytest.mark.packaging

EXAMPLE = ROOT / "resources" / "examples" / "创建省级文明单位动员大会讲话.speech.yaml"


def run(executable: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(executable), *args], capture_output=True, text=True, timeout=60,
                          **kwargs)


def test_version_is_the_one_in_pyproject(executable):
    result = run(executable, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"speech-composer {bundle_config.version()}"


def test_every_runtime_resource_is_bundled_unchanged(bundle):
    internal = bundle / "_internal"
    expected = bundle_config.resource_files()
    assert any(source.name.endswith(".speech.yaml") for source, _ in expected)
    assert any(source.parent.name == "profiles" for source, _ in expected)
    for source, target in expected:
        copy = internal / target / source.name
        assert copy.read_bytes() == source.read_bytes(), copy
    bundled = {path.relative_to(internal / "resources") for path in
               (internal / "resources").rglob("*") if path.is_file()}
    assert bundled == {source.relative_to(bundle_config.RESOURCES) for source, _ in expected}
    assert not (internal / "resources" / "corpus").exists()


def test_unused_qt_is_left_out(bundle):
    names = [path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file()]
    lowered = [name.lower() for name in names]
    for unwanted in ("qt6network", "qt6qml", "qt6quick", "qt6pdf", "qt6opengl", "qgtk3",
                     "qtvirtualkeyboard", "qt6designer", "libcairo", "libgtk"):
        assert not [name for name in lowered if unwanted in name], unwanted
    for wanted in ("qt6core", "qt6gui", "qt6widgets", "qt6svg", "qsvgicon", "qoffscreen",
                   "qtbase_zh_cn.qm"):
        assert [name for name in lowered if wanted in name], wanted
    if sys.platform.startswith("linux"):
        assert [name for name in lowered if "libqxcb.so" in name]
        assert [name for name in lowered if "libqwayland" in name]
    # Qt's own catalogues: Chinese only (ours, in resources/translations, are all kept).
    catalogues = [name for name in names if name.endswith(".qm") and "PySide6/" in name]
    assert catalogues and all("_zh_" in name for name in catalogues)


def test_every_shared_library_resolves(bundle):
    # Linux (ldd): no library of the bundle, Qt plugins included, misses a dependency — except
    # those PyInstaller leaves to the system by design (libxcb, libwayland-*, libGL, glibc …).
    from PyInstaller.depend.dylib import include_library

    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing = {}
    for path in [bundle / bundle_config.BUNDLE_NAME, *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        lost = [line.split()[0] for line in result.stdout.splitlines()
                if "not found" in line and include_library(line.split()[0])]
        if lost:
            missing[str(path.relative_to(bundle))] = lost
    assert not missing


# --- export -----------------------------------------------------------------------------------

def _east_asia_font(paragraph, run) -> str | None:
    """The run's East Asian font as Word resolves it: run, then the style chain, then defaults."""
    def from_rpr(rpr):
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        return fonts.get(qn("w:eastAsia")) if fonts is not None else None

    font = from_rpr(run._r.rPr)
    style = paragraph.style
    while font is None and style is not None:
        font = from_rpr(style.element.rPr)
        style = style.base_style
    if font is None:
        defaults = paragraph.part.document.styles.element.find(qn("w:docDefaults"))
        font = from_rpr(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    return font


def test_bundled_export_writes_the_official_format(executable, tmp_path):
    out = tmp_path / "讲话.docx"
    result = run(executable, "export", str(EXAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    # Only the font notices (this machine has none of the official fonts), and the bundle's
    # font check found the fonts as the source tree's does.
    assert all("：注意：未安装" in line for line in result.stderr.splitlines()), result.stderr
    assert "未安装方正小标宋简体" in result.stderr

    speech = load_speech(EXAMPLE)
    profile = load_profile(None)
    document = docx.Document(str(out))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = paragraphs[0]
    assert title.text == speech.title
    assert {_east_asia_font(title, r) for r in title.runs} == {profile.role("title").font}
    opening = next(p for p in paragraphs if p.text.strip() == speech.opening[0])
    assert {_east_asia_font(opening, r) for r in opening.runs} == {profile.role("body").font}

    # The bundle writes exactly what the checkout writes (only the creation time differs).
    reference = tmp_path / "reference.docx"
    export_docx(speech, reference, profile)
    with zipfile.ZipFile(out) as ours, zipfile.ZipFile(reference) as theirs:
        assert ours.namelist() == theirs.namelist()
        for name in ours.namelist():
            if name != "docProps/core.xml":
                assert ours.read(name) == theirs.read(name), name


def test_bundled_export_refuses_bad_input_and_writes_nothing(executable, tmp_path):
    bad = tmp_path / "bad.speech.yaml"
    bad.write_text("format: 1\ntitle: !!python/object:os.system ls\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run(executable, "export", str(bad), "-o", str(out))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not out.exists()
