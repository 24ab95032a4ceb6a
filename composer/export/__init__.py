"""Official-format .docx export (GB/T 9704 typography for speeches) and its format profiles."""

from .docx_writer import build_docx, export_docx, iter_build, iter_export
from .profiles import DEFAULT_PROFILE, Profile, available_profiles, load_profile, make_profile

__all__ = ["DEFAULT_PROFILE", "Profile", "available_profiles", "build_docx", "export_docx", "iter_build",
           "iter_export", "load_profile", "make_profile"]
