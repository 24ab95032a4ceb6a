"""讲稿编排 Speech Composer."""

from importlib import metadata as _metadata
from pathlib import Path as _Path


def _version() -> str:
    """The one version number, from pyproject.toml (via the installed metadata when installed)."""
    pyproject = _Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():  # a checkout: the source of truth, even if an older install exists
        import tomllib
        with open(pyproject, "rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    try:
        return _metadata.version("speech-composer")
    except _metadata.PackageNotFoundError:
        return "unknown"


__version__ = _version()
