"""Format profiles: every number and name the .docx writer uses, loaded from YAML.

A profile file may hold only some keys: it overrides the profile named by its ``base:`` key
(the GB/T 9704 standard profile when there is none).  The standard profile itself is complete.
Every key is checked; an unknown key, a wrong type or an out-of-range value is refused with a
message naming the key (and the file, line and column when it came from a file), so that a typo
never silently falls back to a default.

Bundled profiles live in ``resources/profiles/``; the user's own in ``<data folder>/profiles/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Callable

from ..core.errors import ComposerError, FileFormatError
from ..core.numbering import LEVEL3_STYLES
from ..io import files, paths, yamlfile

FORMAT = 1
DEFAULT_PROFILE = "gbt9704"
SUFFIX = ".yaml"

# The paragraph roles of a speech, each with its own named style in the document.
ROLES = ("title", "subtitle", "speaker", "date", "salutation", "body",
         "heading1", "heading2", "heading3", "heading4", "closing", "page_number", "signature")

DATE_DIGITS = ("arabic", "chinese")
PAGE_NUMBER_POSITIONS = ("outer", "center")
# 落款 (GB/T 9704 §7.3.5): "unsealed" (不加盖印章: the 单位 line 右空二字, the date two characters
# further right) or "sealed" (加盖印章: the date 右空四字, the 单位 centred over it).
SIGNATURE_STYLES = ("unsealed", "sealed")

# Word keeps font names in a 32-character LOGFONT field (31 characters plus the terminator).
MAX_FONT_NAME = 31


# --- the loaded profile --------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    header_mm: float
    footer_mm: float


@dataclass(frozen=True)
class Text:
    line_pitch_pt: float
    character_spacing_pt: float
    first_line_chars: float
    latin_font: str


@dataclass(frozen=True)
class RoleFormat:
    role: str
    font: str          # the East Asian font (w:eastAsia)
    latin_font: str    # digits and Latin letters (w:ascii, w:hAnsi, w:cs)
    size_pt: float
    bold: bool


@dataclass(frozen=True)
class PageTime:
    """The speaking time reached so far, printed at each page's foot (the podium copy).

    When ``show`` is on, the writer decides the page breaks itself from the line grid (Word
    fields cannot compute a time), filling each page to at most ``lines per page − spare_lines``
    so that a renderer that breaks a line later than estimated still keeps every page's text on
    its page; times are rounded to ``round_seconds``.
    """
    show: bool = False
    round_seconds: int = 10
    spare_lines: int = 1


@dataclass(frozen=True)
class Profile:
    """A complete, checked profile.  Immutable and hashable, so built parts can be cached."""
    name: str
    label_zh: str
    label_en: str
    page: Page
    text: Text
    roles: tuple[RoleFormat, ...]
    date_digits: str
    level3_style: str
    page_number_position: str
    page_number_indent_chars: float
    alt_names: tuple[tuple[str, str], ...]   # font name → name Word may know it by
    signature_style: str = "unsealed"        # one of SIGNATURE_STYLES
    page_time: PageTime = PageTime()

    def role(self, name: str) -> RoleFormat:
        for role in self.roles:
            if role.role == name:
                return role
        raise KeyError(name)

    @property
    def label(self) -> str:
        from ..core.i18n import pick
        return pick(self.label_zh, self.label_en)


# --- the schema ----------------------------------------------------------------------------
# A checker returns None when the value is fine, else (zh, en) saying what it should be.

Checker = Callable[[Any], "tuple[str, str] | None"]


def _number(low: float, high: float) -> Checker:
    def check(value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            return (f"应当是 {low:g} 到 {high:g} 之间的数。", f"must be a number from {low:g} to {high:g}.")
        return None
    return check


def _bool(value):
    if not isinstance(value, bool):
        return ("应当是 true 或 false。", "must be true or false.")
    return None


def _choice(*choices: str) -> Checker:
    listed = "、".join(choices)
    listed_en = ", ".join(choices)

    def check(value):
        if value not in choices:
            return (f"应当是以下之一：{listed}。", f"must be one of: {listed_en}.")
        return None
    return check


def _text(value):
    if not isinstance(value, str) or not value.strip():
        return ("应当是一段文字。", "must be text.")
    return None


def _font(value):
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        return ("应当是字体名称（不能为空，前后不能有空格）。",
                "must be a font name (not empty, no leading or trailing spaces).")
    if len(value) > MAX_FONT_NAME or any(ord(c) < 32 for c in value):
        return (f"不是有效的字体名称（最多 {MAX_FONT_NAME} 个字符）。",
                f"is not a valid font name (at most {MAX_FONT_NAME} characters).")
    return None


def _format_version(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= FORMAT:
        return (f"应当是本程序支持的格式版本 {FORMAT}。",
                f"must be a format version this program supports ({FORMAT}).")
    return None


_ROLE = {"font": _font, "latin_font": _font, "size_pt": _number(5, 72), "bold": _bool}

SCHEMA: dict = {
    "format": _format_version,
    "base": _text,
    "label": {"zh": _text, "en": _text},
    "page": {
        "width_mm": _number(100, 1000), "height_mm": _number(100, 1000),
        "top_mm": _number(0, 200), "bottom_mm": _number(0, 200),
        "left_mm": _number(0, 200), "right_mm": _number(0, 200),
        "header_mm": _number(0, 200), "footer_mm": _number(0, 200),
    },
    "text": {
        "line_pitch_pt": _number(6, 100),
        "character_spacing_pt": _number(-5, 5),
        "first_line_chars": _number(0, 10),
        "latin_font": _font,
    },
    "roles": {role: _ROLE for role in ROLES},
    "date_digits": _choice(*DATE_DIGITS),
    "level3_style": _choice(*LEVEL3_STYLES),
    "page_numbers": {"position": _choice(*PAGE_NUMBER_POSITIONS), "indent_chars": _number(0, 10)},
    "alt_names": _font,   # a free mapping: every value is a font name
    "signature": {"style": _choice(*SIGNATURE_STYLES)},
    "page_time": {"show": _bool, "round_seconds": _number(1, 60), "spare_lines": _number(0, 5)},
}

# Keys a complete profile may leave out.
OPTIONAL = {("base",), ("label",), ("format",), ("alt_names",)} | {
    ("roles", role, "latin_font") for role in ROLES}

# Keys whose children are free names rather than fixed keys.
_FREE_MAPPINGS = {("alt_names",)}


# --- errors ----------------------------------------------------------------------------------

class _Source:
    """Where profile data came from: makes errors name the file, line and key."""

    def __init__(self, doc: yamlfile.Document | None, name: str):
        self.doc = doc
        self.name = name

    def error(self, keys: tuple, zh: str, en: str, at_key: bool = False) -> ComposerError:
        if self.doc is not None:
            return self.doc.error(keys, zh, en, at_key=at_key)
        dotted = ".".join(str(k) for k in keys)
        return FileFormatError(f"格式方案 {self.name}：{dotted} {zh}",
                               f"Format profile {self.name}: {dotted} {en}")


def _check(source: _Source, data: Any, schema: Any, keys: tuple = ()) -> None:
    """Refuse unknown keys, wrong types and values out of range, naming the key."""
    if keys in _FREE_MAPPINGS:
        if not isinstance(data, dict):
            raise source.error(keys, "应当是“名称: 名称”的列表。", "must be a mapping of names.")
        for key, value in data.items():
            problem = _font(key) or schema(value)
            if problem:
                raise source.error(keys + (key,), *problem)
        return
    if isinstance(schema, dict):
        if not isinstance(data, dict):
            raise source.error(keys, "应当是一组“键: 值”。", "must be a mapping of keys to values.")
        for key, value in data.items():
            if key not in schema:
                raise source.error(keys + (key,), "是不认识的项目（拼写错误？）。",
                                   "is not a known key (a typo?).", at_key=True)
            _check(source, value, schema[key], keys + (key,))
        return
    problem = schema(data)
    if problem:
        raise source.error(keys, *problem)


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _inherit(base: dict, override: dict) -> dict:
    """A profile built on a base takes every setting from it except the base's label (a
    label like "GB/T 9704 standard" would misdescribe the changed profile)."""
    merged = _merge(base, override)
    if "label" not in override:
        merged.pop("label", None)
    return merged


def _missing(data: dict, schema: dict, keys: tuple = ()) -> tuple | None:
    """The first required key that a merged profile lacks."""
    for key, sub in schema.items():
        here = keys + (key,)
        if here in OPTIONAL:
            continue
        if key not in data:
            return here
        if isinstance(sub, dict):
            found = _missing(data[key], sub, here)
            if found:
                return found
    return None


# --- loading ---------------------------------------------------------------------------------

def bundled_dir() -> Path:
    return paths.resources_dir() / "profiles"


def user_dir() -> Path:
    return paths.data_dir() / "profiles"


def available_profiles() -> list[str]:
    """Names that ``load_profile`` accepts: the default first, then the others sorted.

    Bundled names always mean the bundled profiles (a user file of the same name is not used),
    so that a ``base: gbt9704`` means the same thing on every machine.
    """
    names: set[str] = set()
    for folder in (bundled_dir(), user_dir()):
        try:
            names.update(p.name[:-len(SUFFIX)] for p in folder.glob("*" + SUFFIX))
        except OSError:
            pass    # a missing or unreadable folder offers no profiles; it is not an error
    return sorted(names, key=lambda n: (n != DEFAULT_PROFILE, n))


def _path_for_name(name: str) -> Path | None:
    for folder in (bundled_dir(), user_dir()):
        candidate = folder / (name + SUFFIX)
        try:
            if candidate.is_file():
                return candidate
        except OSError:
            continue
    return None


def _looks_like_path(text: str) -> bool:
    return (os.sep in text or "/" in text or text.endswith((".yaml", ".yml"))
            or os.path.isfile(text))


def load_profile(name_or_path: str | os.PathLike | None = None) -> Profile:
    """A bundled or user profile by name, or a profile file by path; None gives the default.

    Raises ComposerError (FileFormatError for a bad file) naming the file and the key.
    """
    if name_or_path is None:
        name_or_path = DEFAULT_PROFILE
    text = os.fspath(name_or_path)
    if _looks_like_path(text):
        path = Path(text)
        name = path.name[:-len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    else:
        found = _path_for_name(text)
        if found is None:
            names = "、".join(available_profiles())
            raise ComposerError(f"没有名为“{text}”的格式方案。可用的有：{names}",
                                f"No format profile named '{text}'. Available: "
                                + ", ".join(available_profiles()))
        path, name = found, text
    data, source = _load_merged(path, seen=())
    return _build(data, name, source)


def make_profile(overrides: dict, base: str | os.PathLike | None = None,
                 name: str = "custom") -> Profile:
    """A profile from in-memory overrides (e.g. the settings dialog) on top of a base profile."""
    source = _Source(None, name)
    _check(source, overrides, SCHEMA)
    base_name = overrides.get("base", base)
    if base_name is None:
        base_name = DEFAULT_PROFILE
    base_path = Path(os.fspath(base_name)) if _looks_like_path(os.fspath(base_name)) \
        else _path_for_name(os.fspath(base_name))
    if base_path is None:
        raise source.error(("base",), "指向的格式方案不存在。", "names a profile that does not exist.")
    base_data, _ = _load_merged(base_path, seen=())
    return _build(_inherit(base_data, overrides), name, source)


def _load_merged(path: Path, seen: tuple) -> tuple[dict, _Source]:
    """A profile file's data merged over its base chain, each file checked on its own."""
    doc = yamlfile.load(path)
    source = _Source(doc, str(path))
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "不是格式方案文件（顶层应当是键值对）。",
                        "not a format profile (the top level must be a mapping).")
    _check(source, data, SCHEMA)
    resolved = path.resolve()
    if resolved in seen:
        raise doc.error(("base",), "形成了循环引用。", "makes a loop of base profiles.")
    base = data.get("base")
    if base is None and path.name == DEFAULT_PROFILE + SUFFIX and path.parent == bundled_dir():
        return data, source     # the standard profile: complete on its own
    if base is None:
        base = DEFAULT_PROFILE
    base_path = _path_for_name(base) if not _looks_like_path(base) else path.parent / base
    if base_path is None or not base_path.is_file():
        raise doc.error(("base",), "指向的格式方案不存在。", "names a profile that does not exist.")
    base_data, _ = _load_merged(base_path, seen + (resolved,))
    return _inherit(base_data, data), source


def _build(data: dict, name: str, source: _Source) -> Profile:
    missing = _missing(data, SCHEMA)
    if missing:
        raise source.error(missing[:-1], f"缺少 {missing[-1]}。", f"lacks {missing[-1]}.")
    page = Page(**{k: float(v) for k, v in data["page"].items()})
    if page.left_mm + page.right_mm > page.width_mm - 50:
        raise source.error(("page", "right_mm"), "左右边距之和太大，正文区不足 50 毫米宽。",
                           "and left_mm leave a text block under 50 mm wide.")
    if page.top_mm + page.bottom_mm > page.height_mm - 50:
        raise source.error(("page", "bottom_mm"), "上下边距之和太大，正文区不足 50 毫米高。",
                           "and top_mm leave a text block under 50 mm high.")
    if page.footer_mm > page.bottom_mm:
        raise source.error(("page", "footer_mm"), "不能大于下边距 bottom_mm（页码会压到正文）。",
                           "must not exceed bottom_mm (the page number would overlap the text).")
    text = Text(line_pitch_pt=float(data["text"]["line_pitch_pt"]),
                character_spacing_pt=float(data["text"]["character_spacing_pt"]),
                first_line_chars=float(data["text"]["first_line_chars"]),
                latin_font=data["text"]["latin_font"])
    roles = tuple(
        RoleFormat(role=role, font=spec["font"],
                   latin_font=spec.get("latin_font", text.latin_font),
                   size_pt=float(spec["size_pt"]), bold=spec["bold"])
        for role, spec in ((role, data["roles"][role]) for role in ROLES))
    label = data.get("label", {})
    return Profile(
        name=name,
        label_zh=label.get("zh", name),
        label_en=label.get("en", name),
        page=page,
        text=text,
        roles=roles,
        date_digits=data["date_digits"],
        level3_style=data["level3_style"],
        page_number_position=data["page_numbers"]["position"],
        page_number_indent_chars=float(data["page_numbers"]["indent_chars"]),
        alt_names=tuple(sorted(data.get("alt_names", {}).items())),
        signature_style=data["signature"]["style"],
        page_time=PageTime(show=data["page_time"]["show"],
                           round_seconds=int(data["page_time"]["round_seconds"]),
                           spare_lines=int(data["page_time"]["spare_lines"])),
    )


# --- the user's own profile files (written by the settings dialog) ---------------------------

# Characters Windows refuses in file names (the strictest of the platforms the program runs on),
# and the device names it reserves whatever the extension.
_NOT_IN_FILE_NAMES = '\\/:*?"<>|'
_RESERVED_NAMES = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt")
                                                  for n in range(1, 10)}
MAX_NAME = 60


def is_bundled(name: str) -> bool:
    """True for the name of a bundled profile, compared ignoring case: on Windows and macOS a
    user file GBT9704.yaml would be found, and loaded, as the bundled gbt9704.yaml."""
    try:
        bundled = {p.name[:-len(SUFFIX)].casefold() for p in bundled_dir().glob("*" + SUFFIX)}
    except OSError:
        return False
    return name.casefold() in bundled


def user_profile_path(name: str) -> Path:
    """The file of the user profile NAME; ComposerError when NAME cannot be one."""
    shown = name if len(name) <= MAX_NAME else name[:MAX_NAME] + "…"
    bad = sorted({c for c in name if c in _NOT_IN_FILE_NAMES or ord(c) < 32})
    if not name.strip():
        raise ComposerError("请填写格式方案的名称。", "Please give the format profile a name.")
    if bad:
        listed = " ".join(c if c.isprintable() else repr(c)[1:-1] for c in bad)
        raise ComposerError(f"格式方案名称“{shown}”含有文件名里不能用的字符：{listed}",
                            f"The profile name '{shown}' has characters that file names cannot "
                            f"hold: {listed}")
    if (name != name.strip() or name.endswith(".") or name.startswith(".")
            or name.casefold().endswith((".yaml", ".yml"))
            or name.split(".")[0].casefold() in _RESERVED_NAMES or len(name) > MAX_NAME):
        raise ComposerError(
            f"“{shown}”不能用作格式方案名称（前后不能有空格或句点，不能以 .yaml 结尾，"
            f"不能是系统保留的名称，最多 {MAX_NAME} 个字符）。",
            f"'{shown}' cannot be a profile name (no leading or trailing spaces or dots, no "
            f".yaml ending, no name the system reserves, at most {MAX_NAME} characters).")
    if is_bundled(name):
        raise ComposerError(f"“{name}”是内置格式方案，不能修改或覆盖；请另起一个名称。",
                            f"'{name}' is a bundled format profile and cannot be changed or "
                            "replaced; please choose another name.")
    return user_dir() / (name + SUFFIX)


def read_user_profile(name: str) -> dict:
    """The keys written in the user profile file NAME (checked), for editing it."""
    doc = yamlfile.load(user_dir() / (name + SUFFIX))
    if not isinstance(doc.data, dict):
        raise doc.error((), "不是格式方案文件（顶层应当是键值对）。",
                        "not a format profile (the top level must be a mapping).")
    _check(_Source(doc, doc.path), doc.data, SCHEMA)
    return doc.data


def base_of(data: dict) -> Profile:
    """The profile that a user profile's data names as its ``base:`` (a relative path counts
    from the user's profile folder, as when the file is loaded)."""
    return load_profile(_base_ref(data))


def _base_ref(data: dict) -> str | Path:
    base = data.get("base", DEFAULT_PROFILE)
    return user_dir() / base if isinstance(base, str) and _looks_like_path(base) else base


def save_user_profile(name: str, data: dict) -> Profile:
    """Write DATA (``base:`` and the keys that differ from it) as the user profile NAME.

    The data is checked first, the file written atomically and then loaded back by name, as the
    export will load it; when that fails the earlier file (or none) is put back, so a refused
    profile changes nothing.  Raises ComposerError.
    """
    path = user_profile_path(name)
    make_profile({k: v for k, v in data.items() if k != "base"}, base=_base_ref(data), name=name)
    previous = files.read_bytes(path) if path.is_file() else None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass    # the write below says what is wrong with the folder
    yamlfile.save(path, {"format": FORMAT, **{k: v for k, v in data.items() if k != "format"}})
    try:
        return load_profile(name)
    except ComposerError:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            files.write_bytes(path, previous)
        raise
