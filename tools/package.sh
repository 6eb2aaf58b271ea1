#!/usr/bin/env bash
# Builds Ferry and makes the Debian package: prints the path of ferry_VERSION_ARCH.deb.
#   tools/package.sh [BUILD_DIR]       (default: build)
# The package installs under /usr; install it with  sudo apt-get install ./ferry_*.deb
set -euo pipefail
FERRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$FERRY_ROOT/build}"
. "$FERRY_ROOT/tools/deps.sh"
# shellcheck disable=SC2086
ferry_ensure_packages $FERRY_BUILD_PACKAGES $FERRY_PACKAGE_PACKAGES >&2
[ -f "$BUILD/CMakeCache.txt" ] || cmake -S "$FERRY_ROOT" -B "$BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
cmake --build "$BUILD" --parallel "$(nproc)" >&2
# cpack writes into the current folder and names the file itself; find it by its version.
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt")"
rm -f "$BUILD"/ferry_"$version"_*.deb
(cd "$BUILD" && cpack -G DEB >&2)
deb="$(ls "$BUILD"/ferry_"$version"_*.deb)"
echo "$deb"
