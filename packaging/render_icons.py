"""Render the application icon from its SVG master into every format the installers need.

    .venv/bin/python packaging/render_icons.py

Writes (all committed, so that a build on any system needs no rendering step):

* ``packaging/linux/icons/hicolor/NxN/apps/<app id>.png`` for the usual freedesktop sizes;
* ``packaging/windows/speech-composer.ico`` — 16–48 px as classic 32-bit bitmaps (what every
  Windows shell, resource compiler and Inno Setup read) and 256 px as PNG (Vista and later);
* ``packaging/macos/speech-composer.icns`` — PNG entries, which macOS 10.7 and later read;
* ``resources/icons/window/N.png``, the window's icon at run time: PNG files are read by Qt's
  built-in image code, where the SVG master would load the SVG plugin and QtSvg with every
  start (8 ms on the test machine).

Rendered with Qt's own SVG renderer (QtSvg is part of PySide6-Essentials).  Run it again after
changing ``resources/icons/speech-composer.svg``.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SVG = ROOT / "resources" / "icons" / "speech-composer.svg"
sys.path.insert(0, str(ROOT))
from composer.io.paths import APP_ID  # noqa: E402

LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)   # title bars, task bars, Alt+Tab
ICO_SIZES = (16, 24, 32, 48, 256)
ICO_PNG_FROM = 256  # entries this big are stored as PNG, smaller ones as bitmaps
# ICNS entry types holding PNG data, by pixel size (@2x variants reuse the bigger images).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
              (b"ic10", 1024))


def linux_png_path(size: int) -> Path:
    return PACKAGING / "linux" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def window_png_path(size: int) -> Path:
    return ROOT / "resources" / "icons" / "window" / f"{size}.png"


ICO_PATH = PACKAGING / "windows" / "speech-composer.ico"
ICNS_PATH = PACKAGING / "macos" / "speech-composer.icns"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    return bytes(data.data())


def bitmap_bytes(image: QImage) -> bytes:
    """An ICO bitmap entry: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask."""
    size = image.width()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian BGRA in memory
    rows = [bytes(image.constScanLine(y))[:size * 4] for y in range(size)]
    mask_stride = ((size + 31) // 32) * 4
    mask_rows = []
    for row in rows:
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:  # fully transparent: masked out for old readers
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0,
                         size * size * 4 + mask_stride * size, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + b"".join(reversed(mask_rows))


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = [(size, png_bytes(images[size]) if size >= ICO_PNG_FROM else bitmap_bytes(images[size]))
               for size in ICO_SIZES]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in entries)


def icns_bytes(images: dict[int, QImage]) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        data = png_bytes(images[size])
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt up)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 2
    sizes = sorted(set(LINUX_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    images = {size: render(renderer, size) for size in sizes}
    for size in LINUX_SIZES:
        path = linux_png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png_bytes(images[size]))
    for size in WINDOW_SIZES:
        path = window_png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png_bytes(images[size]))
    ICO_PATH.parent.mkdir(parents=True, exist_ok=True)
    ICO_PATH.write_bytes(ico_bytes(images))
    ICNS_PATH.parent.mkdir(parents=True, exist_ok=True)
    ICNS_PATH.write_bytes(icns_bytes(images))
    written = ([linux_png_path(size) for size in LINUX_SIZES]
               + [window_png_path(size) for size in WINDOW_SIZES] + [ICO_PATH, ICNS_PATH])
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
