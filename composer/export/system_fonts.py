"""Which font families this machine has, without Qt: for the font check of the command line.

On Linux and macOS fontconfig answers (``fc-list : family``, every name of every family,
localised ones included: 「AR PL UKai CN,文鼎PL中楷」).  On Windows, and where fc-list is missing,
the font folders are read: each font file's ``name`` table holds its family names in every
language it was made for (方正小标宋简体 and FZXiaoBiaoSong-B05S in one file), so a font is found by
the Chinese name a profile uses even where Windows lists it by its English one.

Reading a name table needs only the file's first few kilobytes; nothing here renders anything.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
_FAMILY_IDS = (1, 16)          # font family, typographic family
_WINDOWS_UTF16 = (0, 1, 10)    # Windows platform: symbol, Unicode BMP, Unicode full
_MAC_ENCODINGS = {0: "mac_roman", 1: "shift_jis", 2: "big5", 3: "euc_kr", 25: "gb2312"}


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from(">H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from(">I", data, at)[0]


def _read(file, offset: int, length: int) -> bytes:
    file.seek(offset)
    data = file.read(length)
    if len(data) < length:
        raise ValueError("truncated font file")
    return data


def _faces(file) -> list[int]:
    """Offsets of the font faces in a file (a collection holds several)."""
    head = _read(file, 0, 12)
    if head[:4] == b"ttcf":
        count = _u32(head, 8)
        return list(struct.unpack(f">{count}I", _read(file, 12, 4 * min(count, 256))))
    if head[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return [0]
    raise ValueError("not a TrueType or OpenType font")


def _names_of_face(file, offset: int) -> Iterator[str]:
    directory = _read(file, offset, 12)
    count = _u16(directory, 4)
    tables = _read(file, offset + 12, 16 * count)
    for i in range(count):
        if tables[16 * i:16 * i + 4] == b"name":
            start, length = _u32(tables, 16 * i + 8), _u32(tables, 16 * i + 12)
            break
    else:
        return
    table = _read(file, start, min(length, 1 << 20))
    records, strings = _u16(table, 2), _u16(table, 4)
    for r in range(records):
        platform, encoding, _language, name_id, size, at = struct.unpack_from(
            ">6H", table, 6 + 12 * r)
        if name_id not in _FAMILY_IDS:
            continue
        raw = table[strings + at:strings + at + size]
        if platform in (0, 3) and (platform == 0 or encoding in _WINDOWS_UTF16):
            codec = "utf-16-be"
        elif platform == 1 and encoding in _MAC_ENCODINGS:
            codec = _MAC_ENCODINGS[encoding]
        else:
            continue
        name = raw.decode(codec, errors="ignore").strip("\x00 ")
        if name:
            yield name


def font_file_families(path: str | os.PathLike) -> set[str]:
    """Every family name a font file gives itself; ValueError or OSError for a bad file."""
    with open(path, "rb") as file:
        return {name for face in _faces(file) for name in _names_of_face(file, face)}


def font_folders() -> list[Path]:
    """Where this platform keeps fonts, the user's own folders included."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data / "fonts",
            home / ".fonts"]


def _font_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        try:
            for path in folder.rglob("*"):
                if path.suffix.lower() in FONT_SUFFIXES:
                    yield path
        except OSError:
            continue


def families_in_folders(folders: Iterable[Path]) -> set[str]:
    """Family names of every readable font file in the folders (unreadable files skipped)."""
    names: set[str] = set()
    for path in _font_files(folders):
        try:
            names |= font_file_families(path)
        except (OSError, ValueError, struct.error):
            continue
    return names


def fontconfig_families() -> set[str] | None:
    """Family names fontconfig knows, or None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        result = subprocess.run([fc_list, ":", "family"], capture_output=True, timeout=30,
                                check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    names: set[str] = set()
    for line in result.stdout.decode("utf-8", errors="replace").splitlines():
        # One face per line; its family names (localised ones too) separated by commas.
        names.update(part.replace("\\-", "-").strip() for part in line.replace("\\,", "\0")
                     .split(",") if part.strip())
    return {name.replace("\0", ",") for name in names}


def installed_families() -> set[str]:
    """The font families of this machine (fontconfig where it exists, else the font folders)."""
    if sys.platform != "win32":
        found = fontconfig_families()
        if found is not None:
            return found
    return families_in_folders(font_folders())
