"""The printed pages keep a speech's own hierarchy (issue 12 item 2), as the .docx does: the
（一） of a speech that starts at （一） in the heading-2 face, a 1. list straight under 一、 in the
heading-3 face — measured on our own PDF."""

from __future__ import annotations

import pytest

from export.conftest import bundled
from export.pdf_layout import read_layout
from export.test_skipped_levels import arabic_under_one, bracketed_top


@pytest.fixture(scope="module")
def printed_lines(tmp_path_factory, gui):
    from composer.pages import lay_out, write_pdf

    standard = bundled("gbt9704")
    out = {}
    for name, speech in (("bracketed", bracketed_top()), ("arabic", arabic_under_one())):
        path = tmp_path_factory.mktemp("skips") / f"{name}.pdf"
        write_pdf(lay_out(speech, standard), path)
        out[name] = [line for page in read_layout(path, standard.page.bottom_mm)
                     for line in page.lines]
    return out


def _faces(line, text):
    return {c["fontname"].split("+")[-1].split("-")[0] for c in line.chars if c["text"] in text}


def _line(lines, start):
    return next(line for line in lines if line.text.startswith(start))


def test_a_bracketed_top_level_prints_as_bracketed_headings(printed_lines):
    lines = printed_lines["bracketed"]
    for heading in ("（一）压实安全生产责任", "（三）提升应急处置能力"):
        assert _faces(_line(lines, heading), heading) == {"GBZenKai"}        # 楷体: heading 2
    assert _faces(_line(lines, "（二）强化隐患排查治理。"), "强化隐患排查治理") == {"GBZenKai"}
    assert _faces(_line(lines, "1.完善预案"), "完善预案") == {"BousungEG"}    # 仿宋: heading 3
    assert _line(lines, "2.加强演练")
    assert not any(line.text.startswith(("一、", "二、")) for line in lines)


def test_a_one_list_under_yi_prints_as_one_two(printed_lines):
    lines = printed_lines["arabic"]
    assert _faces(_line(lines, "一、统一思想"), "统一思想") == {"WenQuanYiMicroHei"}
    for item in ("1.提高认识", "2.明确任务"):
        assert _faces(_line(lines, item), item[2:]) == {"BousungEG"}
    assert _faces(_line(lines, "（一）压实责任"), "压实责任") == {"GBZenKai"}
    assert not any(line.text.startswith("（二）明确任务") for line in lines)
