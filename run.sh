#!/usr/bin/env bash
# Installs what is missing, builds Ferry and starts it; arguments go on to ferry.
set -euo pipefail
FERRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$FERRY_ROOT/tools/deps.sh"
# shellcheck disable=SC2086
ferry_ensure_packages $FERRY_BUILD_PACKAGES
ferry_build "$FERRY_ROOT/build" >&2
exec "$FERRY_ROOT/build/app/ferry" "$@"
