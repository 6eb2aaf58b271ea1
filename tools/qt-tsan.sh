#!/usr/bin/env bash
# Builds Debian 12's Qt 6.4.2 (qtbase: Core, Network, Gui, Widgets, Test and the offscreen
# platform) with ThreadSanitizer into $FERRY_QT_TSAN/install, so that `tools/sanitize.sh tsan`
# can see Qt's own locks and atomics (issue 7; SECURITY.md, "Sanitizers").
#
# Resumable: run it again after an interruption and it goes on where it stopped (the source
# and the configured tree are kept). It takes hours on two cores; nice'd, so the machine stays
# usable. Usage: tools/qt-tsan.sh   (FERRY_QT_TSAN defaults to /work/qt-tsan, or ~/qt-tsan)
set -euo pipefail
FERRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$FERRY_ROOT/tools/deps.sh"
# shellcheck disable=SC2086
ferry_ensure_packages $FERRY_BUILD_PACKAGES curl xz-utils libfreetype-dev libfontconfig-dev

default_root=/work/qt-tsan
[ -d /work ] && [ -w /work ] || default_root="$HOME/qt-tsan"
root="${FERRY_QT_TSAN:-$default_root}"
version=6.4.2
src="$root/qtbase-everywhere-src-$version"
mkdir -p "$root/build"

if [ ! -d "$src" ]; then
    # The same source Debian built its packages from, from Debian's mirror.
    curl -fsS -o "$root/qtbase.tar.xz" \
        "http://deb.debian.org/debian/pool/main/q/qt6-base/qt6-base_$version+dfsg.orig.tar.xz"
    tar -C "$root" -xf "$root/qtbase.tar.xz"
fi

if [ ! -f "$root/build/build.ninja" ]; then
    # Only what Ferry and its tests use; Qt's bundled copies of the third-party libraries,
    # so that they are instrumented too.
    (cd "$root/build" && nice -n 19 "$src/configure" -prefix "$root/install" -release \
        -sanitize thread -opensource -confirm-license -nomake examples -nomake tests \
        -no-opengl -no-dbus -no-glib -no-icu -no-openssl -no-libproxy -no-feature-gssapi \
        -no-xcb -no-xkbcommon -no-feature-vulkan -qpa offscreen -qt-pcre -qt-zlib \
        -qt-harfbuzz -system-freetype -qt-libpng -qt-libjpeg -fontconfig -no-feature-sql \
        -no-feature-printsupport -no-feature-concurrent -no-feature-xml -no-feature-dbus \
        -no-feature-opengl -no-pch -- -G Ninja)
fi

nice -n 19 ninja -C "$root/build" -j "${FERRY_JOBS:-$(nproc)}"
ninja -C "$root/build" install >/dev/null
# Qt's own catalogues (qtbase_zh_CN.qm, …) are data: Debian's serve this Qt as well.
[ -e "$root/install/translations" ] || ln -s /usr/share/qt6/translations "$root/install/translations"
echo "qt-tsan.sh: Qt with ThreadSanitizer is in $root/install;" \
    "run FERRY_QT_PREFIX=$root/install tools/sanitize.sh tsan" >&2
