"""The lists an office keeps: 规范表述 (wrong → right), banned and cautioned words, leaders.

Leaders are listed in the office's order of rank, each with their titles.  Two things are
checked: a leader named with a title that is another leader's (副局长王建国 when 王建国 is the
局长), and leaders listed out of rank (李副局长、王局长) in one enumeration.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from .finding import Hit
from .lexicon import Leader, Lexicon
from .units import Context, Unit

# What may stand between two names of one enumeration: separators, titles, 同志.
_LIST_GAP = 14
_SEPARATORS = "、，,和及与以及同志 \u3000"


def hits(unit: Unit, ctx: Context) -> Iterator[Hit]:
    lexicon = ctx.lexicon
    text = unit.text
    if not text:
        return
    names: list[tuple[int, int, Leader]] = []
    for kind, at, phrase, entry in lexicon.scan(text):
        if kind == "expressions":
            if entry.right and not _inside_right_form(text, at, phrase, entry.right):
                yield Hit("list.expression", at, at + len(phrase),
                          f"规范表述为“{entry.right}”，不写“{phrase}”。" + _note(entry.note),
                          f"The office writes {entry.right!r}, not {phrase!r}.", entry.right)
        elif kind == "banned":
            zh = f"禁用词“{phrase}”。" + (f"可改为“{entry.instead}”。" if entry.instead else "") \
                + _note(entry.note)
            yield Hit("list.banned", at, at + len(phrase), zh, f"{phrase!r} is a banned word.",
                      entry.instead)
        elif kind == "cautioned":
            yield Hit("list.cautioned", at, at + len(phrase), f"慎用词“{phrase}”。" + _note(entry.note),
                      f"{phrase!r} is a word to use with care." + (f" {entry.note}" if entry.note else ""))
        elif kind == "leaders":
            names.append((at, at + len(phrase), entry))
    if names:
        yield from _leader_hits(text, names, lexicon)


def _note(note: str) -> str:
    return note if not note or note.endswith(("。", "！", "？")) else note + "。"


def _inside_right_form(text: str, at: int, wrong: str, right: str) -> bool:
    """十九大 inside 党的十九大 is already right."""
    k = right.find(wrong)
    while k >= 0:
        if at - k >= 0 and text.startswith(right, at - k):
            return True
        k = right.find(wrong, k + 1)
    return False


def _title_before(text: str, at: int, lexicon: Lexicon) -> str:
    best = ""
    for title, _ in lexicon.titles.phrases():
        if len(title) > len(best) and text.endswith(title, 0, at):
            best = title
    return best


def _title_after(text: str, end: int, lexicon: Lexicon) -> str:
    best = ""
    for title, _ in lexicon.titles.phrases():
        if len(title) > len(best) and text.startswith(title, end):
            best = title
    return best


def _leader_hits(text: str, found: list[tuple[int, int, Leader]], lexicon: Lexicon) -> Iterator[Hit]:
    for at, end, leader in found:
        for title, start in ((_title_before(text, at, lexicon), None),
                             (_title_after(text, end, lexicon), end)):
            if not title or title in leader.titles:
                continue
            begin = at - len(title) if start is None else start
            right = leader.titles[0] if len(leader.titles) == 1 else None
            yield Hit("list.leader-title", begin, begin + len(title),
                      f"{leader.name}的职务是“{'、'.join(leader.titles)}”，不是“{title}”。",
                      f"{leader.name}'s title is {'、'.join(leader.titles)!r}, not {title!r}.", right)
    # Enumerations: names close together with only separators and titles between them.
    group: list[tuple[int, int, Leader]] = []
    for item in found:
        if group and _joined(text, group[-1][1], item[0], lexicon):
            group.append(item)
            continue
        yield from _order_hits(group)
        group = [item]
    yield from _order_hits(group)


def _joined(text: str, end: int, start: int, lexicon: Lexicon) -> bool:
    gap = text[end:start]
    if len(gap) > _LIST_GAP or not any(sep in gap for sep in "、，,和及与"):
        return False
    for title, _ in sorted(lexicon.titles.phrases(), key=lambda t: -len(t[0])):
        gap = gap.replace(title, "")
    return all(ch in _SEPARATORS for ch in gap)


def _order_hits(group: list[tuple[int, int, Leader]]) -> Iterator[Hit]:
    for (_, _, before), (at, end, leader) in pairwise(group):
        if leader.rank < before.rank:
            yield Hit("list.leader-order", at, end,
                      f"排名顺序：{leader.name}应列在{before.name}之前。",
                      f"In rank order {leader.name} comes before {before.name}.")
            return
