"""The fixed parts of the .docx package: settings, page-number footers, properties, relationships.

We write the whole package ourselves instead of starting from python-docx's template: that
template carries a Japanese theme font language, theme font attributes in its styles, a stale
``stylesWithEffects.xml`` and "python-docx" as author — all things official documents must not
have.  Only what Word needs is written, elements in schema order.
"""

from __future__ import annotations

from datetime import datetime, UTC

from .ooxml import NAMESPACES, XML_DECLARATION, escape_text, mm_to_twips, pt_to_twips
from .profiles import Profile
from .font_table import font_table_xml
from .styles import STYLES, styles_xml
from .theme import theme_xml

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT = "word/document.xml"

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

FOOTER_DEFAULT_ID = "rIdFooterOdd"
FOOTER_EVEN_ID = "rIdFooterEven"


def uses_even_footer(profile: Profile) -> bool:
    return profile.page_number_position == "outer"


def document_parts(profile: Profile) -> list[tuple[str, str, str, str, str]]:
    """(part name, content type, relationship type, relationship id, content) of every part the
    document refers to — one table, so content types, relationships and parts stay in step."""
    table = [
        ("word/styles.xml", f"{_WML}.styles+xml", f"{_REL}/styles", "rIdStyles",
         styles_xml(profile)),
        ("word/settings.xml", f"{_WML}.settings+xml", f"{_REL}/settings", "rIdSettings",
         settings_xml(profile)),
        ("word/fontTable.xml", f"{_WML}.fontTable+xml", f"{_REL}/fontTable", "rIdFontTable",
         font_table_xml(profile)),
        ("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml",
         f"{_REL}/theme", "rIdTheme", theme_xml(profile)),
    ]
    if uses_even_footer(profile):
        table.append(("word/footer1.xml", f"{_WML}.footer+xml", f"{_REL}/footer", FOOTER_DEFAULT_ID,
                      footer_xml(profile, "odd")))
        table.append(("word/footer2.xml", f"{_WML}.footer+xml", f"{_REL}/footer", FOOTER_EVEN_ID,
                      footer_xml(profile, "even")))
    else:
        table.append(("word/footer1.xml", f"{_WML}.footer+xml", f"{_REL}/footer", FOOTER_DEFAULT_ID,
                      footer_xml(profile, "center")))
    return table


def profile_parts(profile: Profile) -> tuple[str, list[tuple[str, str]]]:
    """The content types, and (name, content) of the parts that depend only on the profile
    (with the document's relationships)."""
    return assemble(document_parts(profile))


def assemble(table: list[tuple[str, str, str, str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """Content types, and (name, content) of the parts of a table with the document's
    relationships (see document_parts)."""
    rels = "".join(f'<Relationship Id="{rid}" Type="{rtype}" Target="{name[len("word/"):]}"/>'
                   for name, _, rtype, rid, _ in table)
    named = [(name, content) for name, _, _, _, content in table]
    named.append(("word/_rels/document.xml.rels",
                  f'{XML_DECLARATION}<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>'))
    return content_types_xml(table), named


def content_types_xml(table: list[tuple[str, str, str, str, str]]) -> str:
    overrides = [
        f'<Override PartName="/{DOCUMENT}" ContentType="{_WML}.document.main+xml"/>',
        *(f'<Override PartName="/{name}" ContentType="{ctype}"/>'
          for name, ctype, _, _, _ in table),
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    ]
    return (f'{XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'{"".join(overrides)}</Types>')


def package_rels_xml() -> str:
    return (f'{XML_DECLARATION}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="{DOCUMENT}"/>'
            '<Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>")


def settings_xml(profile: Profile) -> str:
    # evenAndOddHeaders: odd and even pages get their own footer (numbers right / left).
    # characterSpacingControl doNotCompress: full-width punctuation keeps its full em, so every
    # line holds the same number of characters.  No w:kinsoku here: it is a paragraph property,
    # and Word applies Chinese line-breaking rules by default.
    even = "<w:evenAndOddHeaders/>" if uses_even_footer(profile) else ""
    return (
        f'{XML_DECLARATION}<w:settings {NAMESPACES}>'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
        f'{even}<w:characterSpacingControl w:val="doNotCompress"/>'
        "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>"
        "<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>"
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def section_properties_xml(profile: Profile) -> str:
    page = profile.page
    refs = f'<w:footerReference w:type="default" r:id="{FOOTER_DEFAULT_ID}"/>'
    if uses_even_footer(profile):
        refs += f'<w:footerReference w:type="even" r:id="{FOOTER_EVEN_ID}"/>'
    pitch = pt_to_twips(profile.text.line_pitch_pt)
    # A line grid, never "linesAndChars": LibreOffice would put each 16 pt glyph in two cells.
    return (
        f'<w:sectPr>{refs}'
        f'<w:pgSz w:w="{mm_to_twips(page.width_mm)}" w:h="{mm_to_twips(page.height_mm)}"/>'
        f'<w:pgMar w:top="{mm_to_twips(page.top_mm)}" w:right="{mm_to_twips(page.right_mm)}" '
        f'w:bottom="{mm_to_twips(page.bottom_mm)}" w:left="{mm_to_twips(page.left_mm)}" '
        f'w:header="{mm_to_twips(page.header_mm)}" w:footer="{mm_to_twips(page.footer_mm)}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{pitch}"/></w:sectPr>')


def footer_xml(profile: Profile, side: str) -> str:
    """A footer holding "— N —" with N a PAGE field.  side: "odd", "even" or "center".

    Odd numbers sit right and even ones left, one character in from the text block, by an
    indent (not by padding with U+3000); every footer cancels the body's first-line indent.
    """
    role = profile.role("page_number")
    inset = pt_to_twips(profile.page_number_indent_chars * role.size_pt)
    if side == "odd":
        placement = f'<w:ind w:right="{inset}" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/>'
    elif side == "even":
        placement = f'<w:ind w:left="{inset}" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="left"/>'
    else:
        placement = '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>'
    return (
        f'{XML_DECLARATION}<w:ftr {NAMESPACES}><w:p>'
        f'<w:pPr><w:pStyle w:val="{STYLES["page_number"].style_id}"/>{placement}</w:pPr>'
        '<w:r><w:t xml:space="preserve">\u2014 </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> \u2014</w:t></w:r></w:p></w:ftr>')


def core_properties_xml(title: str, author: str, when: datetime | None = None) -> str:
    """Title, author (the speaker) and dates — nothing else about the user or the machine."""
    stamp = (when or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'{XML_DECLARATION}<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape_text(title)}</dc:title><dc:creator>{escape_text(author)}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>")


def app_properties_xml() -> str:
    return (f'{XML_DECLARATION}<Properties '
            'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>Speech Composer</Application></Properties>")
