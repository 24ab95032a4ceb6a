"""Which installed font prints each role, and the QFonts the pages are set in.

A profile names the fonts of a Chinese Windows office (仿宋, 楷体, 黑体, 方正小标宋简体, Times
New Roman).  Where one is installed — under its own name, or the name Word may know it by
(``alt_names`` of the profile: 仿宋 → FangSong) — the pages use it.  Where it is not, the pages use
an installed font of the same kind (a FangSong, a Kai, a Hei, a Song), then any installed Chinese
font: never Qt's default, which may be a Latin font that draws every Chinese character from some
fallback and sets “ ” — … half-width.

Each role gets two fonts, as in the .docx (``w:eastAsia`` and ``w:ascii``): Chinese text,
full-width forms and the punctuation Chinese text shares with Latin (“ ” ‘ ’ — … ·) take the East
Asian font, Latin letters and digits the Latin one (official-format.md §3: ``w:hint="eastAsia"``).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPaintDevice

from ..export.profiles import Profile, RoleFormat

# Names the same face goes by on Windows, macOS and in font packs, beside the profile's own
# ``alt_names``.
ALIASES = {
    "仿宋": ("FangSong", "STFangsong", "华文仿宋"),
    "仿宋_GB2312": ("FangSong_GB2312", "仿宋", "FangSong"),
    "楷体": ("KaiTi", "STKaiti", "华文楷体"),
    "楷体_GB2312": ("KaiTi_GB2312", "楷体", "KaiTi"),
    "黑体": ("SimHei", "STHeiti", "华文黑体"),
    "宋体": ("SimSun", "NSimSun", "新宋体", "STSong", "华文宋体"),
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
    "Times New Roman": ("Liberation Serif", "Tinos", "Nimbus Roman", "Nimbus Roman No9 L",
                        "TeX Gyre Termes", "Times"),
}

# Installed stand-ins by kind, best first: the common Windows, macOS and Linux faces.
SONG = ("SimSun", "宋体", "NSimSun", "STSong", "Songti SC", "Noto Serif CJK SC",
        "Source Han Serif SC", "Source Han Serif CN", "AR PL SungtiL GB", "AR PL UMing CN",
        "AR PL New Sung")
KAI = ("KaiTi", "楷体", "STKaiti", "Kaiti SC", "AR PL KaitiM GB", "AR PL UKai CN")
HEI = ("SimHei", "黑体", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Noto Sans CJK SC",
       "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
       "Droid Sans Fallback")
FANGSONG = ("FangSong", "仿宋", "STFangsong", "FangSong_GB2312")
SERIF = ("Liberation Serif", "Tinos", "Nimbus Roman", "TeX Gyre Termes", "DejaVu Serif")


def kind_of(name: str) -> tuple[str, ...]:
    """The stand-ins for a font that is not installed, by what its name says it is."""
    folded = name.casefold()
    if "仿宋" in name or "fangsong" in folded:
        return FANGSONG + SONG + HEI
    if "楷" in name or "kai" in folded:
        return KAI + SONG + HEI
    if "黑" in name or "hei" in folded or "yahei" in folded:
        return HEI + SONG
    return SONG + HEI


@dataclass(frozen=True)
class ResolvedFont:
    requested: str      # the name in the profile
    family: str         # the installed family the pages use
    substituted: bool   # True when that is a stand-in, not the requested face


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


@lru_cache(maxsize=1)
def _families() -> frozenset[str]:
    return frozenset(_key(family) for family in QFontDatabase.families())


def installed(name: str) -> bool:
    """Whether a font family is installed.  Qt's family list is the truth: on Linux
    ``hasFamily`` also says yes to a name that a fontconfig alias maps to another font (仿宋 →
    some Song face), so it is asked only elsewhere (Windows knows a font by its Chinese and its
    English name, and ``hasFamily`` finds either).  Read once per run."""
    if not name:
        return False
    if _key(name) in _families():
        return True
    return not sys.platform.startswith("linux") and QFontDatabase.hasFamily(name)



def _chinese_families() -> list[str]:
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


@lru_cache(maxsize=64)
def _resolve(name: str, alt: str, latin: bool) -> ResolvedFont:
    own = [name, alt, *ALIASES.get(name, ())]
    for candidate in own:
        if installed(candidate):
            return ResolvedFont(name, candidate, candidate not in (name, alt))
    stand_ins = SERIF if latin else kind_of(name)
    for candidate in stand_ins:
        if installed(candidate):
            return ResolvedFont(name, candidate, True)
    if latin:
        return ResolvedFont(name, "", True)     # the caller sets Latin text in the CJK font
    chinese = _chinese_families()
    if chinese:
        return ResolvedFont(name, chinese[0], True)
    return ResolvedFont(name, name, True)    # nothing better: Qt's own fallback


def resolve(profile: Profile, name: str, latin: bool = False) -> ResolvedFont:
    """The installed family that prints font NAME of the profile.

    A Latin font that is not installed falls back to a Times-like serif; without one the family
    is "" and the role's Chinese font sets Latin text too (every Chinese font has digits and
    Latin letters).
    """
    return _resolve(name, dict(profile.alt_names).get(name, ""), latin)


# --- QFonts for a role -------------------------------------------------------------------------

@dataclass(frozen=True)
class RoleFonts:
    east_asian: QFont
    latin: QFont
    east_asian_family: ResolvedFont
    latin_family: ResolvedFont


def letter_spacing_unit(device: QPaintDevice) -> float:
    """How many device pixels one unit of QFont's absolute letter spacing adds on DEVICE.

    Qt scales absolute spacing from its default screen resolution to the device's, so the unit
    depends on the machine; measured, not assumed.
    """
    probe = QFont(SONG[0])
    probe.setPointSizeF(12)
    spaced = QFont(probe)
    spaced.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 10)
    plain = QFontMetricsF(probe, device).horizontalAdvance("xxxxxxxxxx")
    wide = QFontMetricsF(spaced, device).horizontalAdvance("xxxxxxxxxx")
    return (wide - plain) / 100


def make_font(family: str, role: RoleFormat, spacing_px: float, spacing_unit: float) -> QFont:
    """A QFont of the role's size and weight with SPACING_PX device pixels after each character."""
    font = QFont(family)
    font.setFamilies([family])
    font.setPointSizeF(role.size_pt)
    font.setBold(role.bold)
    # Unhinted outlines and fractional advances: the same line breaks at every resolution.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    if spacing_px and spacing_unit:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing_px / spacing_unit)
    return font


def role_fonts(profile: Profile, role: RoleFormat, spacing_px: float,
               spacing_unit: float) -> RoleFonts:
    east = resolve(profile, role.font)
    latin = resolve(profile, role.latin_font, latin=role.latin_font != role.font)
    if not latin.family:
        # The role's Latin font is missing and no serif stands in: Latin text in the CJK font.
        latin = ResolvedFont(role.latin_font, east.family, True)
    return RoleFonts(make_font(east.family, role, spacing_px, spacing_unit),
                     make_font(latin.family, role, spacing_px, spacing_unit), east, latin)


# --- which characters take the Latin font ------------------------------------------------------

# ASCII and the Latin alphabets, without the Latin-1 symbols that Chinese text uses as its own
# (Word's East Asian hint sends § ¨ ° ± · × ÷ to the East Asian font).
_LATIN_CLASS = "\u0000-\u00a6\u00a9-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN = re.compile(f"[{_LATIN_CLASS}]")
EAST_ASIAN, LATIN = "east_asian", "latin"


def is_latin(char: str) -> bool:
    """True for characters set in the role's Latin font: ASCII and the Latin alphabets."""
    return _LATIN.match(char) is not None


@lru_cache(maxsize=8)
def _runs_pattern(own: tuple[str, ...]) -> re.Pattern:
    escaped = "".join(re.escape(c) for c in own)
    others = f"[^{_LATIN_CLASS}{escaped}]+" if own else f"[^{_LATIN_CLASS}]+"
    return re.compile((f"([{escaped}])|" if own else "") + f"([{_LATIN_CLASS}]+)|({others})")


def script_runs(text: str, own: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, length, kind) runs of TEXT: kind is LATIN, EAST_ASIAN, or the character itself
    for each character in OWN (each of those is a run of its own)."""
    runs = []
    for match in _runs_pattern(own).finditer(text):
        if own and match.group(1):
            kind = match.group(1)
        elif match.group(len(match.groups()) - 1):
            kind = LATIN
        else:
            kind = EAST_ASIAN
        runs.append((match.start(), match.end() - match.start(), kind))
    return runs


# --- what the pages will use for the fonts this machine lacks ----------------------------------

STAND_IN_ADVICE = ("可安装该字体，或在格式方案里改用已安装的字体。",
                   "Install the font, or choose an installed font in the format profile.")


def stand_in_notices(profile: Profile, advice: bool = True) -> list[str]:
    """One line for each of the profile's fonts that is not installed, saying which installed
    font the PDF and the printout use instead (they embed or print it: unlike a .docx, they do
    not change on a machine that has the font), in the UI language; [] when all are there.
    ADVICE False leaves out what to do, for a dialog that says it once under all the lines."""
    from ..core.i18n import pick
    from ..export.font_check import ROLE_NAMES, missing_fonts

    lines = []
    for item in missing_fonts(profile, installed):
        family = resolve(profile, item.font, latin=item.latin).family
        if not family:      # a Latin font with no serif to stand in: the body's Chinese font
            family = resolve(profile, profile.role("body").font).family
        roles = item.roles[:4]
        more_zh, more_en = ("等", " and more") if len(item.roles) > 4 else ("", "")
        where_zh = ("、".join(ROLE_NAMES[r][0] for r in roles) + more_zh) if roles else "数字和字母"
        where_en = (", ".join(ROLE_NAMES[r][1] for r in roles) + more_en) if roles else \
            "digits and Latin letters"
        name = f" {item.font}" if item.font.isascii() else item.font
        advice_zh, advice_en = STAND_IN_ADVICE if advice else ("", "")
        lines.append(pick(
            f"未安装{name}：PDF 和打印以 {family} 代替（{where_zh}）。{advice_zh}",
            (f"{item.font} is not installed: the PDF and the printout use {family} instead "
             f"({where_en}). {advice_en}").rstrip()))
    return lines
