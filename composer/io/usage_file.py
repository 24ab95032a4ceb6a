"""The usage history on disk: which library snippets went into which speeches, and when.

* The writer's own record is ``<data folder>/usage.json``, always.
* When the office opts in (a setting), the uses of snippets from a shared library folder are
  also written into that folder, in ``.speech-composer-usage/<user>@<computer>.json``: one file
  per writer, so that colleagues never overwrite each other's records, and every writer's file
  is read when the library loads (so 「用于：……」 shows a colleague's speech too).

The files are JSON: the program writes them, people do not (``json.loads`` constructs nothing
but plain data).  A damaged own file is set aside as ``usage.json.damaged`` and a new record
begun, so that one bad file never stops saving; nothing is deleted.
"""

from __future__ import annotations

import datetime
import getpass
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..core.errors import ComposerError
from ..core.speech import Speech
from ..core.usage import Use, UsageIndex, record
from . import files, paths
from .processes import host_name

FORMAT = 1
FILE_NAME = "usage.json"
SHARED_FOLDER = ".speech-composer-usage"
MAX_BYTES = 16 * 1024 * 1024


def own_path() -> Path:
    return paths.data_dir() / FILE_NAME


def shared_path(folder: str | os.PathLike) -> Path:
    """This writer's usage file in a shared library folder."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (a service account): still one file
        user = "user"
    who = re.sub(r"[^\w.-]+", "_", f"{user}@{host_name() or 'computer'}")
    return Path(folder) / SHARED_FOLDER / f"{who}.json"


def read_uses(path: str | os.PathLike) -> list[Use]:
    """The uses in one file ([] when it does not exist); ComposerError when it is damaged."""
    try:
        raw = files.read_bytes(path, limit=MAX_BYTES)
    except ComposerError:
        if not os.path.exists(path):
            return []
        raise
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("speeches"), list):
            raise ValueError("no speeches")
        if not isinstance(data.get("format"), int) or data["format"] > FORMAT:
            raise ValueError("unknown format")
        uses = []
        for item in data["speeches"]:
            speech, title, date = item["speech"], item["title"], item["date"]
            snippets = item["snippets"]
            if not (isinstance(speech, str) and isinstance(title, str) and isinstance(date, str)
                    and isinstance(snippets, list)):
                raise ValueError("bad speech")
            for snippet in snippets:
                if not isinstance(snippet, str):
                    raise ValueError("bad snippet id")
                uses.append(Use(snippet, speech, title, date))
        return uses
    except (ValueError, UnicodeDecodeError, KeyError, TypeError):
        raise ComposerError(f"{path}：素材使用记录已损坏。",
                            f"{path}: the snippet usage record is damaged.") from None


def write_uses(path: str | os.PathLike, uses: Iterable[Use]) -> None:
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ComposerError(f"无法创建文件夹 {target.parent}：{error.strerror or error}",
                            f"Cannot create the folder {target.parent}: {error.strerror or error}"
                            ) from error
    # One entry per speech (its title and date once, then the snippet ids): a tenth of the
    # size of one entry per use, and as quick to read.
    by_speech: dict[tuple[str, str, str], list[str]] = {}
    for use in uses:
        by_speech.setdefault((use.speech, use.title, use.date), []).append(use.snippet)
    data = {"format": FORMAT,
            "speeches": [{"speech": speech, "title": title, "date": date, "snippets": snippets}
                         for (speech, title, date), snippets in by_speech.items()]}
    files.write_text(target, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def record_usage(speech: Speech, speech_key: str, date: str | None = None,
                 shared: Mapping[str, set[str]] | None = None) -> list[ComposerError]:
    """Record the snippets a speech holds (after a save or an export).

    ``shared`` maps a shared library folder to the ids of its snippets: when given (the office
    opted in), the uses of those snippets are recorded in that folder too.  Returns the
    problems met (a damaged file set aside, a folder that cannot be written); the own record
    is written whenever the data folder can be written at all.
    """
    date = date or datetime.date.today().isoformat()
    problems: list[ComposerError] = []
    own = own_path()
    try:
        uses = read_uses(own)
    except ComposerError as error:
        problems.append(error)
        uses = []
        _set_aside(own, problems)
    try:
        write_uses(own, record(uses, speech, speech_key, date))
    except ComposerError as error:
        problems.append(error)
    for folder, ids in (shared or {}).items():
        target = shared_path(folder)
        try:
            theirs = read_uses(target)
        except ComposerError as error:
            problems.append(error)
            continue  # another writer's view of this file may be fine: never replace it here
        mine = [u for u in record(theirs, speech, speech_key, date)
                if u.speech != speech_key or u.snippet in ids]
        try:
            write_uses(target, mine)
        except ComposerError as error:
            problems.append(error)
    return problems


def _set_aside(path: Path, problems: list[ComposerError]) -> None:
    try:
        os.replace(path, path.with_name(path.name + ".damaged"))
    except OSError as error:
        problems.append(ComposerError(f"无法移开损坏的文件 {path}：{error.strerror or error}",
                                      f"Cannot move the damaged file {path} aside: "
                                      f"{error.strerror or error}"))


def load_usage(shared_folders: Iterable[str | os.PathLike] = ()) -> tuple[UsageIndex, list[ComposerError]]:
    """Every use known: the own record, and every writer's record in the shared folders."""
    uses: list[Use] = []
    problems: list[ComposerError] = []
    sources = [own_path()]
    for folder in shared_folders:
        try:
            sources += sorted((Path(folder) / SHARED_FOLDER).glob("*.json"))
        except OSError:
            continue
    for source in sources:
        try:
            uses += read_uses(source)
        except ComposerError as error:
            problems.append(error)
    return UsageIndex(uses), problems
