#!/bin/sh
# Install Speech Composer (讲稿编排) from this folder, for the current user — no root needed.
#
#   ./install.sh               install or update: program in ~/.local/lib/speech-composer,
#                              command ~/.local/bin/speech-composer, menu entry, icons, and the
#                              file types *.speech.yaml / *.library.yaml
#   ./install.sh --uninstall   remove all of that again (your speeches and library stay)
#
# PREFIX=/usr/local ./install.sh (as root) installs for every user of the machine instead.
set -eu

APP_ID=io.github.speechcomposer.SpeechComposer
if [ -n "${PREFIX:-}" ]; then
    SHARE=$PREFIX/share
else
    PREFIX=$HOME/.local
    SHARE=${XDG_DATA_HOME:-$HOME/.local/share}   # where the desktop looks for this user's entries
fi
TARGET=$PREFIX/lib/speech-composer
LINK=$PREFIX/bin/speech-composer
HERE=$(cd "$(dirname "$0")" && pwd)

# The files installed under $SHARE, by their path there (the bundle keeps the same layout).
share_files() {
    echo "applications/$APP_ID.desktop"
    echo "metainfo/$APP_ID.metainfo.xml"
    echo "mime/packages/$APP_ID.xml"
    echo "icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in 16 24 32 48 64 128 256; do
        echo "icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
}

refresh_desktop() {
    # Each cache is optional: a desktop without the tool simply does not use that cache.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$SHARE/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
    fi
}

is_our_folder() {
    [ -x "$1/speech-composer" ] && [ -d "$1/_internal" ]
}

uninstall() {
    if [ -d "$TARGET" ]; then
        is_our_folder "$TARGET" || { echo "$TARGET is not a Speech Composer folder; left alone" >&2; exit 2; }
        rm -rf "$TARGET"
    fi
    if [ -L "$LINK" ] && [ "$(readlink "$LINK")" = "$TARGET/speech-composer" ]; then
        rm -f "$LINK"
    fi
    share_files | while read -r file; do rm -f "$SHARE/$file"; done
    refresh_desktop
    echo "Speech Composer removed from $PREFIX"
}

install() {
    is_our_folder "$HERE" || { echo "run install.sh from the unpacked Speech Composer folder" >&2; exit 2; }
    if [ "$HERE" != "$TARGET" ]; then
        if [ -d "$TARGET" ]; then
            is_our_folder "$TARGET" || { echo "$TARGET exists and is not Speech Composer; stopping" >&2; exit 2; }
            rm -rf "$TARGET"
        fi
        mkdir -p "$(dirname "$TARGET")"
        cp -R "$HERE" "$TARGET"
    fi
    mkdir -p "$(dirname "$LINK")"
    ln -sfn "$TARGET/speech-composer" "$LINK"
    share_files | while read -r file; do
        mkdir -p "$(dirname "$SHARE/$file")"
        cp "$TARGET/share/$file" "$SHARE/$file"
    done
    # The menu entry starts the program by its full path: ~/.local/bin is not always on the
    # PATH of a desktop session.
    sed -e "s|^Exec=speech-composer |Exec=\"$TARGET/speech-composer\" |" \
        -e "s|^TryExec=speech-composer\$|TryExec=$TARGET/speech-composer|" \
        "$TARGET/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
    refresh_desktop
    echo "Speech Composer installed in $TARGET"
    echo "menu entry: $SHARE/applications/$APP_ID.desktop; command: $LINK"
}

case "${1:-}" in
    "") install ;;
    --uninstall) uninstall ;;
    *) echo "usage: ./install.sh [--uninstall]" >&2; exit 2 ;;
esac
