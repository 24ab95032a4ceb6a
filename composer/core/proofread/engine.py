"""Running the rules over a speech, incrementally.

Text rules see one unit (head field, heading, paragraph) at a time; what they find depends only
on the unit (see ``units.Unit.key``), so it is cached by the unit's text.  After a keystroke
only the paragraph that changed is checked again; the rules that look across units (the tree's
structure, outline levels, series over paragraphs, quotations over paragraphs) work from cached
or cheap per-unit facts.  The cache keeps only what the last check used, so it never grows
beyond the speech.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..numbering import marker as level_marker, outline_markers
from ..speech import CLOSING, HEAD_FIELDS, OPENING, Section, Speech
from . import lists, numbers, ordinals, punctuation, structure, words
from .finding import Finding, Hit, Location, excerpt_of
from .fixes import speech_ignored
from .lexicon import Lexicon
from .registry import BY_ID, select
from .units import FIELD, HEADING, PARAGRAPH, Context, Unit

_TEXT_RULES = (structure.hits, ordinals.hits, punctuation.hits, numbers.hits, words.hits, lists.hits)


class Proofreader:
    """Checks speeches with one set of rules and word lists; keep one per open document.

    ``check(speech)`` is the one call for a whole speech; after an edit, ``recheck_paragraph``
    (or ``check`` again: it is the same work) costs what the changed paragraph costs.
    """

    def __init__(self, lexicon: Lexicon | None = None, rules: str | Iterable[str] | None = None,
                 level3_style: str = "1."):
        self.context = Context(level3_style, lexicon or Lexicon())
        self.enabled = select(rules)
        self._cache: dict[tuple, tuple[Hit, ...]] = {}
        self._used: dict[tuple, tuple[Hit, ...]] = {}
        # What the rules across paragraphs need of each paragraph, cached the same way.
        self._facts: dict[str, tuple] = {}
        self._used_facts: dict[str, tuple] = {}

    # --- the public calls -------------------------------------------------------------------

    def check(self, speech: Speech, include_ignored: bool = False) -> list[Finding]:
        """Every finding in reading order; those the writer ignored are left out unless asked."""
        self._used, self._used_facts = {}, {}
        findings = list(self._findings(speech))
        self._cache, self._facts = self._used, self._used_facts
        if not include_ignored and speech_ignored(speech):
            ignored = speech_ignored(speech)
            findings = [f for f in findings if f.key not in ignored]
        return findings

    def recheck_paragraph(self, speech: Speech, container: str, paragraph: int | None = None,
                          include_ignored: bool = False) -> list[Finding]:
        """All findings after one unit changed (``paragraph`` None: a heading or head field).

        Only that unit is checked anew; the others come from the cache.  The container and
        index are accepted so that callers say what changed; the cache finds it by itself.
        """
        return self.check(speech, include_ignored)

    def hits(self, unit: Unit) -> tuple[Hit, ...]:
        key = unit.key
        found = self._cache.get(key)
        if found is None:
            found = tuple(sorted((h for rule in _TEXT_RULES for h in rule(unit, self.context)),
                                 key=lambda h: (h.start, h.end)))   # reading order
        self._used[key] = found
        return found

    def facts(self, text: str) -> tuple:
        """(the typed outline number at the paragraph's start or None, the enumerator 一是 /
        第一 it starts with or None)."""
        found = self._facts.get(text)
        if found is None:
            first = ordinals.enumerators(text[:12])
            found = (ordinals.typed_marker(text), first[0] if first and first[0].start == 0 else None)
        self._used_facts[text] = found
        return found

    # --- the walk ---------------------------------------------------------------------------

    def _findings(self, speech: Speech) -> Iterator[Finding]:
        enabled = self.enabled
        markers = outline_markers(speech, self.context.level3_style)
        tree: dict[str, list] = {}
        for rule, loc, zh, en in structure.speech_findings(speech, markers):
            if rule in enabled and loc.container != "title":
                tree.setdefault(loc.container, []).append((rule, loc, zh, en))
        # Findings about a whole section (lone, empty) go before the section's own findings.
        if "structure.missing-title" in enabled and structure.lacks_title(speech):
            yield self._placed("structure.missing-title", Location("title"), "", 0, 0,
                               "缺少标题。", "The speech has no title.", None)
        for name in HEAD_FIELDS:
            yield from self._unit(Unit(FIELD, getattr(speech, name), field=name), name, None)
        yield from self._paragraphs(speech.opening, OPENING)
        levels_used = self._levels_used(speech) if "ordinal.skipped-level" in enabled else set()
        parents = _skipping_parents(speech) if levels_used else {}
        for section, level in speech.walk():
            for rule, loc, zh, en in tree.get(section.id, ()):
                yield self._placed(rule, loc, "", 0, 0, zh, en, None)
            yield from self._unit(Unit(HEADING, section.heading, run_in=section.run_in),
                                  section.id, None)
            yield from self._paragraphs(section.paragraphs, section.id)
            if levels_used:
                if section.id in parents:
                    yield from self._skipping_section(section, level, markers,
                                                      parents[section.id], levels_used)
                yield from self._skipped_level(section, level, markers[section.id], levels_used)
        yield from self._paragraphs(speech.closing, CLOSING)

    def _unit(self, unit: Unit, container: str, paragraph: int | None,
              keep=None) -> Iterator[Finding]:
        enabled = self.enabled
        for hit in self.hits(unit):
            if hit.rule in enabled and (keep is None or keep(hit)):
                yield self._placed(hit.rule, Location(container, paragraph, hit.start,
                                                      hit.end - hit.start),
                                   unit.text, hit.start, hit.end, hit.zh, hit.en, hit.fix)

    def _paragraphs(self, texts: list[str], container: str) -> Iterator[Finding]:
        for i, text in enumerate(texts):
            following = texts[i + 1] if i + 1 < len(texts) else ""
            keep = None
            if following.lstrip(" \u3000").startswith("“"):
                # A quotation over several paragraphs: each opens with “, only the last closes.
                keep = _not_an_open_quote(text)
            yield from self._unit(Unit(PARAGRAPH, text), container, i, keep)
        if "ordinal.mixed-series" in self.enabled:
            yield from self._series_over_paragraphs(texts, container)

    def _placed(self, rule: str, location: Location, text: str, start: int, end: int,
                zh: str, en: str, fix: str | None) -> Finding:
        excerpt, at = excerpt_of(text, start, end)
        return Finding(rule, BY_ID[rule].severity, zh, en, location, text[start:end], excerpt, at,
                       fix)

    # --- rules across units ------------------------------------------------------------------

    def _series_over_paragraphs(self, texts: list[str], container: str) -> Iterator[Finding]:
        """一是 / 二是 / 第三 at the starts of consecutive paragraphs."""
        tokens = []
        for i, text in enumerate(texts):
            first = self.facts(text)[1]
            if first is not None:
                tokens.append((i, first))
        if len(tokens) < 2:
            return
        odd = ordinals.mixed_series([tok for _, tok in tokens])
        first_family = ""
        for i, tok in tokens:
            if tok.number == 1:
                first_family = tok.family
            if tok in odd:
                text = texts[i]
                zh, en = ordinals.series_message(first_family, text[tok.start:tok.end])
                yield self._placed("ordinal.mixed-series",
                                   Location(container, i, tok.start, tok.end - tok.start),
                                   text, tok.start, tok.end, zh, en, None)

    def _levels_used(self, speech: Speech) -> set[int]:
        """Outline levels the speech uses: by its sections, and by numbers typed in paragraphs."""
        used = set()
        for section, level in speech.walk():
            used.add(level)
            for text in section.paragraphs:
                typed = self.facts(text)[0]
                if typed is not None:
                    used.add(typed.level)
        return used

    def _skipping_section(self, section: Section, level: int, markers: dict[str, str],
                          parent: Section | None, levels_used: set[int]) -> Iterator[Finding]:
        """A section that skips levels below its parent (``Section.skip``: the import kept a
        document's own hierarchy, 「一、」 straight to 「（1）」, or a speech that starts at
        「（一）」).  Not the two-level form official-format.md allows: 1. straight under 一、 in
        a speech that uses no other level."""
        parent_level = level - section.skip - 1
        if (parent_level, level) == (1, 3) and levels_used <= {1, 3}:
            return
        style = self.context.level3_style
        skipped = [level_marker(at, 1, style) for at in range(parent_level + 1, level)]
        quoted_zh = "".join(f"“{m}”" for m in skipped)
        quoted_en = ", ".join(repr(m) for m in skipped)
        count_zh = {1: "一", 2: "两", 3: "三"}[len(skipped)]
        count_en = "level" if len(skipped) == 1 else f"{len(skipped)} levels"
        number = markers[section.id]
        if parent is None:
            zh = f"最外一级标题用了“{number}”，跳过了{quoted_zh}{count_zh}级"
            en = f"The outermost headings start at {number!r}, skipping the {quoted_en} {count_en}"
        else:
            above = markers[parent.id]
            zh = f"“{number}”直接放在“{above}”之下，跳过了{quoted_zh}{count_zh}级"
            en = f"{number!r} comes straight under {above!r}, skipping the {quoted_en} {count_en}"
        heading = section.heading
        yield self._placed(
            "ordinal.skipped-level", Location(section.id, None, 0, len(heading)), heading, 0,
            len(heading), zh + "（在提纲中“升级”可以去掉跳过的层级）。",
            en + " (promote it in the outline to remove the skip).", None)

    def _skipped_level(self, section: Section, level: int, marker: str,
                       levels_used: set[int]) -> Iterator[Finding]:
        """1. directly under 一、 when （一） is used elsewhere in the speech."""
        if section.children:
            return
        for i, text in enumerate(section.paragraphs):
            typed = self.facts(text)[0]
            if typed is None or typed.level <= level + 1:
                continue
            missing = level + 1
            if missing not in levels_used:
                continue
            example = {2: "（一）", 3: "1.", 4: "（1）"}[missing]
            number = text[typed.start:typed.end]
            yield self._placed(
                "ordinal.skipped-level", Location(section.id, i, typed.start, typed.end - typed.start),
                text, typed.start, typed.end,
                f"“{marker}”之下直接用了“{number}”，跳过了“{example}”一级。",
                f"{number!r} comes straight under {marker!r}, skipping the {example!r} level.", None)
            return


def _skipping_parents(speech: Speech) -> dict[str, Section | None]:
    """Section id → parent (None: the body) of every section that skips a level."""
    found: dict[str, Section | None] = {}
    stack: list[tuple[Section | None, list[Section]]] = [(None, speech.body)]
    while stack:
        parent, children = stack.pop()
        for section in children:
            if section.skip:
                found[section.id] = parent
            if section.children:
                stack.append((section, section.children))
    return found


def _not_an_open_quote(text: str):
    def keep(hit: Hit) -> bool:
        return not (hit.rule == "punct.unpaired" and text[hit.start] == "“"
                    and "”" not in text[hit.start:])
    return keep


def check_speech(speech: Speech, lexicon: Lexicon | None = None,
                 rules: str | Iterable[str] | None = None, level3_style: str = "1.",
                 include_ignored: bool = False) -> list[Finding]:
    """Check a whole speech once (a Proofreader kept between calls makes rechecks cheap)."""
    return Proofreader(lexicon, rules, level3_style).check(speech, include_ignored)
