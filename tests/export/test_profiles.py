"""Format profiles: bundled ones load, user files override any key, bad files name the key."""

from __future__ import annotations

import pytest
import yaml

from composer.core.errors import ComposerError, FileFormatError
from composer.export import available_profiles, load_profile, make_profile
from composer.export.profiles import DEFAULT_PROFILE, ROLES, bundled_dir, user_dir


def test_bundled_profiles_are_available_default_first():
    names = available_profiles()
    assert names[0] == DEFAULT_PROFILE
    assert {"gbt9704", "gbt9704-28pt", "gbt9704-gb2312"} <= set(names)
    for name in names:
        profile = load_profile(name)
        assert profile.name == name
        assert [r.role for r in profile.roles] == list(ROLES)


def test_default_profile_matches_the_standard_file():
    data = yaml.safe_load((bundled_dir() / "gbt9704.yaml").read_text(encoding="utf-8"))
    profile = load_profile()
    assert profile.text.line_pitch_pt == data["text"]["line_pitch_pt"]
    assert profile.page.top_mm == data["page"]["top_mm"]
    for role in ROLES:
        assert profile.role(role).font == data["roles"][role]["font"]
        assert profile.role(role).size_pt == data["roles"][role]["size_pt"]


def test_variants_change_only_their_keys():
    standard = load_profile("gbt9704")
    pitch28 = load_profile("gbt9704-28pt")
    assert pitch28.text.line_pitch_pt == 28
    assert pitch28.page == standard.page and pitch28.roles == standard.roles
    gb2312 = load_profile("gbt9704-gb2312")
    assert gb2312.role("body").font == "仿宋_GB2312"
    assert gb2312.role("heading2").font == "楷体_GB2312"
    assert gb2312.role("heading1").font == standard.role("heading1").font
    assert gb2312.role("body").size_pt == standard.role("body").size_pt


def test_user_file_overrides_any_key(tmp_path):
    path = tmp_path / "office.yaml"
    path.write_text("label: {zh: 本单位, en: Our office}\n"
                    "text: {line_pitch_pt: 28}\n"
                    "roles:\n  heading2: {bold: true}\n  title: {font: 宋体}\n"
                    "page_numbers: {position: center}\n"
                    "date_digits: chinese\nlevel3_style: 1、\n"
                    "page: {left_mm: 27.5}\n", encoding="utf-8")
    profile = load_profile(path)
    standard = load_profile()
    assert profile.name == "office" and profile.label_zh == "本单位"
    assert profile.text.line_pitch_pt == 28
    assert profile.role("heading2").bold is True
    assert profile.role("heading2").font == standard.role("heading2").font
    assert profile.role("title").font == "宋体"
    assert profile.page_number_position == "center"
    assert (profile.date_digits, profile.level3_style) == ("chinese", "1、")
    assert profile.page.left_mm == 27.5 and profile.page.right_mm == standard.page.right_mm


def test_user_file_without_label_does_not_borrow_the_standard_label(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("text: {line_pitch_pt: 28}\n", encoding="utf-8")
    assert load_profile(path).label_zh == "mine"


def test_profile_in_the_user_data_folder_is_found_by_name():
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "本局.yaml").write_text("base: gbt9704-28pt\nroles:\n  body: {font: 仿宋_GB2312}\n",
                                      encoding="utf-8")
    assert "本局" in available_profiles()
    profile = load_profile("本局")
    assert profile.text.line_pitch_pt == 28 and profile.role("body").font == "仿宋_GB2312"


def test_user_file_cannot_shadow_a_bundled_name():
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "gbt9704.yaml").write_text("text: {line_pitch_pt: 20}\n", encoding="utf-8")
    assert load_profile("gbt9704").text.line_pitch_pt == 28.95
    assert load_profile("gbt9704-28pt").page == load_profile("gbt9704").page
    assert available_profiles().count("gbt9704") == 1


@pytest.mark.parametrize("text,key", [
    ("roles:\n  body: {size_pt: 200}\n", "roles.body.size_pt"),
    ("roles:\n  body: {fnot: 仿宋}\n", "roles.body.fnot"),
    ("roles:\n  bdoy: {font: 仿宋}\n", "roles.bdoy"),
    ("text: {line_pitch_pt: abc}\n", "text.line_pitch_pt"),
    ("page_numbers: {position: left}\n", "page_numbers.position"),
    ("date_digits: roman\n", "date_digits"),
    ("level3_style: '1)'\n", "level3_style"),
    ("roles:\n  heading1: {bold: 'yes'}\n", "roles.heading1.bold"),
    ("roles:\n  title: {font: ''}\n", "roles.title.font"),
    ("page: {left_mm: 100, right_mm: 80}\n", "page.right_mm"),
    ("page: {footer_mm: 40}\n", "page.footer_mm"),
    ("base: nowhere\n", "base"),
    ("format: 9\n", "format"),
])
def test_invalid_profile_names_the_key(tmp_path, text, key):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_profile(path)
    message = str(caught.value)
    assert key in message and "bad.yaml" in message
    assert key in caught.value.en


def test_error_points_at_the_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("format: 1\ntext:\n  line_pitch_pt: 300\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"bad\.yaml:3:"):
        load_profile(path)


def test_unknown_name_lists_the_available_ones():
    with pytest.raises(ComposerError) as caught:
        load_profile("gbt9999")
    assert "gbt9999" in str(caught.value) and "gbt9704-28pt" in str(caught.value)


def test_base_loops_are_refused(tmp_path):
    (tmp_path / "a.yaml").write_text("base: ./b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("base: ./a.yaml\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="base"):
        load_profile(tmp_path / "a.yaml")


def test_not_a_mapping_and_unsafe_yaml_are_refused(tmp_path):
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(FileFormatError):
        load_profile(listing)
    unsafe = tmp_path / "unsafe.yaml"
    unsafe.write_text("text: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="YAML"):
        load_profile(unsafe)


def test_make_profile_checks_overrides_like_a_file():
    profile = make_profile({"roles": {"heading3": {"bold": True}}})
    assert profile.role("heading3").bold is True
    with pytest.raises(FileFormatError, match=r"roles\.heading3\.bold"):
        make_profile({"roles": {"heading3": {"bold": 1}}})
    with pytest.raises(FileFormatError, match=r"roles\.heading9"):
        make_profile({"roles": {"heading9": {"bold": True}}})
