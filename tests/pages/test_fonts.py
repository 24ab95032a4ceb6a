"""Which installed font prints each role (composer/pages/fonts.py).

This machine has none of the fonts a Chinese Windows office has; it has AR PL SungtiL GB (Song),
AR PL KaitiM GB (Kai), WenQuanYi Micro Hei (Hei) and Liberation Serif (Times metrics), as
packaging/dev.sh installs them.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase

from composer.export import make_profile
from composer.export.profiles import bundled_dir
from composer.pages import fonts

from export.conftest import bundled

INSTALLED = ("AR PL SungtiL GB", "AR PL KaitiM GB", "WenQuanYi Micro Hei", "Liberation Serif")


@pytest.fixture(autouse=True)
def test_fonts_installed(gui):
    missing = [f for f in INSTALLED if not QFontDatabase.hasFamily(f)]
    assert not missing, f"packaging/dev.sh installs these fonts for the tests: {missing}"


@pytest.mark.parametrize("name, family", [
    ("仿宋", "AR PL SungtiL GB"),            # no FangSong here: a Song stands in
    ("仿宋_GB2312", "AR PL SungtiL GB"),
    ("楷体", "AR PL KaitiM GB"),
    ("楷体_GB2312", "AR PL KaitiM GB"),
    ("黑体", "WenQuanYi Micro Hei"),
    ("方正小标宋简体", "AR PL SungtiL GB"),
    ("宋体", "AR PL SungtiL GB"),
])
def test_a_missing_chinese_font_takes_an_installed_one_of_its_kind(name, family):
    found = fonts.resolve(bundled("gbt9704"), name)
    assert (found.requested, found.family, found.substituted) == (name, family, True)


def test_an_installed_font_is_used_as_named():
    found = fonts.resolve(bundled("gbt9704"), "AR PL KaitiM GB")
    assert (found.family, found.substituted) == ("AR PL KaitiM GB", False)


def test_the_profiles_alt_name_counts_as_the_font():
    profile = make_profile({"alt_names": {"某单位公文体": "WenQuanYi Micro Hei"},
                            "roles": {"body": {"font": "某单位公文体"}}},
                           base=bundled_dir() / "gbt9704.yaml", name="office")
    found = fonts.resolve(profile, "某单位公文体")
    assert (found.family, found.substituted) == ("WenQuanYi Micro Hei", False)


def test_times_new_roman_takes_a_font_with_its_metrics():
    found = fonts.resolve(bundled("gbt9704"), "Times New Roman", latin=True)
    assert (found.family, found.substituted) == ("Liberation Serif", True)


def test_role_fonts_carry_size_weight_and_spacing(gui):
    from composer.pages.typeset import Typesetter

    profile = make_profile({"roles": {"heading2": {"bold": True}}},
                           base=bundled_dir() / "gbt9704.yaml", name="bold")
    setter = Typesetter(profile)
    heading = setter.fonts("heading2")
    assert heading.east_asian.family() == "AR PL KaitiM GB" and heading.east_asian.bold()
    assert heading.latin.family() == "Liberation Serif" and heading.latin.bold()
    assert heading.east_asian.pointSizeF() == 16
    assert setter.fonts("title").east_asian.pointSizeF() == 22
    # Condensed like the body, except the page number.
    assert setter.fonts("body").east_asian.letterSpacing() < 0
    assert setter.fonts("page_number").east_asian.letterSpacing() == 0


@pytest.mark.parametrize("text, latin", [("同志们", ""), ("2024年GDP", "2024GDP"), ("“好”……", ""),
                                         ("A·B×C", "ABC"), ("第3.5%", "3.5%")])
def test_latin_letters_and_digits_take_the_latin_font(text, latin):
    runs = fonts.script_runs(text)
    assert "".join(text[s:s + n] for s, n, kind in runs if kind == fonts.LATIN) == latin
    assert sum(n for _, n, _ in runs) == len(text)
