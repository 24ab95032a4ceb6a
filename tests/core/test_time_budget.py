"""The time budget: each section's 字数, time, share of the target, and whether it is over."""

from composer.core.speech import Section, Speech
from composer.core.stats import count_text, speech_stats
from composer.core.time_budget import time_budget


def speech():
    # 180 字 a minute: 3 字 a second, so the numbers below are easy to check by hand.
    return Speech(title="标题不计时", salutation="同志们：", opening=["开" * 26],          # 30 字
                  body=[Section("甲", ["一" * 297], [Section("子", ["二" * 86]),          # 一、甲 300; （一）子 90
                                                     Section("丑", ["三" * 56])]),          # （二）丑 60
                        Section("乙", ["四" * 117])],                                      # 二、乙 120
                  closing=["谢" * 29 + "！"])                                               # 30 字


def test_characters_and_seconds_follow_the_one_counting_rule():
    s = speech()
    budget = time_budget(s, rate=180, target_minutes=4)
    stats = speech_stats(s, 180)
    assert [b.characters for b in budget.sections] == [r.total.total for r in stats.sections]
    assert [b.characters for b in budget.sections] == [300 + 90 + 60, 90, 60, 120]
    assert [b.seconds for b in budget.sections] == [150, 30, 20, 40]
    assert budget.seconds == stats.seconds == round((30 + 450 + 120 + 30) / 3)
    assert count_text(s.salutation + s.opening[0]).total == 30


def test_shares_and_allowances():
    budget = time_budget(speech(), rate=180, target_minutes=4)        # 240 s
    assert budget.target_seconds == 240 and budget.frame_seconds == 20
    assert [round(b.share, 3) for b in budget.sections] == [round(x / 240, 3) for x in (150, 30, 20, 40)]
    # The body gets 240 - 20 = 220 s: 110 s for each level-1 section.  甲 says 100 s itself
    # (300 字), so its two sub-sections share the 10 s left: 5 s each.
    assert [b.allowance for b in budget.sections] == [110, 5, 5, 110]
    assert [b.over for b in budget.sections] == [True, True, True, False]
    assert budget.over is False and round(budget.share, 3) == round(210 / 240, 3)


def test_rate_and_target_come_from_the_speech():
    s = speech()
    s.speaking_rate, s.target_minutes = 120, 2
    budget = time_budget(s)
    assert budget.rate == 120 and budget.target_seconds == 120 and budget.over
    assert budget.sections[0].seconds == 225


def test_without_a_target_nothing_is_over():
    budget = time_budget(speech())
    assert budget.target_seconds is None and budget.rate == 180
    assert all(b.share is None and b.allowance is None and not b.over for b in budget.sections)


def test_the_budget_is_set_by_an_edit_that_undoes():
    import pytest

    from composer.core.errors import OperationError
    from composer.core.time_budget import SetBudget
    s = speech()
    inverse = SetBudget(5, 150).apply(s)
    assert (s.target_minutes, s.speaking_rate) == (5, 150)
    assert time_budget(s).target_seconds == 300 and time_budget(s).rate == 150
    inverse.apply(s)
    assert (s.target_minutes, s.speaking_rate) == (None, None)
    for bad in (SetBudget(0, None), SetBudget(None, 20), SetBudget(True, None), SetBudget(None, 150.5)):
        with pytest.raises(OperationError):
            bad.apply(s)
    assert (s.target_minutes, s.speaking_rate) == (None, None)
