"""The font doctor: which of a profile's fonts this machine lacks, and what will happen then.

Before an export, print or PDF the caller asks which fonts are installed (the command line
through ``system_fonts``; the window through Qt's font database) and this module says, for each
missing font, what Word will show instead and what to do, in one line:

    未安装方正小标宋简体：Word 将以宋体显示标题。可安装该字体，或在格式方案里改用已安装的字体。

Word's substitute is the one the document's font table leads it to (font_table.py): 方正小标宋简体
carries 宋体's PANOSE number, so Word shows 宋体 (Windows never ships the Founder font, and
writers meet this often); for the other Chinese fonts Word takes a font of the same character
set, on Chinese Windows usually 宋体.  A font is installed when any of its names is: the
Chinese name the profile uses or the English one Word may know it by (``alt_names``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..core.i18n import pick
from .profiles import DEFAULT_PROFILE, Profile, available_profiles, is_bundled, load_profile

ROLE_NAMES = {
    "title": ("标题", "the title"), "subtitle": ("副标题", "the subtitle"),
    "speaker": ("讲话人", "the speaker line"), "date": ("日期", "the date line"),
    "salutation": ("称呼", "the salutation"), "body": ("正文", "the text"),
    "heading1": ("一级标题", "level-1 headings"), "heading2": ("二级标题", "level-2 headings"),
    "heading3": ("三级标题", "level-3 headings"), "heading4": ("四级标题", "level-4 headings"),
    "closing": ("结尾", "the closing"), "page_number": ("页码", "page numbers"),
    "signature": ("落款", "the signature"),
}
# What Word shows for a missing font (see the module's note).
SUBSTITUTES = {"方正小标宋简体": ("宋体", "SimSun"), "仿宋_GB2312": ("仿宋或宋体", "FangSong or SimSun"),
               "楷体_GB2312": ("楷体或宋体", "KaiTi or SimSun"),
               "宋体": ("另一种中文字体", "another Chinese font")}
_CHINESE_FALLBACK = ("宋体等相近的字体", "SimSun or a similar font")
_LATIN_FALLBACK = ("另一种西文字体", "another Latin font")

Installed = Callable[[str], bool]


@dataclass(frozen=True)
class MissingFont:
    font: str
    roles: tuple[str, ...]          # profile roles set in it, in the profile's order
    latin: bool                     # used for digits and Latin letters only

    @property
    def substitute(self) -> tuple[str, str]:
        if self.latin:
            return _LATIN_FALLBACK
        return SUBSTITUTES.get(self.font, _CHINESE_FALLBACK)


def installed_checker(families: Iterable[str]) -> Installed:
    """``is_installed(name)`` over a set of family names, ignoring case and spaces."""
    known = {_key(name) for name in families}
    return lambda name: _key(name) in known


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def _names(font: str, profile: Profile) -> list[str]:
    alt = dict(profile.alt_names).get(font)
    return [font, alt] if alt else [font]


def missing_fonts(profile: Profile, is_installed: Installed) -> list[MissingFont]:
    """The profile's fonts that are not installed, each with the roles set in it."""
    uses: dict[str, list[str]] = {}
    latin_only: dict[str, bool] = {}
    for role in profile.roles:
        uses.setdefault(role.font, []).append(role.role)
        latin_only[role.font] = False
        if role.latin_font != role.font:
            latin_only.setdefault(role.latin_font, True)
            uses.setdefault(role.latin_font, [])
    return [MissingFont(font, tuple(roles), latin_only[font]) for font, roles in uses.items()
            if not any(is_installed(name) for name in _names(font, profile))]


def _roles_text(roles: tuple[str, ...]) -> tuple[str, str]:
    if not roles:
        return "数字和字母", "digits and Latin letters"
    shown = roles if len(roles) <= 4 else roles[:3]
    zh = "、".join(ROLE_NAMES[r][0] for r in shown) + ("等" if len(shown) < len(roles) else "")
    en = ", ".join(ROLE_NAMES[r][1] for r in shown) + (" and more" if len(shown) < len(roles)
                                                        else "")
    return zh, en


def _bundled_profiles(skip: str) -> list[Profile]:
    """The bundled profiles of the official format other than SKIP (not the podium copy)."""
    found = []
    for name in available_profiles():
        if name == skip or not is_bundled(name) or name == "podium":
            continue
        try:
            found.append(load_profile(name))
        except Exception:   # a broken profile is reported where it is chosen, not here
            continue
    return found


def _better_profile(candidates: list[Profile], item: MissingFont,
                    is_installed: Installed) -> Profile | None:
    """A profile that sets the missing font's roles in fonts that are installed."""
    for other in candidates:
        if all(any(is_installed(n) for n in _names(other.role(r).font, other))
               for r in item.roles):
            return other
    return None


def notices(profile: Profile, is_installed: Installed) -> list[str]:
    """One line for each missing font, in the UI language; [] when every font is there."""
    missing = missing_fonts(profile, is_installed)
    if not missing:
        return []
    lines = []
    candidates = _bundled_profiles(profile.name)
    for item in missing:
        roles_zh, roles_en = _roles_text(item.roles)
        shown_zh, shown_en = item.substitute
        better = None if item.latin else _better_profile(candidates, item, is_installed)
        if item.latin:
            advice = ("可安装该字体。", "Install the font.")
        elif better is not None:
            advice = (f"可安装该字体，或改用“{better.label_zh}”格式方案。",
                      f"Install the font, or use the format profile '{better.label_en}'.")
        elif item.font == "方正小标宋简体":
            advice = ("可安装该字体，或在格式方案里把标题字体改为已安装的字体（如宋体）。",
                      "Install the font, or set the title font of the format profile to one "
                      "that is installed (e.g. SimSun).")
        else:
            advice = ("可安装该字体，或在格式方案里改用已安装的字体。",
                      "Install the font, or choose an installed font in the format profile.")
        font = f" {item.font} " if item.font.isascii() else item.font
        lines.append(pick(f"未安装{font.rstrip()}：Word 将以{shown_zh}显示{roles_zh}。{advice[0]}",
                          f"{item.font} is not installed: Word will show {roles_en} in "
                          f"{shown_en}. {advice[1]}"))
    return lines


def machine_notices(profile: Profile) -> list[str]:
    """The notices for this machine's fonts, found without Qt (the command line)."""
    from .system_fonts import installed_families
    return notices(profile, installed_checker(installed_families()))


__all__ = ["DEFAULT_PROFILE", "MissingFont", "installed_checker", "machine_notices",
           "missing_fonts", "notices"]
