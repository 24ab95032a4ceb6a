"""What the bundle is called, what goes into it and what stays out: shared by the PyInstaller
spec, build.py, render_icons.py and the packaging tests.  Plain Python, no PyInstaller import."""

from __future__ import annotations

import fnmatch
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from composer.io import paths  # noqa: E402  (plain Python, no Qt)

PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"

DIST_NAME = "speech-composer"               # the pyproject distribution name
BUNDLE_NAME = "speech-composer"             # dist/<BUNDLE_NAME>/ and the main executable
CLI_NAME = "speech-composer-cli"            # Windows only: the console twin for scripts
APP_ID = paths.APP_ID                        # freedesktop / AppStream / macOS id
MAC_APP_NAME = "Speech Composer"            # dist/Speech Composer.app
DISPLAY_NAME = "讲稿编排 Speech Composer"
PUBLISHER = "Speech Composer"

# resources/ goes into the bundle whole, less what is only used to build or test it.
RESOURCE_EXCLUDED_DIRS = {"corpus", "__pycache__"}
RESOURCE_EXCLUDED_FILES = ("*.ts", "*.py", "*.pyc", "*.pro", "*.md", "*.sh", ".*")

# Qt modules the application does not use (it uses QtCore, QtGui, QtWidgets and QtSvg).
QT_EXCLUDED_MODULES = [
    "QtNetwork", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtQuick3D", "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic",
    "Qt3DExtras", "Qt3DAnimation", "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick",
    "QtWebChannel", "QtWebSockets", "QtMultimedia", "QtMultimediaWidgets", "QtPdf",
    "QtPdfWidgets", "QtDesigner", "QtHelp", "QtUiTools", "QtSql", "QtTest", "QtOpenGL",
    "QtOpenGLWidgets", "QtConcurrent", "QtCharts", "QtDataVisualization", "QtGraphs",
    "QtLabsStyleKit", "QtPositioning", "QtLocation", "QtBluetooth", "QtNfc", "QtSerialPort",
    "QtSensors", "QtTextToSpeech", "QtRemoteObjects", "QtScxml", "QtStateMachine",
    "QtHttpServer", "QtSpatialAudio", "QtAxContainer", "QtXml",
]
PYTHON_EXCLUDED_MODULES = ["tkinter", "unittest", "pydoc_data", "lib2to3", "test", "ssl",
                           "pytest", "_pytest", "pytestqt", "hypothesis", "pdfplumber"]

# Qt libraries that Qt plugins would drag in although no desktop window needs them: QML/Quick
# (via the virtual keyboard), networking, PDF, OpenGL, the Designer, the embedded-device
# platforms.  Named without prefix: libQt6Network.so.6 (Linux), Qt6Network.dll (Windows),
# QtNetwork.framework (macOS); a name covers every library starting with it (Quick → QuickWidgets).
QT_EXCLUDED_LIBRARIES = [
    "Network", "Qml", "Quick", "Pdf", "VirtualKeyboard", "Designer", "Help", "Sql", "Test",
    "OpenGL", "Labs", "Lottie", "Concurrent", "UiTools", "Xml", "WaylandCompositor",
    "WlShellIntegration", "EglFS",
]
# Plugins and other files, matched against the file name, case-insensitive, on every platform:
# the embedded-device platforms (eglfs, linuxfb, vnc …) and image formats we never read.
QT_EXCLUDED_BINARIES = [
    "*qtvirtualkeyboardplugin*", "*qpdf*", "*qtiff*", "*qwebp*", "*qtga*", "*qwbmp*",
    "*qeglfs*", "*qlinuxfb*", "*qminimal*", "*qvnc*", "*qvkkhrdisplay*",
    # The GTK theme plugin would load the desktop's GTK 3 against the cairo/pango/glib copies
    # PyInstaller bundles beside it: a classic source of crashes.  Qt's own widgets and the
    # xdg-desktop-portal theme (file dialogs through the desktop) need no GTK.
    "*qgtk3*",
    # Wayland: widgets draw in shared memory and the xdg-shell is what desktops speak; the other
    # shells and the GPU buffer plugins (which need QtOpenGL) serve kiosks and compositors.
    "*ivi-shell*", "*qt-shell*", "*wl-shell-plugin*", "*fullscreen-shell*",
    # Windows: the software OpenGL renderer and the shader compiler (~25 MB) are loaded only for
    # OpenGL / Qt Quick content; widgets paint without them.
    "opengl32sw*", "d3dcompiler*",
]
QT_EXCLUDED_PLUGIN_DIRS = ["qmltooling", "networkinformation", "tls", "sqldrivers", "designer",
                           "wayland-graphics-integration-server", "vectorimageformats",
                           "egldeviceintegrations", "generic",
                           "wayland-graphics-integration-client"]
# Qt's own catalogues: only Chinese is needed (the English UI needs none).
QT_KEPT_TRANSLATIONS = ["*_zh_CN.qm", "*_zh_TW.qm"]


def version() -> str:
    """The one version number, from pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """"1.2.3" → (1, 2, 3, 0): the four numbers of a Windows version resource."""
    numbers = []
    for part in (text or version()).split(".")[:4]:
        digits = re.match(r"\d*", part).group()  # "1rc2" → 1: pre-release tags are dropped
        numbers.append(int(digits or 0))
    return tuple((numbers + [0, 0, 0, 0])[:4])


def resource_files() -> list[tuple[Path, str]]:
    """(source file, destination folder inside the bundle) for everything read at run time."""
    out = []
    for path in sorted(RESOURCES.rglob("*")):
        relative = path.relative_to(RESOURCES)
        if not path.is_file() or RESOURCE_EXCLUDED_DIRS & set(relative.parts[:-1]):
            continue
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in RESOURCE_EXCLUDED_FILES):
            continue
        out.append((path, str(Path("resources") / relative.parent)))
    return out


def is_excluded_binary(name: str) -> bool:
    """True for a Qt library or plugin (by its path inside the bundle) that we leave out."""
    lowered = name.replace("\\", "/").lower()
    base = lowered.rsplit("/", 1)[-1]
    for library in (library.lower() for library in QT_EXCLUDED_LIBRARIES):
        if base.startswith((f"libqt6{library}", f"qt6{library}")) or \
                re.search(rf"/qt{library}[a-z0-9]*\.framework/", lowered):
            return True
    if any(fnmatch.fnmatch(base, pattern) for pattern in QT_EXCLUDED_BINARIES):
        return True
    return any(f"/plugins/{folder}/" in lowered for folder in QT_EXCLUDED_PLUGIN_DIRS)


def is_excluded_data(name: str) -> bool:
    """True for a Qt translation catalogue in a language the UI does not offer."""
    lowered = name.replace("\\", "/")
    if "/translations/" not in lowered or not lowered.endswith(".qm") or "PySide6" not in lowered:
        return False
    base = lowered.rsplit("/", 1)[-1]
    return not any(fnmatch.fnmatch(base, pattern) for pattern in QT_KEPT_TRANSLATIONS)


def prune_unneeded_libraries(binaries: list[tuple], imports_of) -> list[tuple]:
    """Drop the shared libraries that only the left-out Qt plugins needed.

    ``binaries`` are PyInstaller TOC entries (name in the bundle, source path, type).  Libraries
    PyInstaller collected as dependencies sit at the top of the bundle (a name without a
    folder); every other binary (Python extensions, Qt libraries and plugins) is a root.  A
    top-level library stays when a root imports it; ``imports_of(source path)`` gives the names
    a binary loads, transitively (ldd's answer on Linux).  The Python library itself always
    stays: the bootloader loads it by name.
    """
    def is_dependency(name: str) -> bool:
        return "/" not in name.replace("\\", "/") and not name.lower().startswith(
            ("libpython", "python"))

    needed: set[str] = set()
    for name, source, _kind in binaries:
        if not is_dependency(name):
            needed.update(imports_of(source))
    return [entry for entry in binaries if not is_dependency(entry[0]) or entry[0] in needed]


def executable_name(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name
