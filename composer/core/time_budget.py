"""The time budget: how long each section takes to say, against the speech's target time.

Counting is ``stats.py``'s (one counting rule everywhere): a section's 字数 is its heading with
its number, its paragraphs and all its sub-sections; its time is that at the speaking rate.

A section's *share* is the part of the target time it takes.  Its *allowance* is how much of
the target it may take if the time is split evenly: what is left of the target after the
salutation, opening and closing goes to the level-1 sections in equal parts, and each section's
allowance, less the time of its own heading and paragraphs, to its sub-sections in equal parts
again.  A section over its allowance is *over*.
The split is even because nothing else is known about what the writer intends; it is what an
editor does on paper ("five minutes, three parts: about a minute and a half each").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .edits import Changes, Edit
from .errors import OperationError
from .speech import Section, Speech
from .stats import (DEFAULT_RATE, MAX_RATE, MIN_RATE, Count, count_text, seconds_for,
                    speech_stats)


@dataclass
class SectionBudget:
    section_id: str
    level: int
    marker: str
    heading: str
    characters: int            # 字数 with all sub-sections
    seconds: int               # speaking time of those characters
    share: float | None        # seconds / target seconds (None without a target)
    allowance: float | None    # seconds this section may take in an even split
    over: bool                 # takes longer than its allowance


@dataclass
class Budget:
    rate: int
    target_seconds: int | None
    seconds: int                       # the whole speech as read out
    frame_seconds: int                 # salutation, opening and closing
    sections: list[SectionBudget] = field(default_factory=list)

    @property
    def over(self) -> bool:
        return self.target_seconds is not None and self.seconds > self.target_seconds

    @property
    def share(self) -> float | None:
        return self.seconds / self.target_seconds if self.target_seconds else None

    def section(self, section_id: str) -> SectionBudget | None:
        return next((s for s in self.sections if s.section_id == section_id), None)


def time_budget(speech: Speech, rate: int | None = None, target_minutes: float | None = None,
                level3_style: str = "1.", count: Callable[[str], Count] = count_text) -> Budget:
    """The budget of a speech; rate and target default to the speech's own, then to 180 and
    no target.  ``count`` as for ``stats.speech_stats`` (a memo, in the window)."""
    rate = rate or speech.speaking_rate or DEFAULT_RATE
    target = target_minutes if target_minutes is not None else speech.target_minutes
    target_seconds = round(target * 60) if target else None
    stats = speech_stats(speech, rate, level3_style, count)
    frame = seconds_for(stats.opening.total + stats.closing.total, rate)
    rows = {row.section_id: row for row in stats.sections}
    out: list[SectionBudget] = []

    def visit(sections: list[Section], allowance: float | None) -> None:
        each = allowance / len(sections) if allowance is not None and sections else None
        for section in sections:
            row = rows[section.id]
            seconds = row.seconds
            out.append(SectionBudget(
                section.id, row.level, row.marker, row.heading, row.total.total, seconds,
                seconds / target_seconds if target_seconds else None, each,
                each is not None and seconds > each))
            own = seconds_for(row.own.total, rate)
            visit(section.children, None if each is None else max(0.0, each - own))

    body_allowance = max(0, target_seconds - frame) if target_seconds else None
    visit(speech.body, body_allowance)
    return Budget(rate, target_seconds, stats.seconds, frame, out)


MAX_TARGET_MINUTES = 600


@dataclass
class SetBudget(Edit):
    """Set the speech's target time (minutes) and speaking rate (字 a minute); None clears."""
    target_minutes: float | None
    speaking_rate: int | None

    def apply(self, speech: Speech) -> SetBudget:
        target, rate = self.target_minutes, self.speaking_rate
        if target is not None and (isinstance(target, bool) or not isinstance(target, (int, float))
                                   or not 0 < target <= MAX_TARGET_MINUTES):
            raise OperationError(f"目标时长应在 0～{MAX_TARGET_MINUTES} 分钟之间。",
                                 f"The target must be 0–{MAX_TARGET_MINUTES} minutes.")
        if rate is not None and (isinstance(rate, bool) or not isinstance(rate, int)
                                 or not MIN_RATE <= rate <= MAX_RATE):
            raise OperationError(f"语速应在 {MIN_RATE}～{MAX_RATE} 字/分钟之间。",
                                 f"The rate must be {MIN_RATE}–{MAX_RATE} characters a minute.")
        old = SetBudget(speech.target_minutes, speech.speaking_rate)
        speech.target_minutes, speech.speaking_rate = target, rate
        return old

    def changes(self) -> Changes:
        return Changes(head=True)     # shown with the head fields (讲稿信息) and in the outline
