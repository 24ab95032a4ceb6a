"""Schema validity: the .docx opens in Word without a repair prompt.

openxml-audit applies the Open XML SDK's schema and semantic rules in pure Python: unknown
elements, elements out of schema order, missing required parts.  (It needs the ``openxml-audit``
package from the test extras.)
"""

from __future__ import annotations

import pytest
from openxml_audit import OpenXmlValidator

from composer.export import export_docx, make_profile
from composer.export.profiles import bundled_dir

from .conftest import bundled
from .speech_builders import build_speech


@pytest.mark.parametrize("profile", ["gbt9704", "gbt9704-28pt", "gbt9704-gb2312", "centred"])
def test_schema_valid_for_word(tmp_path, profile):
    """openxml-audit's schema and semantic checks (the Open XML SDK's rules): elements known and
    in schema order, required parts present — what decides whether Word opens without repair."""
    if profile == "centred":
        chosen = make_profile({"page_numbers": {"position": "center"}},
                              base=bundled_dir() / "gbt9704.yaml")
    else:
        chosen = bundled(profile)
    speech = build_speech(2, children=1, depth=4, paragraphs=1, run_in_level=2)
    speech.subtitle = "在动员大会上"
    path = tmp_path / "check.docx"
    export_docx(speech, path, chosen)
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [(e.error_type, e.description, e.part_uri) for e in result.errors]
