# Sourced by run.sh and test.sh: installs the Debian 12 packages Ferry needs, if missing.
# Every dependency lives here, so a fresh machine needs nothing installed by hand.

FERRY_BUILD_PACKAGES="cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
  qt6-qpa-plugins fonts-wqy-microhei desktop-file-utils librsvg2-bin libssl-dev"
FERRY_TEST_PACKAGES="python3 netcat-openbsd curl time clang libclang-rt-14-dev openssl coreutils
  appstream man-db systemd iproute2 nftables"
# tools/package.sh: cpack's DEB generator runs dpkg-shlibdeps, and `file` to find the ELF files.
FERRY_PACKAGE_PACKAGES="dpkg-dev file"
# tools/install-test.sh: a fresh Debian 12 root to install the package into.
FERRY_INSTALL_TEST_PACKAGES="debootstrap debian-archive-keyring"

ferry_sudo() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "ferry: need root to install packages: $*" >&2
        return 1
    fi
}

ferry_ensure_packages() {
    local missing=""
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    ferry_sudo apt-get update -q || return 1
    # shellcheck disable=SC2086
    ferry_sudo apt-get install -y -q --no-install-recommends $missing
}

ferry_build() {
    local dir="$1"
    shift
    cmake -S "$FERRY_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" \
        && cmake --build "$dir" --parallel "$(nproc)"
}
