"""Build Speech Composer into a one-folder bundle for this operating system.

    .venv/bin/python packaging/build.py            (Windows: .venv\\Scripts\\python packaging\\build.py)

PyInstaller (a build-time dependency: ``pip install -e ".[packaging]"``) turns
``packaging/speech-composer.spec`` into ``dist/speech-composer/``.  Then, per system:

* Linux: the desktop integration (``.desktop`` entry, icons, MIME types, AppStream metainfo)
  and ``install.sh`` are copied into the bundle folder, so the folder (or the ``--archive``
  tarball) is all a user needs: ``./install.sh`` installs it for the current user.
* Windows: the Inno Setup installer is compiled when ``ISCC.exe`` is found, with the version
  from ``pyproject.toml`` passed as ``/D`` defines; otherwise the command to run is printed.
* macOS: PyInstaller also makes ``dist/Speech Composer.app``.

Prints the bundle's path and size.  Exit status 0 on success, 2 with a one-line reason.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as cfg  # noqa: E402

DEFAULT_DIST = cfg.ROOT / "dist"
DEFAULT_WORK = cfg.ROOT / "build" / "pyinstaller"
SPEC = cfg.PACKAGING / "speech-composer.spec"
ISS = cfg.PACKAGING / "windows" / "speech-composer.iss"
LINUX = cfg.PACKAGING / "linux"


class BuildError(Exception):
    pass


def check_environment() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError('PyInstaller is not installed: pip install -e ".[packaging]"') from None
    # The bundle reports the version from the installed metadata it carries: it must be current.
    from importlib import metadata
    try:
        installed = metadata.version(cfg.DIST_NAME)
    except metadata.PackageNotFoundError:
        installed = None
    if installed != cfg.version():
        raise BuildError(f"the installed metadata says {installed}, pyproject.toml says "
                         f"{cfg.version()}: run  pip install --no-deps -e .  first")


def run_pyinstaller(dist: Path, work: Path) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    result = subprocess.run(command, cwd=cfg.ROOT)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode})")
    bundle = dist / cfg.BUNDLE_NAME
    if not (bundle / cfg.executable_name(cfg.BUNDLE_NAME)).is_file():
        raise BuildError(f"PyInstaller made no {bundle / cfg.executable_name(cfg.BUNDLE_NAME)}")
    return bundle


# --- Linux -------------------------------------------------------------------------------------

def linux_integration_files() -> list[tuple[Path, str]]:
    """(source, path inside the bundle folder) of the desktop integration files."""
    share = [
        (LINUX / f"{cfg.APP_ID}.desktop", f"share/applications/{cfg.APP_ID}.desktop"),
        (LINUX / f"{cfg.APP_ID}.metainfo.xml", f"share/metainfo/{cfg.APP_ID}.metainfo.xml"),
        (LINUX / f"{cfg.APP_ID}.mime.xml", f"share/mime/packages/{cfg.APP_ID}.xml"),
        (cfg.RESOURCES / "icons" / "speech-composer.svg",
         f"share/icons/hicolor/scalable/apps/{cfg.APP_ID}.svg"),
        (LINUX / "install.sh", "install.sh"),
    ]
    for png in sorted((LINUX / "icons").rglob("*.png")):
        share.append((png, "share/" + png.relative_to(LINUX).as_posix()))
    return share


def add_linux_integration(bundle: Path) -> None:
    for source, target in linux_integration_files():
        destination = bundle / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    (bundle / "install.sh").chmod(0o755)


def make_archive(bundle: Path) -> Path:
    machine = os.uname().machine
    archive = bundle.parent / f"{cfg.BUNDLE_NAME}-{cfg.version()}-linux-{machine}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(bundle, arcname=f"{cfg.BUNDLE_NAME}-{cfg.version()}")
    return archive


# --- Windows -----------------------------------------------------------------------------------

def inno_defines(bundle: Path) -> list[str]:
    """The /D defines the Inno Setup script expects: the one version number in two spellings,
    and the bundle folder to pack."""
    numeric = ".".join(str(number) for number in cfg.version_tuple())
    return [f"/DAppVersion={cfg.version()}", f"/DAppVersionNumeric={numeric}",
            f"/DSourceDir={bundle}", f"/DOutputDir={bundle.parent}"]


def find_iscc() -> str | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(variable)
        for folder in ("Inno Setup 6", os.path.join("Programs", "Inno Setup 6")):
            candidate = Path(base or "") / folder / "ISCC.exe"
            if base and candidate.is_file():
                return str(candidate)
    return None


def build_installer(bundle: Path) -> Path | None:
    command = inno_defines(bundle) + [str(ISS)]
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found; to make the installer run:\n  ISCC "
              + " ".join(f'"{part}"' if " " in part else part for part in command))
        return None
    result = subprocess.run([iscc, *command], cwd=ISS.parent)
    if result.returncode != 0:
        raise BuildError(f"Inno Setup failed (exit {result.returncode})")
    return bundle.parent / f"{cfg.BUNDLE_NAME}-{cfg.version()}-setup.exe"


# --- report ------------------------------------------------------------------------------------

def folder_size(path: Path) -> int:
    return sum(entry.lstat().st_size for entry in path.rglob("*") if entry.is_file()
               and not entry.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Speech Composer bundle for this system.")
    parser.add_argument("--archive", action="store_true",
                        help="Linux: also pack the bundle folder into a .tar.gz beside it")
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST,
                        help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK,
                        help="PyInstaller's scratch folder (default: build/pyinstaller/)")
    args = parser.parse_args(argv)
    try:
        check_environment()
        print(f"building speech-composer {cfg.version()} for {sys.platform} …", flush=True)
        bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
        extra = []
        if sys.platform.startswith("linux"):
            add_linux_integration(bundle)
            if args.archive:
                extra.append(make_archive(bundle))
        elif sys.platform == "win32":
            installer = build_installer(bundle)
            if installer:
                extra.append(installer)
        elif sys.platform == "darwin":
            extra.append(bundle.parent / f"{cfg.MAC_APP_NAME}.app")
    except BuildError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 2
    print(f"bundle: {bundle}  ({megabytes(folder_size(bundle))})")
    for path in extra:
        size = folder_size(path) if path.is_dir() else path.stat().st_size
        print(f"also:   {path}  ({megabytes(size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
