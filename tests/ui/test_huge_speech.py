"""A speech of 100,000 sections in the window: the outline numbers every row (numerals used to
stop at 99,999, and the outline model's data() printed a traceback for each row past it)."""

from __future__ import annotations

from composer.core.speech import Section, Speech
from composer.ui.document import Document
from composer.ui.outline_model import OutlineModel


def test_the_outline_numbers_the_hundred_thousandth_section(qapp):
    speech = Speech(title="很长的讲话", body=[Section(f"第{i}部分") for i in range(1, 100_002)])
    model = OutlineModel(Document(speech))
    first = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("一、"))
    rows = [model.index(first + n, 0).data() for n in (0, 99_998, 99_999, 100_000)]
    assert rows == ["一、第1部分", "九万九千九百九十九、第99999部分", "十万、第100000部分",
                    "十万零一、第100001部分"]
