"""The 落款 (an optional signature block at the end), laid out per GB/T 9704 §7.3.5."""

from __future__ import annotations

import pytest

from composer.core.speech import Section, Speech
from composer.export import build_docx, layout, make_profile
from composer.export.layout import signature_indents, speech_blocks

from .conftest import bundled
from .docx_xml import NS, parse, q, read_parts


def _speech(**fields) -> Speech:
    return Speech(title="在动员大会上的讲话", date="2024年3月15日", salutation="同志们：",
                  body=[Section("统一思想", ["意义重大。"])], closing=["谢谢大家！"], **fields)


def test_no_signature_without_a_unit():
    roles = [b.role for b in speech_blocks(_speech(signature_date="2024年3月16日"),
                                           bundled("gbt9704"))]
    assert layout.SIGNATURE not in roles and layout.SIGNATURE_DATE not in roles


def test_the_signature_follows_the_closing_after_a_blank_line():
    blocks = speech_blocks(_speech(signature="某某市统计局"), bundled("gbt9704"))
    assert [(b.role, b.text) for b in blocks[-4:]] == [
        (layout.CLOSING_PARAGRAPH, "谢谢大家！"), (layout.BLANK, ""),
        (layout.SIGNATURE, "某某市统计局"),
        (layout.SIGNATURE_DATE, "2024年3月15日")]     # the speech's date when none is given
    # Kept together, with the last paragraph: the 落款 never stands alone on a page.
    assert [b.keep_with_next for b in blocks[-4:]] == [True, True, True, False]


def test_the_signature_date_is_written_out_as_the_profile_says():
    chinese = make_profile({"date_digits": "chinese"}, base="gbt9704")
    blocks = speech_blocks(_speech(signature="某某市统计局", signature_date="2024-3-16"), chinese)
    assert blocks[-1].text == "二〇二四年三月十六日"
    placeholder = speech_blocks(_speech(signature="某某局", signature_date="20xx年x月x日"),
                                bundled("gbt9704"))
    assert placeholder[-1].text == "20xx年x月x日"


def test_unsealed_unit_two_characters_in_and_the_date_two_characters_right_of_it():
    profile = bundled("gbt9704")
    # 6-character unit, 10-character date (2024年3月15日: digits are half width).
    org, date = signature_indents(profile, "某某市统计局", "2024年3月15日")
    size = profile.role("signature").size_pt
    from composer.export.line_grid import text_pt
    org_width = text_pt("某某市统计局", size, -0.25) / size
    date_width = text_pt("2024年3月15日", size, -0.25) / size
    # Right indents in characters: the unit's first character and the date's, from the right.
    org_start, date_start = org + org_width, date + date_width
    assert min(org, date) == pytest.approx(2.0)
    assert org_start - date_start == pytest.approx(2.0)
    # A long unit: 右空二字, the date right of its start by two characters.
    org, date = signature_indents(profile, "某某省某某市人民政府办公室", "2024年3月15日")
    assert org == pytest.approx(2.0) and date > 2.0


def test_sealed_date_four_characters_in_and_the_unit_centred_over_it():
    profile = make_profile({"signature": {"style": "sealed"}}, base="gbt9704")
    org, date = signature_indents(profile, "某某局", "2024年3月15日")
    assert date == pytest.approx(4.0)
    from composer.export.line_grid import text_pt
    org_width, date_width = text_pt("某某局", 16, -0.25) / 16, text_pt("2024年3月15日", 16, -0.25) / 16
    assert org + org_width / 2 == pytest.approx(date + date_width / 2)


def test_the_signature_paragraphs_in_the_document():
    parts = read_parts(build_docx(_speech(signature="某某市统计局"), bundled("gbt9704")))
    body = parse(parts, "word/document.xml").find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    org, date = paragraphs[-2], paragraphs[-1]
    assert org.find("w:pPr/w:pStyle", NS).get(q("val")) == "Signature"
    assert org.find("w:pPr/w:keepNext", NS) is not None
    # The date (2024年3月15日, 8 characters wide) is longer than the unit less two characters:
    # the date 右空二字, the unit further in.
    indent = date.find("w:pPr/w:ind", NS)
    assert indent.get(q("right")) == "640" and indent.get(q("rightChars")) == "200"
    assert indent.get(q("firstLine")) == "0"
    assert int(org.find("w:pPr/w:ind", NS).get(q("right"))) > 640
    assert "".join(t.text for t in date.iter(q("t"))) == "2024年3月15日"
    styles = parse(parts, "word/styles.xml")
    signature = next(s for s in styles.findall("w:style", NS) if s.get(q("styleId")) == "Signature")
    assert signature.find("w:pPr/w:jc", NS).get(q("val")) == "right"
    closing = paragraphs[-4]
    assert closing.find("w:pPr/w:keepNext", NS) is not None
