"""讲稿编排 Speech Composer."""


def _version() -> str:
    """The one version number, from pyproject.toml (via the installed metadata when installed)."""
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():  # a checkout: the source of truth, even if an older install exists
        import tomllib
        with open(pyproject, "rb") as handle:
            return tomllib.load(handle)["project"]["version"]
    from importlib import metadata
    try:
        return metadata.version("speech-composer")
    except metadata.PackageNotFoundError:
        return "unknown"


def __getattr__(name: str) -> str:
    # Computed on first use: importlib.metadata costs tens of milliseconds at every start.
    if name == "__version__":
        version = _version()
        globals()["__version__"] = version
        return version
    raise AttributeError(name)
