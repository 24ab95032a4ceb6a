"""Random sequences of edits: text is never lost or duplicated by structural moves, levels stay
within 1–4 (with sections that skip levels below their parent among them), and undoing every
step restores each earlier state exactly."""

from collections import Counter

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from composer.core import operations as ops
from composer.core.errors import OperationError
from composer.core.markers import parse_marker
from composer.core.numbering import outline_markers
from composer.core.speech import MAX_LEVEL, OPENING, Section, Speech


def texts(speech: Speech) -> Counter:
    bag = Counter(speech.opening + speech.closing)
    for section, _ in speech.walk():
        bag[("h", section.heading)] += 1
        bag.update(section.paragraphs)
    return bag


class OutlineMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.speech = Speech(opening=["开头"], closing=["谢谢大家！"], body=[
            Section(f"标题{i}", [f"正文{i}"], [Section(f"小标题{i}.{j}", [f"正文{i}.{j}"],
                                                      skip=1 if i == 0 else 0)
                                            for j in range(2)]) for i in range(3)])
        # A 1. list straight under the first 一、, and an outermost section that skips 一、.
        self.speech.body[2].skip = 1
        self.history = []   # (inverse edit, content before)
        self.counter = 0

    def ids(self):
        return [s.id for s, _ in self.speech.walk()]

    def record(self, operation, structural: bool):
        before = self.speech.content()
        bag = texts(self.speech)
        try:
            edit = operation()
        except OperationError:
            assert self.speech.content() == before  # a refused edit changes nothing
            return
        assert self.speech.content() == before  # building an edit changes nothing
        inverse = edit.apply(self.speech)  # a built edit always applies
        if structural:
            assert texts(self.speech) == bag
        self.history.append((inverse, before))

    @rule(data=st.data(), where=st.sampled_from(ops.WHERE))
    def move(self, data, where):
        ids = self.ids()
        if not ids:
            return
        a = data.draw(st.sampled_from(ids))
        b = data.draw(st.sampled_from(ids))
        self.record(lambda: ops.move_section(self.speech, a, b, where), True)

    @rule(data=st.data(), skip=st.integers(0, 3))
    def set_skip(self, data, skip):
        ids = self.ids()
        if ids:
            target = data.draw(st.sampled_from(ids))
            self.record(lambda: ops.set_skip(self.speech, target, skip), True)

    @rule(data=st.data(), kind=st.sampled_from(["promote", "demote", "up", "down"]))
    def shift(self, data, kind):
        ids = self.ids()
        if not ids:
            return
        target = data.draw(st.sampled_from(ids))
        function = {"promote": ops.promote, "demote": ops.demote,
                    "up": ops.move_up, "down": ops.move_down}[kind]
        self.record(lambda: function(self.speech, target), True)

    @rule(data=st.data(), where=st.sampled_from(ops.WHERE))
    def insert(self, data, where):
        self.counter += 1
        ids = self.ids()
        target = data.draw(st.sampled_from(ids)) if ids else None
        if target is None:
            where = "into"
        new = Section(f"新{self.counter}", [f"新正文{self.counter}"])
        self.record(lambda: ops.insert_at(self.speech, new, target, where), False)

    @precondition(lambda self: self.ids())
    @rule(data=st.data())
    def delete(self, data):
        target = data.draw(st.sampled_from(self.ids()))
        self.record(lambda: ops.delete_section(self.speech, target), False)

    @rule(offset=st.integers(0, 3))
    def split_and_merge(self, offset):
        self.record(lambda: ops.split_paragraph(self.speech, OPENING, 0, offset), False)
        if len(self.speech.opening) > 1:
            self.record(lambda: ops.merge_paragraphs(self.speech, OPENING, 0), False)

    @rule(text=st.text(alphabet="文明创建", max_size=3))
    def edit_text(self, text):
        ids = self.ids()
        if ids:
            self.record(lambda: ops.set_heading(self.speech, ids[0], text), False)

    @invariant()
    def levels_within_bounds(self):
        assert all(1 <= level <= MAX_LEVEL for _, level in self.speech.walk())
        ids = self.ids()
        assert len(ids) == len(set(ids))

    @invariant()
    def levels_follow_the_skips_and_numbers_the_levels(self):
        levels = {s.id: level for s, level in self.speech.walk()}
        markers = outline_markers(self.speech)
        for section, level in self.speech.walk():
            assert section.skip >= 0
            for child in section.children:
                assert levels[child.id] == level + 1 + child.skip
            assert level - 1 - section.skip + section.height() <= MAX_LEVEL
            # Each number is in its level's style (一、 （一） 1. （1）), as the importer reads it.
            assert parse_marker(markers[section.id] + "标题").level == level

    def teardown(self):
        for inverse, before in reversed(self.history):
            inverse.apply(self.speech)
            assert self.speech.content() == before


TestOutline = OutlineMachine.TestCase
TestOutline.settings = settings(max_examples=150, stateful_step_count=30, deadline=None)
