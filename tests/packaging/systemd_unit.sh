#!/usr/bin/env bash
# systemd parses the example user unit in docs/systemd without a complaint.
#   systemd_unit.sh UNIT FERRY
# The unit names /usr/bin/ferry, which systemd-analyze checks is executable: the copy it
# verifies runs the built ferry instead. Exit 77 (skipped) without systemd-analyze.
set -euo pipefail
unit="$1"
ferry="$2"
command -v systemd-analyze >/dev/null 2>&1 || { echo "no systemd-analyze: skipped"; exit 77; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
if ! grep -q '^ExecStart=/usr/bin/ferry serve ' "$unit"; then
    echo "$unit: no ExecStart=/usr/bin/ferry serve" >&2
    exit 1
fi
sed "s|^ExecStart=/usr/bin/ferry |ExecStart=$ferry |" "$unit" >"$dir/$(basename "$unit")"
# System mode: --user needs a running user manager; the parser is the same.
if ! out="$(systemd-analyze verify --man=no "$dir/$(basename "$unit")" 2>&1)"; then
    echo "$out" >&2
    exit 1
fi
if [ -n "$out" ]; then # unknown keys and bad values are only warnings, with exit 0
    echo "$out" >&2
    exit 1
fi
