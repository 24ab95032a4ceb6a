"""The settings the format-profile editor shows, and the profile file it writes from them.

The editor shows the settings offices actually change (fonts, heading bold, line pitch, page
numbers, date digits, the level-3 marker); a profile file holds many more.  Settings are
addressed by their key path in the profile schema, e.g. ``("roles", "body", "font")``, so the
file written holds exactly the keys that differ from its base and nothing the user did not set.
No Qt here: this is the part of the editor the tests can check without widgets.
"""

from __future__ import annotations

import copy
from typing import Any

# Roles whose East Asian font the editor sets (the page number keeps 宋体: the standard's choice
# for half-width digits, which offices do not change).
FONT_ROLES = ("title", "subtitle", "speaker", "date", "salutation", "body",
              "heading1", "heading2", "heading3", "heading4", "closing")
BOLD_ROLES = ("heading1", "heading2", "heading3")
LINE_PITCH = ("text", "line_pitch_pt")
PAGE_NUMBERS = ("page_numbers", "position")
DATE_DIGITS = ("date_digits",)
LEVEL3_STYLE = ("level3_style",)

def font_key(role: str) -> tuple:
    return ("roles", role, "font")


def bold_key(role: str) -> tuple:
    return ("roles", role, "bold")


def shown_values(profile) -> dict[tuple, Any]:
    """Every setting the editor shows, as the profile has it."""
    values: dict[tuple, Any] = {font_key(r): profile.role(r).font for r in FONT_ROLES}
    values.update({bold_key(r): profile.role(r).bold for r in BOLD_ROLES})
    values[LINE_PITCH] = profile.text.line_pitch_pt
    values[PAGE_NUMBERS] = profile.page_number_position
    values[DATE_DIGITS] = profile.date_digits
    values[LEVEL3_STYLE] = profile.level3_style
    return values


def _plain_number(value: float) -> float | int:
    """28.0 is written 28, as a person would write it."""
    return int(value) if float(value).is_integer() else float(value)


def _without(data: dict, key: tuple) -> None:
    """Remove a key path, and the mappings it leaves empty."""
    head, *rest = key
    if head not in data:
        return
    if rest:
        if isinstance(data[head], dict):
            _without(data[head], tuple(rest))
            if not data[head]:
                del data[head]
        return
    del data[head]


def _put(data: dict, key: tuple, value: Any) -> None:
    for part in key[:-1]:
        data = data.setdefault(part, {})
    data[key[-1]] = value


def file_data(wanted: dict[tuple, Any], base_name: str, base, kept: dict,
              keep_label: bool) -> dict:
    """The data of a profile file: ``base:``, the keys of ``kept`` the editor does not show
    (an edited user file keeps what was written by hand), and every shown setting whose wanted
    value differs from the base profile's.  ``keep_label`` keeps the file's own label (only
    when the file keeps its name: a label names one profile)."""
    rest = copy.deepcopy({k: v for k, v in kept.items() if k not in ("format", "base")})
    if not keep_label:
        rest.pop("label", None)
    for key in wanted:
        _without(rest, key)
    base_values = shown_values(base)
    for key, value in wanted.items():
        if value != base_values[key]:
            _put(rest, key, _plain_number(value) if key == LINE_PITCH else value)
    ordered = {"base": base_name}
    if "label" in rest:
        ordered["label"] = rest.pop("label")
    ordered.update(rest)
    return ordered


def lines_per_page(page, line_pitch_pt: float) -> int:
    """Lines of text a page holds at this exact line pitch, in the word processor's units
    (twips: 225 mm is 12756, 22 × 579 fits, 22 × 580 does not — official-format.md §2)."""
    block = round((page.height_mm - page.top_mm - page.bottom_mm) / 25.4 * 1440)
    pitch = round(line_pitch_pt * 20)
    return block // pitch if pitch > 0 else 0
