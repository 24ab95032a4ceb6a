"""Library edits as data: adding snippets (存入素材库, import), editing one, deleting some.

Each edit names the pack it changes (the pack's file) and is applied to that pack *as it is on
disk at the moment of writing*, re-read under the pack's write lock (``io/pack_update``), never
to a copy this program read minutes ago.  That is how two writers of one pack — two copies of
the program, colleagues on a shared folder, an import in a script — keep each other's work:
applying an edit is a merge by snippet id.  ``apply`` returns what happened, including the edit
that takes it back (for undo), computed from what was really changed.

The merge rules, chosen so that a merge never drops anyone's text:

* **Added snippets** are inserted; one whose id is taken by a *different* snippet (another
  writer added one at the same time and gave it the same next number) gets a free id instead.
  A snippet already there with the same id and the same content is not added twice.
* **An edit** replaces the snippet when it is still as this writer last saw it.  When another
  writer changed it meanwhile, *both versions are kept*: theirs under its id, ours as a new
  snippet next to it.  When another writer deleted it meanwhile, the edited version is put back:
  an edit is newer work than the deletion, and deleting it again is one click, retyping it is not.
* **A deletion** removes the snippet only when it is still as this writer saw it; one that
  another writer changed meanwhile is kept (their changes are work the deleting writer never
  saw).  One already deleted is simply gone.

Every kept-both or not-deleted case is reported in ``Applied.notes`` for the UI to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .i18n import pick
from .library import Pack, Snippet


def snippet_content(snippet: Snippet) -> tuple:
    """Everything a snippet's file entry holds, for telling whether two are the same."""
    return (snippet.id, snippet.level, snippet.heading, tuple(snippet.paragraphs),
            tuple(child.content() for child in snippet.children), snippet.kind,
            tuple(snippet.tags), snippet.source_file, snippet.source_title, snippet.run_in)


def same_content(a: Snippet, b: Snippet) -> bool:
    return snippet_content(a) == snippet_content(b)


def clone(snippet: Snippet, snippet_id: str | None = None) -> Snippet:
    """An independent copy: an edit keeps its own snippets, untouched by later changes."""
    return Snippet(snippet.id if snippet_id is None else snippet_id, snippet.level,
                   snippet.heading, list(snippet.paragraphs),
                   [child.copy() for child in snippet.children], snippet.kind,
                   list(snippet.tags), snippet.source_file, snippet.source_title, snippet.run_in)


_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def free_id(used: set[str], wanted: str) -> str:
    """An id not in ``used``, numbered like ``wanted`` (my-0007 → my-0008 …, imp-12 → imp-13)."""
    match = _NUMBERED.match(wanted)
    prefix, width = (match.group(1), len(match.group(2))) if match else (wanted + "-", 4)
    number = max(len(used) + 1, int(match.group(2)) + 1 if match else 1)
    while f"{prefix}{number:0{width}d}" in used:
        number += 1
    return f"{prefix}{number:0{width}d}"


def _label(snippet: Snippet) -> str:
    text = snippet.heading or (snippet.paragraphs[0] if snippet.paragraphs else snippet.id)
    return text if len(text) <= 20 else text[:20] + "…"


@dataclass
class Applied:
    """What applying an edit did."""
    inverse: LibraryEdit                            # applying it takes this edit back
    ids: list[str] = field(default_factory=list)    # snippets now holding the edit's result
    notes: list[str] = field(default_factory=list)  # merges the writer should hear about


class LibraryEdit:
    """A change to one pack, applied to the pack as it is on disk when it is written."""

    pack_path: str

    def apply(self, pack: Pack) -> Applied:  # pragma: no cover - every edit defines it
        raise NotImplementedError


@dataclass
class AddSnippets(LibraryEdit):
    """Insert snippets, at the end or (for an undone deletion) where they were."""
    pack_path: str
    snippets: list[Snippet]
    positions: list[int] | None = None

    def apply(self, pack: Pack) -> Applied:
        by_id = {s.id: s for s in pack.snippets}
        added: list[Snippet] = []
        for number, snippet in enumerate(self.snippets):
            existing = by_id.get(snippet.id)
            if existing is not None and same_content(existing, snippet):
                continue  # already there: written once before, or the very same snippet
            item = clone(snippet, None if existing is None else free_id(set(by_id), snippet.id))
            position = len(pack.snippets)
            if self.positions is not None:
                position = min(max(self.positions[number], 0), len(pack.snippets))
            pack.snippets.insert(position, item)
            by_id[item.id] = item
            added.append(item)
        return Applied(RemoveSnippets(self.pack_path, [clone(s) for s in added]),
                       [s.id for s in added])


@dataclass
class RemoveSnippets(LibraryEdit):
    """Delete snippets, each as the writer saw it."""
    pack_path: str
    snippets: list[Snippet]

    def apply(self, pack: Pack) -> Applied:
        removed: list[tuple[int, Snippet]] = []
        notes = []
        for snippet in self.snippets:
            index = next((i for i, s in enumerate(pack.snippets) if s.id == snippet.id), None)
            if index is None:
                continue  # deleted by another writer already
            current = pack.snippets[index]
            if not same_content(current, snippet):
                notes.append(pick(
                    f"“{_label(current)}”没有删除：别的程序或同事刚修改过它，修改后的版本保留了。",
                    f"“{_label(current)}” was not deleted: another program or colleague has "
                    "just changed it, and the changed version is kept."))
                continue
            pack.snippets.pop(index)
            removed.append((index, current))
        # Put back in reverse order, each at the index it had when it was taken out.
        removed.reverse()
        return Applied(AddSnippets(self.pack_path, [clone(s) for _, s in removed],
                                   [i for i, _ in removed]), [], notes)


@dataclass
class EditSnippet(LibraryEdit):
    """Change a snippet's heading, text, kind or tags: ``before`` as the writer saw it."""
    pack_path: str
    before: Snippet
    after: Snippet

    def apply(self, pack: Pack) -> Applied:
        index = next((i for i, s in enumerate(pack.snippets) if s.id == self.before.id), None)
        if index is None:
            item = clone(self.after)
            pack.snippets.append(item)
            return Applied(RemoveSnippets(self.pack_path, [clone(item)]), [item.id], [pick(
                f"“{_label(item)}”已被别的程序或同事删除；你修改后的版本重新加回了素材库。",
                f"“{_label(item)}” had been deleted by another program or colleague; your "
                "edited version was added back to the library.")])
        current = pack.snippets[index]
        if same_content(current, self.before) or same_content(current, self.after):
            pack.snippets[index] = clone(self.after)
            return Applied(EditSnippet(self.pack_path, clone(self.after), clone(self.before)),
                           [self.after.id])
        item = clone(self.after, free_id({s.id for s in pack.snippets}, self.after.id))
        pack.snippets.insert(index + 1, item)
        return Applied(RemoveSnippets(self.pack_path, [clone(item)]), [item.id], [pick(
            f"“{_label(current)}”同时被别的程序或同事修改了；两个版本都保留了，你的版本在它后面。",
            f"“{_label(current)}” was changed by another program or colleague at the same "
            "time; both versions are kept, yours right after it.")])
