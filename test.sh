#!/usr/bin/env bash
# Installs what is missing, builds Ferry and runs the whole test suite. Non-zero on failure.
set -euo pipefail
FERRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$FERRY_ROOT/tools/deps.sh"
# shellcheck disable=SC2086
ferry_ensure_packages $FERRY_BUILD_PACKAGES $FERRY_TEST_PACKAGES
ferry_build "$FERRY_ROOT/build"
cd "$FERRY_ROOT/build"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --timeout 600 "$@"
