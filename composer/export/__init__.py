"""Official-format .docx export (GB/T 9704 typography for speeches) and its format profiles."""

from typing import TYPE_CHECKING, Any

from .profiles import DEFAULT_PROFILE, Profile, available_profiles, load_profile, make_profile

if TYPE_CHECKING:
    from .docx_writer import build_docx, export_docx, iter_build, iter_export

# The window needs the profiles and the layout at start, the .docx writer (and its package
# parts, styles, theme and font table) only when a speech is exported: it loads on first use.
_WRITER = {"build_docx", "export_docx", "iter_build", "iter_export"}


def __getattr__(name: str) -> Any:
    if name not in _WRITER:
        raise AttributeError(name)
    from . import docx_writer
    value = getattr(docx_writer, name)
    globals()[name] = value
    return value


__all__ = ["DEFAULT_PROFILE", "Profile", "available_profiles", "build_docx", "export_docx", "iter_build",
           "iter_export", "load_profile", "make_profile"]
