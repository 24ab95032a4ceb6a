"""``word/theme/theme1.xml``: a minimal Office theme.

Word treats the theme part as required (a validator flags its absence, and Word's own files
always have one).  Nothing in our styles refers to theme fonts — explicit font names win and
no ``w:*Theme`` attribute is ever written — so the theme only matters if a user picks a theme
font in Word: then the Chinese ("Hans") theme fonts are the profile's body and level-1 fonts,
never the Japanese fonts of python-docx's template.
"""

from __future__ import annotations

from .ooxml import XML_DECLARATION, escape_attr
from .profiles import Profile

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"

_COLOURS = (("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
            ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
            ("dk2", '<a:srgbClr val="44546A"/>'), ("lt2", '<a:srgbClr val="E7E6E6"/>'),
            ("accent1", '<a:srgbClr val="4472C4"/>'), ("accent2", '<a:srgbClr val="ED7D31"/>'),
            ("accent3", '<a:srgbClr val="A5A5A5"/>'), ("accent4", '<a:srgbClr val="FFC000"/>'),
            ("accent5", '<a:srgbClr val="5B9BD5"/>'), ("accent6", '<a:srgbClr val="70AD47"/>'),
            ("hlink", '<a:srgbClr val="0563C1"/>'), ("folHlink", '<a:srgbClr val="954F72"/>'))

_FILL = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_LINE = f'<a:ln w="6350">{_FILL}</a:ln>'
_EFFECT = "<a:effectStyle><a:effectLst/></a:effectStyle>"


def _fonts(tag: str, latin: str, hans: str) -> str:
    return (f'<a:{tag}><a:latin typeface="{escape_attr(latin)}"/><a:ea typeface=""/><a:cs typeface=""/>'
            f'<a:font script="Hans" typeface="{escape_attr(hans)}"/></a:{tag}>')


def theme_xml(profile: Profile) -> str:
    latin = profile.text.latin_font
    colours = "".join(f"<a:{name}>{value}</a:{name}>" for name, value in _COLOURS)
    return (
        f'{XML_DECLARATION}<a:theme xmlns:a="{_A}" name="Office"><a:themeElements>'
        f'<a:clrScheme name="Office">{colours}</a:clrScheme>'
        '<a:fontScheme name="Office">'
        f'{_fonts("majorFont", latin, profile.role("heading1").font)}'
        f'{_fonts("minorFont", latin, profile.role("body").font)}</a:fontScheme>'
        '<a:fmtScheme name="Office">'
        f"<a:fillStyleLst>{_FILL * 3}</a:fillStyleLst>"
        f"<a:lnStyleLst>{_LINE * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{_EFFECT * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{_FILL * 3}</a:bgFillStyleLst>"
        "</a:fmtScheme></a:themeElements></a:theme>")
