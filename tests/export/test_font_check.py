"""The font doctor: which of a profile's fonts are installed, and what the writer is told."""

from __future__ import annotations

import shutil

import pytest

from composer.export import font_check, system_fonts
from composer.export.font_check import installed_checker, missing_fonts, notices

from .conftest import bundled

WINDOWS_NAMES = ["FangSong", "KaiTi", "SimHei", "SimSun", "Times New Roman"]


def test_the_name_tables_of_this_machines_font_files_agree_with_fontconfig():
    """Real font files (the Debian fonts installed here, a .ttc collection among them): reading
    their name tables finds every family fontconfig lists, localised names included."""
    if not shutil.which("fc-list"):
        pytest.skip("fontconfig is not installed")
    from_files = system_fonts.families_in_folders(system_fonts.font_folders())
    assert from_files == system_fonts.fontconfig_families()
    assert {"WenQuanYi Micro Hei", "文泉驿微米黑", "AR PL SungtiL GB"} <= from_files


def test_a_collection_file_gives_every_face_and_language(tmp_path):
    collection = next(p for folder in system_fonts.font_folders() if folder.is_dir()
                      for p in folder.rglob("*.ttc"))
    names = system_fonts.font_file_families(collection)
    assert len(names) >= 2 and any(not n.isascii() for n in names)
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font at all")
    with pytest.raises(ValueError):
        system_fonts.font_file_families(junk)
    cut = tmp_path / "cut.ttc"
    cut.write_bytes(collection.read_bytes()[:40])
    with pytest.raises(ValueError):
        system_fonts.font_file_families(cut)
    # A folder with junk in it is read past, not refused.
    assert system_fonts.families_in_folders([tmp_path]) == set()


def test_every_font_installed_gives_no_notice():
    profile = bundled("gbt9704")
    names = [r.font for r in profile.roles] + [r.latin_font for r in profile.roles]
    assert notices(profile, installed_checker(names)) == []


def test_a_font_known_by_its_english_name_counts_as_installed():
    profile = bundled("gbt9704")
    missing = missing_fonts(profile, installed_checker(WINDOWS_NAMES))
    assert [m.font for m in missing] == ["方正小标宋简体"]
    assert missing[0].roles == ("title",)
    assert notices(profile, installed_checker(WINDOWS_NAMES)) == [
        "未安装方正小标宋简体：Word 将以宋体显示标题。可安装该字体，或在格式方案里把标题字体改为"
        "已安装的字体（如宋体）。"]


def test_missing_gb2312_fonts_point_to_the_profile_with_the_plain_names():
    profile = bundled("gbt9704-gb2312")
    lines = notices(profile, installed_checker(WINDOWS_NAMES + ["方正小标宋简体"]))
    assert len(lines) == 2
    assert lines[0].startswith("未安装楷体_GB2312：Word 将以楷体或宋体显示副标题、讲话人、日期、二级标题。")
    assert all("改用“GB/T 9704 标准（行距 28.95 磅）”格式方案" in line for line in lines)
    assert lines[1].startswith("未安装仿宋_GB2312：")


def test_a_missing_latin_font_is_told_as_digits_and_letters():
    profile = bundled("gbt9704")
    chinese = [r.font for r in profile.roles]
    assert notices(profile, installed_checker(chinese)) == [
        "未安装 Times New Roman：Word 将以另一种西文字体显示数字和字母。可安装该字体。"]


def test_english_notices(monkeypatch):
    from composer.core import i18n
    monkeypatch.setattr(i18n, "_language", "en")
    line = notices(bundled("gbt9704"), installed_checker(WINDOWS_NAMES))[0]
    assert line.startswith("方正小标宋简体 is not installed: Word will show the title in SimSun.")


def test_this_machine_lacks_the_official_fonts():
    lines = font_check.machine_notices(bundled("gbt9704"))
    assert lines and lines[0].startswith("未安装方正小标宋简体：")
    assert {line.split("：")[0] for line in lines} >= {"未安装仿宋", "未安装楷体", "未安装黑体"}
