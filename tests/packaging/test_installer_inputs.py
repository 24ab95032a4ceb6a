"""What the Windows and macOS builds read, checked here: icons, the version resource, the Inno
Setup script (its defines and every path it names), and the bundle pruning rule."""

from __future__ import annotations

import ast
import re
import struct

import pytest
from PySide6.QtGui import QImage, QImageReader

import build
import render_icons
from windows_version import version_info_text

from .conftest import PACKAGING, bundle_config

ISS = PACKAGING / "windows" / "speech-composer.iss"


# --- icons ------------------------------------------------------------------------------------

def test_window_icons_are_the_masters_renderings_and_make_the_application_icon(qapp):
    from PySide6.QtSvg import QSvgRenderer

    from composer.ui import app
    renderer = QSvgRenderer(str(render_icons.SVG))
    for size in render_icons.WINDOW_SIZES:
        # Rendered again from the master: a changed SVG without render_icons.py run fails here.
        # Pixels, not bytes: another Qt's PNG encoder may pack the same pixels differently.
        expected = render_icons.render(renderer, size)
        shipped = QImage(str(render_icons.window_png_path(size))).convertToFormat(expected.format())
        assert shipped == expected, size
    icon = app._application_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(render_icons.WINDOW_SIZES)
    assert icon.pixmap(48, 48).toImage().pixelColor(24, 24).alpha() == 255


def test_linux_icons_have_their_sizes(qapp):
    for size in render_icons.LINUX_SIZES:
        image = QImage(str(render_icons.linux_png_path(size)))
        assert (image.width(), image.height()) == (size, size)
        # Transparent around the page, opaque in its middle.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_ico_holds_every_size_windows_asks_for(qapp):
    data = render_icons.ICO_PATH.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        assert (planes, bits) == (1, 32) and offset + length <= len(data)
        sizes.append(width or 256)
    assert sorted(sizes) == sorted(render_icons.ICO_SIZES)
    reader = QImageReader(str(render_icons.ICO_PATH))
    decoded = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        decoded.append(reader.read().width())
    assert sorted(decoded) == sorted(render_icons.ICO_SIZES)


def test_icns_entries_are_pngs_of_their_size(qapp):
    data = render_icons.ICNS_PATH.read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    position, seen = 8, {}
    while position < len(data):
        kind, length = data[position:position + 4], struct.unpack_from(">I", data, position + 4)[0]
        image = QImage.fromData(data[position + 8:position + length], "PNG")
        seen[kind] = image.width()
        position += length
    assert seen == {kind: size for kind, size in render_icons.ICNS_TYPES}


# --- version ----------------------------------------------------------------------------------

def test_version_tuple_has_four_numbers():
    assert bundle_config.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert bundle_config.version_tuple("2.0") == (2, 0, 0, 0)
    assert bundle_config.version_tuple("0.3.1rc2") == (0, 3, 1, 0)


def test_windows_version_resource_carries_the_pyproject_version():
    version = bundle_config.version()
    text = version_info_text(version, bundle_config.version_tuple(version),
                             original_name="speech-composer.exe", description="讲稿编排",
                             product="讲稿编排 Speech Composer", company="Speech Composer")
    tree = ast.parse(text)  # PyInstaller evaluates this text on Windows
    calls = {node.func.id: node for node in ast.walk(tree) if isinstance(node, ast.Call)}
    fixed = {kw.arg: ast.literal_eval(kw.value) for kw in calls["FixedFileInfo"].keywords}
    assert fixed["filevers"] == fixed["prodvers"] == bundle_config.version_tuple(version)
    strings = {ast.literal_eval(node.args[0]): ast.literal_eval(node.args[1])
               for node in ast.walk(tree) if isinstance(node, ast.Call)
               and getattr(node.func, "id", "") == "StringStruct"}
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == "speech-composer.exe"
    assert strings["ProductName"] == "讲稿编排 Speech Composer"


# --- Inno Setup script ------------------------------------------------------------------------

def iss_text() -> str:
    return ISS.read_bytes().decode("utf-8-sig")


def test_iss_is_utf8_with_bom():
    # Inno Setup reads a script without a byte order mark in the ANSI code page.
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


def test_iss_is_per_user_with_association_and_start_menu():
    text = iss_text()
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.M)
    # HKA is HKCU in a per-user install; nothing goes to the machine-wide hives.
    assert set(re.findall(r"^Root: (\w+)", text, re.M)) == {"HKA"}
    assert re.search(r'Subkey: "Software\\Classes\\\.speech\.yaml".*ValueData: "\{#SpeechProgId\}"', text)
    assert re.search(r'shell\\open\\command".*ValueData: """\{app\}\\\{#AppExe\}"" open ""%1"""', text)
    assert re.search(r'^Name: "\{autoprograms\}\\', text, re.M)


def test_build_passes_every_define_the_script_requires(tmp_path):
    required = set(re.findall(r"^#ifndef (\w+)", iss_text(), re.M))
    passed = dict(define[2:].split("=", 1) for define in build.inno_defines(tmp_path / "bundle"))
    assert required <= set(passed)
    assert passed["AppVersion"] == bundle_config.version()
    assert passed["AppVersionNumeric"] == ".".join(map(str, bundle_config.version_tuple()))


@pytest.mark.packaging
def test_every_path_the_iss_names_exists_after_a_build(bundle):
    text = iss_text()
    defines = dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', text, re.M))
    defines.update(define[2:].split("=", 1) for define in build.inno_defines(bundle))
    text = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], text)

    sources = re.findall(r'^Source: "([^"]+)"', text, re.M)
    assert sources == [f"{bundle}\\*"]
    assert (PACKAGING / "windows" / re.search(r"^SetupIconFile=(.+)$", text, re.M)[1]).is_file()
    # Files in {app}: the Windows names of what the Linux build made (".exe" added on Windows).
    app_files = set(re.findall(r"\{app\}\\([^\",]+\.exe)", text))
    assert app_files
    for name in app_files:
        assert (bundle / name.removesuffix(".exe")).is_file(), name
    for folder in re.findall(r'Name: "\{app\}\\([^"]+)"', text):
        assert (bundle / folder).is_dir(), folder


# --- the pruning rule of the spec -------------------------------------------------------------

def test_pruning_keeps_what_a_kept_binary_loads_and_drops_the_rest():
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-icccm.so.4", "/src/libxcb-icccm.so.4", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),       # only the GTK plugin used it
        ("libpython3.11.so.1.0", "/src/libpython", "BINARY"),    # loaded by the bootloader
    ]
    imports = {"/src/libqxcb.so": {"libxcb-icccm.so.4", "libc.so.6"}}
    kept = bundle_config.prune_unneeded_libraries(binaries, lambda path: imports.get(path, set()))
    assert [name for name, _, _ in kept] == ["PySide6/Qt/plugins/platforms/libqxcb.so",
                                             "libxcb-icccm.so.4", "libpython3.11.so.1.0"]


def test_the_exclusion_rules_match_qt_file_names_on_every_system():
    excluded = bundle_config.is_excluded_binary
    for name in ("PySide6/Qt/lib/libQt6Network.so.6", "PySide6/Qt6Network.dll",
                 "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
                 "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
                 "PySide6\\plugins\\imageformats\\qpdf.dll", "PySide6/opengl32sw.dll",
                 "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
                 "PySide6/Qt/plugins/tls/libqopensslbackend.so"):
        assert excluded(name), name
    for name in ("PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt6Widgets.dll",
                 "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
                 "PySide6/plugins/platforms/qwindows.dll", "PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqcocoa.dylib", "PySide6/Qt/lib/libQt6Svg.so.6",
                 "PySide6/Qt/plugins/iconengines/libqsvgicon.so", "PySide6/Qt/lib/libQt6DBus.so.6"):
        assert not excluded(name), name
    assert bundle_config.is_excluded_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle_config.is_excluded_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not bundle_config.is_excluded_data("resources/translations/speech_composer_en.qm")


def test_only_the_runtime_resources_are_collected():
    targets = {source.relative_to(bundle_config.RESOURCES).as_posix()
               for source, _ in bundle_config.resource_files()}
    assert "icons/speech-composer.svg" in targets
    assert not [t for t in targets if t.startswith("corpus/") or t.endswith((".ts", ".py"))]
