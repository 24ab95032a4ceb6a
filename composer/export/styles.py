"""``word/styles.xml``: one named paragraph style per role of a speech, built from a profile.

All fonts, sizes and indents live in the styles, none in the paragraphs, so that a user can
restyle the whole document in Word or WPS by changing a style.  Where Word has a built-in style
for a role (Title, heading 1, Salutation, Closing, Date, footer …) we define that one, so Chinese
Word shows its localised name (标题, 标题 1, 称呼, 结束语, 日期, 页脚) and the headings appear in
the navigation pane.  Run-in headings use a character style linked to the level's heading style.

The page rules (official-format.md §2) live here too: widow control on in Normal, so every
paragraph has it, and keep-with-next in the heading and head-line styles, so a heading a writer
adds in Word keeps it as well.  What Word does with them, next to LibreOffice, on our
exact-spaced line grid (from ECMA-376 §17.3.1.14/§17.3.1.44 and Microsoft's descriptions of the
options; Word itself was not available to measure):

* Widow control is one switch in Word with a fixed two lines: a paragraph's first line never
  stands alone at a page's foot, nor its last line at the next page's top.  LibreOffice reads the
  same switch as "2 orphans, 2 widows", so both move the same lines.  When no level of the style
  chain says anything, the standard says the control applies; Chinese Word's own Normal template
  turns it *off* (``w:val="0"``), so it is written on, explicitly.
* Keep-with-next keeps a paragraph on the page of the first lines of the next one that may
  legally start a page: under widow control that is two lines (a paragraph of two or three lines
  whole).  So a heading moves overleaf whenever fewer than three lines are left (more when
  一、 and （一） follow each other).  LibreOffice measured the same (the render tests give each
  shortened page its reason).  A chain of keep-with-next paragraphs longer than a page is broken
  by both; headings are never that long.
* Exact line spacing wins over the document grid in Word: the grid's pitch matters only for
  single or multiple spacing with snap-to-grid, so every line is 28.95 pt either way, and
  LibreOffice puts its lines on a text grid of that same pitch.  Neither stretches a page that
  ends early (no vertical justification without ``w:vAlign``), so its last grid lines stay empty
  and every other page still holds 22 lines.
* Word may still break *pages* at other places than LibreOffice, because it breaks *lines*
  differently: it hangs a ，。 at a line's end (``overflowPunct`` is on by default; LibreOffice
  7.4 hangs it too but does not paint it), and it sizes the space between Chinese and Latin or
  digits (``autoSpaceDE``/``autoSpaceDN``) its own way, so a paragraph can take a line more or
  less.  Because the rules are paragraph properties and not fixed page breaks, Word applies
  them to its own lines: no break in the document was right only for LibreOffice.  (The podium
  copy is the exception: its breaks are fixed; see podium.py.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .ooxml import NAMESPACES, XML_DECLARATION, bold_xml, fonts_xml, pt_to_twips, size_xml
from .profiles import Profile, RoleFormat

LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
NO_CONDENSING = '<w:spacing w:val="0"/>'


@dataclass(frozen=True)
class StyleInfo:
    style_id: str
    name: str
    align: str          # w:jc value
    indented: bool      # first line indented like the body
    outline_level: int | None = None
    # Kept on the page of the paragraph after it (w:keepNext), so that a heading never stands
    # at a page's foot and the head lines stay with the text they head.
    keep_next: bool = False


# Role → its paragraph style.  Style ids are ASCII (Word's rule for ids); names are what users see.
STYLES = {
    "title": StyleInfo("Title", "Title", "center", False, keep_next=True),
    "subtitle": StyleInfo("Subtitle", "Subtitle", "center", False, keep_next=True),
    "speaker": StyleInfo("Speaker", "讲话人", "center", False, keep_next=True),
    "date": StyleInfo("Date", "Date", "center", False, keep_next=True),
    "salutation": StyleInfo("Salutation", "Salutation", "left", False),
    "body": StyleInfo("BodyText", "Body Text", "both", True),
    "heading1": StyleInfo("Heading1", "heading 1", "both", True, 0, True),
    "heading2": StyleInfo("Heading2", "heading 2", "both", True, 1, True),
    "heading3": StyleInfo("Heading3", "heading 3", "both", True, 2, True),
    "heading4": StyleInfo("Heading4", "heading 4", "both", True, 3, True),
    "closing": StyleInfo("Closing", "Closing", "both", True),
    "page_number": StyleInfo("Footer", "footer", "center", False),
    # The 落款 lines: right-aligned; each paragraph sets its own right indent (layout.py).
    "signature": StyleInfo("Signature", "Signature", "right", False),
}
NORMAL = "Normal"


def heading_role(level: int) -> str:
    return f"heading{level}"


def run_in_style_id(level: int) -> str:
    """The character style of a run-in heading of this level."""
    return f"Heading{level}Char"


def first_line_xml(profile: Profile, role: RoleFormat | None) -> str:
    """The first-line indent in twips *and* characters: LibreOffice reads only the twips,
    Word prefers the characters.  None (or 0 characters) cancels an inherited indent."""
    chars = profile.text.first_line_chars if role is not None else 0
    twips = pt_to_twips(chars * role.size_pt) if role is not None else 0
    return f'<w:ind w:firstLine="{twips}" w:firstLineChars="{round(chars * 100)}"/>'


def _run_properties(role: RoleFormat, spacing: str = "") -> str:
    return (f"<w:rPr>{fonts_xml(role.font, role.latin_font)}{bold_xml(role.bold)}{spacing}"
            f"{size_xml(role.size_pt)}</w:rPr>")


def _normal_style(profile: Profile) -> str:
    body = profile.role("body")
    pitch = pt_to_twips(profile.text.line_pitch_pt)
    condense = pt_to_twips(profile.text.character_spacing_pt)
    # Widow control on, explicitly: Chinese Word's own Normal template turns it off, and a
    # reviewer faults a single line stranded at a page's top or foot (official-format.md §2).
    return (
        f'<w:style w:type="paragraph" w:default="1" w:styleId="{NORMAL}"><w:name w:val="Normal"/>'
        "<w:qFormat/>"
        '<w:pPr><w:widowControl/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/>'
        f'{first_line_xml(profile, body)}<w:jc w:val="both"/></w:pPr>'
        f'<w:rPr>{fonts_xml(body.font, body.latin_font)}<w:color w:val="000000"/>'
        f'<w:spacing w:val="{condense}"/>{size_xml(body.size_pt)}{LANG}</w:rPr></w:style>')


def _role_style(profile: Profile, role_name: str) -> str:
    info = STYLES[role_name]
    role = profile.role(role_name)
    link = ""
    if info.outline_level is not None:
        link = f'<w:link w:val="{run_in_style_id(info.outline_level + 1)}"/>'
    ppr = ["<w:keepNext/>"] if info.keep_next else []
    ppr += [first_line_xml(profile, role if info.indented else None), f'<w:jc w:val="{info.align}"/>']
    if info.outline_level is not None:
        ppr.append(f'<w:outlineLvl w:val="{info.outline_level}"/>')
    return (
        f'<w:style w:type="paragraph" w:styleId="{info.style_id}"><w:name w:val="{info.name}"/>'
        f'<w:basedOn w:val="{NORMAL}"/><w:next w:val="{STYLES["body"].style_id}"/>{link}<w:qFormat/>'
        f'<w:pPr>{"".join(ppr)}</w:pPr>{_run_properties(role)}</w:style>')


def _page_number_style(profile: Profile) -> str:
    info = STYLES["page_number"]
    role = profile.role("page_number")
    line = pt_to_twips(role.size_pt)
    # An exact line of the number's own size: the measured footer distance assumes it.  The
    # body's condensed character spacing is cancelled; the number is not on the text grid.
    return (
        f'<w:style w:type="paragraph" w:styleId="{info.style_id}"><w:name w:val="{info.name}"/>'
        f'<w:basedOn w:val="{NORMAL}"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
        f'{first_line_xml(profile, None)}<w:jc w:val="{info.align}"/></w:pPr>'
        f'{_run_properties(role, spacing=NO_CONDENSING)}'
        "</w:style>")


def _run_in_style(profile: Profile, level: int) -> str:
    role = profile.role(heading_role(level))
    return (
        f'<w:style w:type="character" w:customStyle="1" w:styleId="{run_in_style_id(level)}">'
        f'<w:name w:val="Heading {level} Char"/><w:link w:val="{STYLES[heading_role(level)].style_id}"/>'
        f"{_run_properties(role)}</w:style>")


def styles_xml(profile: Profile) -> str:
    body = profile.role("body")
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f"{fonts_xml(body.font, body.latin_font)}{size_xml(body.size_pt)}{LANG}"
        "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>")
    styles = [_normal_style(profile)]
    styles.extend(_role_style(profile, role) for role in STYLES if role != "page_number")
    styles.append(_page_number_style(profile))
    styles.extend(_run_in_style(profile, level) for level in range(1, 5))
    styles.append(
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>")
    return f'{XML_DECLARATION}<w:styles {NAMESPACES}>{defaults}{"".join(styles)}</w:styles>'
