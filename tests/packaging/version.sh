#!/usr/bin/env bash
# ferry --version, the AppStream release, the man page and the package all carry the
# version CMakeLists.txt's project() declares.
#   version.sh VERSION FERRY METAINFO FERRY_1 CPACK_CONFIG
set -euo pipefail
version="$1"
status=0
check() { # WHAT GOT
    if [ "$2" != "$version" ]; then
        echo "$1 says '$2', project() says '$version'" >&2
        status=1
    fi
}
check "ferry --version" "$("$2" --version | sed -n 's/^ferry //p')"
check "the AppStream release" "$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$3" | head -n 1)"
check "the man page" "$(sed -n 's/^\.TH .*"ferry \([^"]*\)".*/\1/p' "$4")"
check "the package" "$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$5")"
exit $status
