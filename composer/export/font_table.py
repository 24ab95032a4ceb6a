"""``word/fontTable.xml``: what Word needs to substitute a font that is not installed.

Word matches a missing font by its alternative name, character set, family and PANOSE number.
Naming the GB2312 character set (``w:charset w:val="86"``, i.e. 134) keeps a missing 仿宋 from
being replaced by a Latin or Japanese face; giving 方正小标宋简体 (a commercial Founder font that
Windows never ships) 宋体's PANOSE number makes Word fall back to 宋体, as offices expect.
"""

from __future__ import annotations

from .ooxml import NAMESPACES, XML_DECLARATION, escape_attr
from .profiles import Profile

# name → (PANOSE, family, pitch), as Word records them for the fonts of Chinese Windows.
_SONG = ("02010600030101010101", "auto", "variable")
_FIXED_CJK = ("02010609060101010101", "modern", "fixed")
KNOWN_FONTS = {
    "宋体": _SONG,
    "方正小标宋简体": _SONG,
    "仿宋": _FIXED_CJK,
    "仿宋_GB2312": _FIXED_CJK,
    "楷体": _FIXED_CJK,
    "楷体_GB2312": _FIXED_CJK,
    "黑体": _FIXED_CJK,
    "Times New Roman": ("02020603050405020304", "roman", "variable"),
}

GB2312_CHARSET = "86"   # hexadecimal: 134, GB2312_CHARSET
ANSI_CHARSET = "00"


def used_fonts(profile: Profile) -> list[str]:
    """Every font the profile names, in a stable order."""
    names = [profile.text.latin_font]
    for role in profile.roles:
        names.extend((role.font, role.latin_font))
    return list(dict.fromkeys(names))


def font_table_xml(profile: Profile) -> str:
    east_asian = {role.font for role in profile.roles}
    alt_names = dict(profile.alt_names)
    entries = []
    for name in used_fonts(profile):
        panose, family, pitch = KNOWN_FONTS.get(name, (None, "auto", "variable"))
        cjk = name in east_asian or not name.isascii()
        parts = [f'<w:font w:name="{escape_attr(name)}">']
        if name in alt_names:
            parts.append(f'<w:altName w:val="{escape_attr(alt_names[name])}"/>')
        if panose:
            parts.append(f'<w:panose1 w:val="{panose}"/>')
        parts.append(f'<w:charset w:val="{GB2312_CHARSET if cjk else ANSI_CHARSET}"/>')
        parts.append(f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>')
        entries.append("".join(parts))
    return f'{XML_DECLARATION}<w:fonts {NAMESPACES}>{"".join(entries)}</w:fonts>'
