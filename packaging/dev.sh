#!/bin/sh
# Set up everything on a fresh machine, then run the application or the whole test suite.
#
#   sh packaging/dev.sh run [FILE]     set up, then start Speech Composer
#   sh packaging/dev.sh test [ARGS]    set up, then run every test (ARGS go to pytest)
#
# Debian/Ubuntu packages are installed with apt when running as root; otherwise the missing
# ones are listed with the sudo command to install them.  The Python environment is .venv/.
set -eu
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
# Qt's windowing needs these on a desktop; the tests render documents with LibreOffice and
# measure the PDFs, with small free CJK fonts standing in for 仿宋/楷体/黑体/宋体.
RUN_PACKAGES="libxcb-cursor0 libxkbcommon-x11-0 libegl1 fonts-wqy-microhei"
# The packaging tests build the bundle (it copies Qt's xcb libraries, so they must be present)
# and validate the desktop files.
TEST_PACKAGES="libreoffice-writer-nogui poppler-utils fonts-arphic-gbsn00lp fonts-arphic-gkai00mp
  fonts-wqy-microhei fonts-liberation2 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
  appstream desktop-file-utils shared-mime-info"

install_packages() {
    mode=$1; shift
    command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: bring them yourself
    missing=""
    for package in $*; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
            missing="$missing $package"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ]; then
        echo "installing:$missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "missing system packages:$missing"
        echo "install them with:  sudo apt-get install --no-install-recommends$missing"
        [ "$mode" = "strict" ] && exit 2
    fi
}

setup_python() {
    extras=$1   # what to install beside the program: "" to run it, "test,packaging" to test it
    if [ ! -x .venv/bin/python ]; then
        "$PYTHON" -m venv .venv
    fi
    # Reinstall only when the project's dependencies (or the extras asked for) changed.
    stamp=.venv/.installed-$( (cat pyproject.toml; echo "$extras") | cksum | cut -d' ' -f1)
    if [ ! -f "$stamp" ]; then
        .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
        rm -f .venv/.installed-*
        touch "$stamp"
    fi
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    run)
        install_packages lenient $RUN_PACKAGES
        setup_python ""
        if [ $# -gt 0 ]; then
            exec .venv/bin/speech-composer open "$@"
        fi
        exec .venv/bin/speech-composer
        ;;
    test)
        install_packages strict $TEST_PACKAGES
        setup_python test,packaging
        export QT_QPA_PLATFORM=offscreen
        exec .venv/bin/python -m pytest "$@"
        ;;
    *)
        echo "usage: sh packaging/dev.sh run [FILE] | test [PYTEST ARGS]" >&2
        exit 2
        ;;
esac
