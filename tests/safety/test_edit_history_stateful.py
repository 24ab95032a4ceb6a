"""Random editing sessions over the operations tests/core/test_operations_stateful.py leaves out:
the editor's paragraph commits (set_paragraphs), find-and-replace, run-in headings, head fields,
paragraph edits inside sections and the closing — interleaved with structural moves.

Checked after every step: undo restores the exact earlier state (text, structure and the very
section objects), redo restores the later one, and whatever state editing reaches can be saved
and read back, and written to a recovery file and read back, without a character changing.
"""

from __future__ import annotations

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from composer.core import operations as ops
from composer.core.errors import OperationError
from composer.core.speech import CLOSING, HEAD_FIELDS, OPENING, Section, Speech
from composer.io import recovery, speech_file

# Text that is awkward for YAML and for the editor: line breaks, leading spaces, markers, quotes.
ALPHABET = list("文明创建工作，。：“”一二（）") + ["\n", " ", "#", "-", "'", '"', ":", "|", "\t"]
texts = st.text(alphabet=ALPHABET, max_size=12)


def identity(speech: Speech) -> list[tuple[str, int]]:
    """The section objects in reading order: undo must bring back these very objects."""
    return [(section.id, id(section)) for section, _ in speech.walk()]


class EditHistory(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.speech = Speech(
            title="讲话", salutation="同志们：", opening=["开头一", "开头二"], closing=["谢谢大家！"],
            body=[Section(f"标题{i}", [f"正文{i}甲", f"正文{i}乙"],
                          [Section(f"小标题{i}{j}", [f"细节{i}{j}"], skip=1 if i == 1 else 0)
                           for j in range(2)])
                  for i in range(3)])
        # Skipped levels (issue 12 item 2): the second 一、 has a 1. list straight under it,
        # and the last section skips a level at the top.
        self.speech.body[2].skip = 1
        self.initial = (self.speech.content(), identity(self.speech))
        self.history: list = []   # (inverse edit, state before, state after)

    def state(self):
        return self.speech.content(), identity(self.speech)

    def containers(self) -> list[str]:
        return [OPENING, CLOSING] + [section.id for section, _ in self.speech.walk()]

    def apply(self, operation) -> None:
        before = self.state()
        try:
            edit = operation()
        except OperationError:
            assert self.state() == before          # a refused edit changes nothing
            return
        assert self.state() == before              # building an edit changes nothing
        inverse = edit.apply(self.speech)
        self.history.append((inverse, before, self.state()))

    # --- edits -------------------------------------------------------------------------------

    @rule(data=st.data())
    def commit_paragraphs(self, data):
        """What the editor does when the writer leaves a paragraph list: replace it whole."""
        container = data.draw(st.sampled_from(self.containers()))
        old = list(self.speech.paragraphs_of(container))
        new = data.draw(st.one_of(
            st.lists(texts, max_size=4),
            st.just(old).flatmap(lambda o: st.permutations(o)).map(list),
            st.tuples(st.integers(0, len(old)), texts).map(
                lambda it: old[:it[0]] + [it[1]] + old[it[0]:]),
        ))
        self.apply(lambda: ops.set_paragraphs(self.speech, container, new))
        assert self.speech.paragraphs_of(container) == new

    @rule(data=st.data(), replacement=texts)
    def replace_all(self, data, replacement):
        paragraphs = [p for c in self.containers() for p in self.speech.paragraphs_of(c)]
        characters = sorted(set("".join(paragraphs))) or ["文"]
        find = data.draw(st.one_of(texts, st.sampled_from(characters)))
        before = self.state()
        try:
            edit = ops.replace_text(self.speech, find, replacement)
        except OperationError:
            assert not find and self.state() == before
            return
        count = edit.count
        inverse = edit.apply(self.speech)
        # Head fields and headings may hold more occurrences than the paragraphs.
        assert count >= sum(p.count(find) for p in paragraphs)
        if find not in replacement:
            assert not any(find in p for c in self.containers()
                           for p in self.speech.paragraphs_of(c))
        self.history.append((inverse, before, self.state()))

    @rule(data=st.data(), flag=st.booleans())
    def run_in(self, data, flag):
        ids = [section.id for section, _ in self.speech.walk()]
        if ids:
            target = data.draw(st.sampled_from(ids))
            self.apply(lambda: ops.set_run_in(self.speech, target, flag))

    @rule(name=st.sampled_from(HEAD_FIELDS), value=texts)
    def head_field(self, name, value):
        self.apply(lambda: ops.set_head_field(self.speech, name, value))

    @rule(data=st.data(), text=texts)
    def paragraph(self, data, text):
        container = data.draw(st.sampled_from(self.containers()))
        size = len(self.speech.paragraphs_of(container))
        index = data.draw(st.integers(0, size + 1))   # sometimes out of range: must be refused
        kind = data.draw(st.sampled_from(["set", "insert", "delete", "split", "merge"]))
        if kind == "set":
            self.apply(lambda: ops.set_paragraph(self.speech, container, index, text))
        elif kind == "insert":
            self.apply(lambda: ops.insert_paragraph(self.speech, container, index, text))
        elif kind == "delete":
            self.apply(lambda: ops.delete_paragraph(self.speech, container, index))
        elif kind == "split":
            offset = data.draw(st.integers(0, 6))
            self.apply(lambda: ops.split_paragraph(self.speech, container, index, offset))
        else:
            self.apply(lambda: ops.merge_paragraphs(self.speech, container, index))

    @precondition(lambda self: any(True for _ in self.speech.walk()))
    @rule(data=st.data(), kind=st.sampled_from(["move", "promote", "demote", "delete", "insert",
                                                "skip"]))
    def structure(self, data, kind):
        ids = [section.id for section, _ in self.speech.walk()]
        a, b = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
        where = data.draw(st.sampled_from(ops.WHERE))
        if kind == "move":
            self.apply(lambda: ops.move_section(self.speech, a, b, where))
        elif kind == "promote":
            self.apply(lambda: ops.promote(self.speech, a))
        elif kind == "demote":
            self.apply(lambda: ops.demote(self.speech, a))
        elif kind == "delete":
            self.apply(lambda: ops.delete_section(self.speech, a))
        elif kind == "skip":
            skip = data.draw(st.integers(0, 3))
            self.apply(lambda: ops.set_skip(self.speech, a, skip))
        else:
            self.apply(lambda: ops.insert_at(self.speech, Section("新", ["新段"]), b, where))

    # --- undo and redo -----------------------------------------------------------------------

    @precondition(lambda self: self.history)
    @rule()
    def undo_then_redo(self):
        inverse, before, after = self.history.pop()
        redo = inverse.apply(self.speech)
        assert self.state() == before
        again = redo.apply(self.speech)
        assert self.state() == after
        self.history.append((again, before, after))

    @precondition(lambda self: self.history)
    @rule()
    def undo(self):
        inverse, before, _ = self.history.pop()
        inverse.apply(self.speech)
        assert self.state() == before

    # --- what any reachable state must allow -----------------------------------------------

    @invariant()
    def saves_and_reads_back_exactly(self):
        text = speech_file.dump_speech(self.speech)
        back = speech_file.parse_speech(text.encode("utf-8"), "state.speech.yaml")
        assert back.content() == self.speech.content()

    def teardown(self):
        path = recovery.write_recovery(self.speech, None, "stateful")
        assert speech_file.load_speech(path).content() == self.speech.content()
        recovery.discard_recovery("stateful")
        while self.history:
            self.undo()
        assert self.state() == self.initial


TestEditHistory = EditHistory.TestCase
TestEditHistory.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
