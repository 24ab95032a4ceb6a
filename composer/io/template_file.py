"""``NAME.template.yaml``: a speech template by meeting kind, and where templates are found.

    format: 1
    kind: 动员大会                          # the meeting kind, as 新建 lists it
    description: 部署一项专门工作，号召全员行动。
    title: 在××××动员大会上的讲话           # the title pattern; ×××× is filled in by the writer
    salutation: [同志们：]                   # the usual one first; a single text is fine too
    tags: [动员大会]                         # library tags that fit this meeting (optional)
    opening:
    - |-
      今天，我们召开××××动员大会，……下面，我讲几点意见。
    sections:
    - heading: 统一思想，提高认识，充分认识××××的重要意义
      kind: [意义]                           # library snippets of these kinds are suggested
      hint: 讲清为什么要做：形势、意义、必要性。
      paragraphs: []                          # optional text of the skeleton
    closing:
    - |-
      同志们，……
    - 谢谢大家！

The id a template is asked for by (``speech-composer new --template ID``) is its file name
without ``.template.yaml``; its kind works too.  Templates load from the bundled folder
``resources/templates/``, from shared library folders, and from ``<data folder>/templates/``;
a user's or shared template with the same id as a bundled one takes its place.  Loading follows
the rules of every YAML file here (composer/io/yamlfile.py): safe loading only, duplicate keys and
alias bombs refused, errors with file, line and column, unknown keys refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ComposerError, FileFormatError
from ..core.speech import Speech
from ..core.templates import BUNDLED, SHARED, USER, Template, TemplateSection, order_key
from . import paths, shape, speech_file, yamlfile

FORMAT = 1
SUFFIX = ".template.yaml"
MAX_SECTIONS = 20

_TOP_KEYS = {"format", "kind", "description", "title", "salutation", "tags", "opening",
             "opening_kind", "sections", "closing", "closing_kind"}
_SECTION_KEYS = {"heading", "kind", "hint", "paragraphs"}


def bundled_dir() -> Path:
    return paths.resources_dir() / "templates"


def user_dir() -> Path:
    return paths.data_dir() / "templates"


def template_id(path: str | os.PathLike) -> str:
    name = Path(path).name
    return name[:-len(SUFFIX)] if name.endswith(SUFFIX) else Path(path).stem


def load_template(path: str | os.PathLike, origin: str = USER) -> Template:
    """Read a template file; FileFormatError (file, line, column) when it is not valid."""
    return template_from_document(yamlfile.load(path), origin)


def template_from_document(doc: yamlfile.Document, origin: str = USER) -> Template:
    yamlfile.check_format(doc, "讲稿模板", "template", FORMAT)
    data = doc.data
    shape.refuse_unknown(doc, (), data, _TOP_KEYS)
    kind = shape.text(doc, ("kind",), data.get("kind")).strip()
    if not kind:
        raise doc.error(("kind",), "缺少会议类型（kind）。", "the meeting kind (kind) is missing.")
    sections_data = data.get("sections")
    if sections_data is None:
        sections_data = []
    if not isinstance(sections_data, list):
        raise doc.error(("sections",), "应当是标题列表。", "must be a list of sections.")
    if len(sections_data) > MAX_SECTIONS:
        raise doc.error(("sections",), f"最多 {MAX_SECTIONS} 个标题。",
                        f"has more than {MAX_SECTIONS} sections.")
    sections = []
    for i, item in enumerate(sections_data):
        here = ("sections", i)
        if not isinstance(item, dict):
            raise doc.error(here, "应当是一个标题（含 heading、kind）。",
                            "must be a section (with heading, kind).")
        shape.refuse_unknown(doc, here, item, _SECTION_KEYS)
        heading = shape.text(doc, here + ("heading",), item.get("heading")).strip()
        if not heading:
            raise doc.error(here + ("heading",), "标题不能为空。", "the heading is empty.")
        sections.append(TemplateSection(
            heading=heading, kinds=_texts(doc, here + ("kind",), item.get("kind")),
            hint=shape.text(doc, here + ("hint",), item.get("hint")),
            paragraphs=shape.paragraphs(doc, here + ("paragraphs",), item.get("paragraphs"))))
    salutations = _texts(doc, ("salutation",), data.get("salutation"))
    template = Template(
        id=template_id(doc.path), kind=kind,
        title=shape.text(doc, ("title",), data.get("title")),
        salutations=salutations,
        description=shape.text(doc, ("description",), data.get("description")),
        opening=shape.paragraphs(doc, ("opening",), data.get("opening")),
        sections=sections,
        closing=shape.paragraphs(doc, ("closing",), data.get("closing")),
        tags=_texts(doc, ("tags",), data.get("tags")),
        path=doc.path, origin=origin)
    if "opening_kind" in data:
        template.opening_kinds = _texts(doc, ("opening_kind",), data.get("opening_kind"))
    if "closing_kind" in data:
        template.closing_kinds = _texts(doc, ("closing_kind",), data.get("closing_kind"))
    return template


def _texts(doc, keys: tuple, value) -> list[str]:
    """A list of short texts; a single text stands for a list of one."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise doc.error(keys, "应当是文字或文字列表。", "must be text or a list of text.")
    return [v.strip() for v in value if v.strip()]


# --- where templates are found -----------------------------------------------------------------

@dataclass
class TemplateError:
    path: str
    error: ComposerError

    def __str__(self) -> str:
        return str(self.error)


@dataclass
class LoadedTemplates:
    templates: list[Template] = field(default_factory=list)
    errors: list[TemplateError] = field(default_factory=list)

    def find(self, name: str) -> Template | None:
        from ..core.templates import find_template
        return find_template(self.templates, name)


def template_files(folder: str | os.PathLike) -> list[Path]:
    try:
        entries = sorted(Path(folder).iterdir())
    except OSError:
        return []
    return [p for p in entries if p.name.endswith(SUFFIX) and p.is_file()]


def load_templates(shared_folders: Iterable[str | os.PathLike] = ()) -> LoadedTemplates:
    """Every template: bundled, then shared folders, then the user's own; a later one with
    the same id replaces an earlier one.  A file that cannot be read is reported and skipped."""
    result = LoadedTemplates()
    by_id: dict[str, Template] = {}
    sources = [(bundled_dir(), BUNDLED)]
    sources += [(Path(folder), SHARED) for folder in shared_folders]
    sources.append((user_dir(), USER))
    seen: set[str] = set()
    for folder, origin in sources:
        for path in template_files(folder):
            key = os.path.normcase(os.path.abspath(path))
            if key in seen:
                continue
            seen.add(key)
            try:
                template = load_template(path, origin)
            except ComposerError as error:
                result.errors.append(TemplateError(str(path), error))
                continue
            by_id[template.id] = template
    result.templates = sorted(by_id.values(), key=order_key)
    return result


# --- writing a new speech ------------------------------------------------------------------------

def write_new_speech(speech: Speech, path: str | os.PathLike, overwrite: bool = False) -> None:
    """Save a speech made from a template.  An existing file is never replaced unless asked:
    a new skeleton over a speech would lose its text."""
    target = os.fspath(path)
    if not target.endswith(speech_file.SUFFIX):
        raise FileFormatError(f"{target}：讲稿文件名应当以 {speech_file.SUFFIX} 结尾。",
                              f"{target}: a speech file name must end in {speech_file.SUFFIX}.")
    if os.path.exists(target) and not overwrite:
        raise ComposerError(f"{target} 已经存在，没有覆盖（要覆盖请加 --force）。",
                            f"{target} already exists and was not replaced (add --force to "
                            "replace it).")
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise ComposerError(f"文件夹 {folder} 不存在。", f"The folder {folder} does not exist.")
    speech_file.save_speech(speech, target)

