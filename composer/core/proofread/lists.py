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
    for at, wrong, entry in lexicon.expressions.find(text):
        if entry.right and _inside_right_form(text, at, wrong, entry.right):
            continue
        if entry.right:
            yield Hit("list.expression", at, at + len(wrong),
                      f"规范表述为“{entry.right}”，不写“{wrong}”。" + _note(entry.note),
                      f"The office writes {entry.right!r}, not {wrong!r}.", entry.right)
    for at, word, term in lexicon.banned.find(text):
        zh = f"禁用词“{word}”。" + (f"可改为“{term.instead}”。" if term.instead else "") + _note(term.note)
        yield Hit("list.banned", at, at + len(word), zh, f"{word!r} is a banned word.", term.instead)
    for at, word, term in lexicon.cautioned.find(text):
        yield Hit("list.cautioned", at, at + len(word), f"慎用词“{word}”。" + _note(term.note),
                  f"{word!r} is a word to use with care." + (f" {term.note}" if term.note else ""))
    if lexicon.leaders:
        yield from _leader_hits(text, lexicon)


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


def _leader_hits(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    found: list[tuple[int, int, Leader]] = []
    for at, name, leader in lexicon.leaders.find(text):
        found.append((at, at + len(name), leader))
        for title, start in ((_title_before(text, at, lexicon), None),
                             (_title_after(text, at + len(name), lexicon), at + len(name))):
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
