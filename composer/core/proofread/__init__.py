"""The offline proofreader: rules for 公文 and speeches, run incrementally on a speech.

For the window and the command line, four calls are enough::

    reader = Proofreader(lexicon, rules=None, level3_style="1.")   # one per open document
    findings = reader.check(speech)                                 # the whole speech
    findings = reader.recheck_paragraph(speech, container, index)   # after one edit
    edit = fix_edit(speech, finding)       # a core edit, not applied (or fix_all_edit)
    edit = ignore_edit(speech, [finding])  # 忽略, kept in the speech file (unignore_edit undoes)

``Lexicon`` holds the word lists; ``composer.io.proofread_lists.load_lexicon`` reads the bundled
confusion list and the office's YAML lists.  ``RULES`` lists the rules; ``select`` reads a
``--rules`` selection.  Findings the writer ignored are kept in ``speech.ignored`` and left out.
"""

from typing import TYPE_CHECKING, Any

from .finding import ERROR, HINT, SEVERITIES, WARNING, Finding, Location
from .fixes import SetIgnored, fix_all_edit, fix_edit, ignore_edit, speech_ignored, unignore_edit, unit_text
from .places import describe
from .registry import BY_ID, FAMILIES, RULES, Rule, select

if TYPE_CHECKING:
    from .engine import Proofreader, check_speech
    from .lexicon import Correction, Leader, Lexicon, Term, parse_confusions

# The rules themselves (about a hundred patterns to compile) and the word lists load when a
# check first runs, not with the window: what a finding is, the rule names and the fixes are
# above; these come from their modules on first use.
_LAZY = {"Proofreader": "engine", "check_speech": "engine",
         "Correction": "lexicon", "Leader": "lexicon", "Lexicon": "lexicon", "Term": "lexicon",
         "parse_confusions": "lexicon"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    from importlib import import_module
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

__all__ = [
    "BY_ID",
    "ERROR",
    "FAMILIES",
    "HINT",
    "RULES",
    "SEVERITIES",
    "WARNING",
    "Correction",
    "Finding",
    "Leader",
    "Lexicon",
    "Location",
    "Proofreader",
    "Rule",
    "SetIgnored",
    "Term",
    "check_speech",
    "describe",
    "fix_all_edit",
    "fix_edit",
    "ignore_edit",
    "parse_confusions",
    "select",
    "speech_ignored",
    "unignore_edit",
    "unit_text",
]
