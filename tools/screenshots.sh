#!/usr/bin/env bash
# Takes docs/screenshots/server.png and client.png of the window in a scripted state: a
# server sharing sample files, a client with verified downloads and one mid-download.
# Usage: tools/screenshots.sh [path/to/ferry_uipreview]
#   (default build/tests/ui/ferry_uipreview, the window with the demo hook; builds nothing)
# Needs xvfb-run and ImageMagick's import.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/tests/ui/ferry_uipreview}"
out="$root/docs/screenshots"
[ -x "$bin" ] || { echo "screenshots.sh: no executable at $bin" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshots.sh: ImageMagick's import is missing" >&2; exit 1; }
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

shoot() { # tab file locale
    local tab="$1" file="$2" locale="${3:-C.UTF-8}"
    # A private config and a fixed UI language keep the user's settings out of the picture; a
    # private runtime folder keeps a Ferry window already open from taking the launch over.
    mkdir -p -m 700 "$work/run-$tab-$locale"
    XDG_RUNTIME_DIR="$work/run-$tab-$locale" \
    XDG_CONFIG_HOME="$work/config-$tab-$locale" FERRY_DEMO_DIR="$work/demo" FERRY_DEMO_TAB="$tab" \
    LANG="$locale" LC_ALL="$locale" \
    xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        "$1" & app=$!
        sleep 6
        import -window root "$2"
        kill "$app"; wait "$app" 2>/dev/null || true
    ' shoot "$bin" "$out/$file"
    echo "wrote $out/$file"
}

shoot server server.png
shoot client client.png
# The Chinese window needs a CJK font (fonts-wqy-microhei) or it shows boxes.
shoot server server_zh_CN.png zh_CN.UTF-8
shoot client client_zh_CN.png zh_CN.UTF-8
# The folder tree last: it adds a photos/ folder to the shared sample files.
shoot tree tree.png
shoot tree tree_zh_CN.png zh_CN.UTF-8
