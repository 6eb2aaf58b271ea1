#!/usr/bin/env bash
# Benchmark Ferry against md5sum, nc and python3 http.server + curl (issue 6).
# Usage: bench/run.sh [--ferry PATH] [--quick] [--big] [--reps N] [--cases LIST] [--out FILE]
# See bench/README.md. Measurement code lives in bench/bench.py (Python stdlib only).
set -euo pipefail

# Debian packages this script needs; installed with apt-get when missing and run as root.
DEPS="coreutils curl netcat-openbsd time python3 openssl tar"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")

usage() {
    cat <<EOF
usage: bench/run.sh [--ferry PATH] [--quick] [--big] [--reps N] [--cases LIST] [--out FILE]
  --ferry PATH  Ferry executable (default: build/app/ferry under the repository)
  --quick       tiny data, one repetition: a smoke test of this script (< 60 s)
  --big         add the 4 GiB file (peak RSS and its transfer time)
  --reps N      repetitions per row, the median is reported (default 3; 1 with --quick)
  --cases LIST  only these cases, e.g. 3,4,5 (1 warm, 2 cold, 3 small files, 4 clients,
                5 latency, 6 RSS, 7 window, 8 folder); the report then goes to a temp file
                by default
  --out FILE    Markdown report (default docs/performance.md; with --quick a temp file)
Exit status: 0 all Ferry transfers verified, 1 a Ferry transfer failed, 2 usage,
3 setup (no Ferry executable), 77 missing tools that could not be installed.
EOF
}

ferry="$root/build/app/ferry"
quick=0 big=0 reps="" out="" cases=""
while [ $# -gt 0 ]; do
    case "$1" in
        --ferry) [ $# -ge 2 ] || { usage >&2; exit 2; }; ferry=$2; shift 2 ;;
        --ferry=*) ferry=${1#*=}; shift ;;
        --quick) quick=1; shift ;;
        --big) big=1; shift ;;
        --reps) [ $# -ge 2 ] || { usage >&2; exit 2; }; reps=$2; shift 2 ;;
        --reps=*) reps=${1#*=}; shift ;;
        --cases) [ $# -ge 2 ] || { usage >&2; exit 2; }; cases=$2; shift 2 ;;
        --cases=*) cases=${1#*=}; shift ;;
        --out) [ $# -ge 2 ] || { usage >&2; exit 2; }; out=$2; shift 2 ;;
        --out=*) out=${1#*=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
if [ -z "$reps" ]; then
    if [ $quick = 1 ]; then reps=1; else reps=3; fi
fi
case "$reps" in
    ''|*[!0-9]*|0) echo "bench: --reps needs a positive integer" >&2; exit 2 ;;
esac

# --- tools -------------------------------------------------------------------------------------
missing=""
if command -v dpkg-query >/dev/null; then
    for p in $DEPS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
fi
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bench: installing$missing" >&2
    apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2 ||
        echo "bench: apt-get install$missing failed" >&2
    missing=""   # the command checks below decide
fi
for c in md5sum curl nc /usr/bin/time python3; do
    command -v "$c" >/dev/null || missing="$missing $c"
done
if [ -n "$missing" ]; then
    echo "bench: missing:$missing (as root: apt-get install $DEPS)" >&2
    exit 77
fi
if ! nc -h 2>&1 | grep -q OpenBSD; then
    echo "bench: nc is not netcat-openbsd (needed for -N); install netcat-openbsd" >&2
    exit 77
fi
# The system Python (not a pyenv shim, whose start-up would be timed in http.server rows).
python=python3
if [ -x /usr/bin/python3 ]; then python=/usr/bin/python3; fi

# --- paths -------------------------------------------------------------------------------------
case "$ferry" in /*) ;; *) ferry="$PWD/$ferry" ;; esac
if [ ! -x "$ferry" ]; then
    echo "bench: no Ferry executable at $ferry; build it first (./run.sh, or" \
         "cmake -S . -B build && cmake --build build) or pass --ferry PATH" >&2
    exit 3
fi
if [ -z "$out" ]; then
    if [ $quick = 1 ] || [ -n "$cases" ]; then
        # A smoke test or a partial run never overwrites the full report in docs/.
        out=$(mktemp -t ferry-performance-partial.XXXXXX.md)
    else
        out="$root/docs/performance.md"
    fi
fi
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

work=$(mktemp -d -t ferry-bench.XXXXXX)
if [ "$(stat -f -c %T "$work")" = tmpfs ]; then
    echo "bench: warning: $work is on tmpfs, so nothing is written to disk;" \
         "set TMPDIR to a folder on a disk" >&2
fi

pid=""
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Measure a private copy of the executable (and the files beside it): every row then
# runs the same build, and a rebuild during the run can't break it half-way.
mkdir "$work/bin"
built=$(date -r "$ferry" '+%Y-%m-%d %H:%M:%S')
for try in 1 2 3 4 5; do
    cp "$ferry" "$work/bin/ferry"
    if "$work/bin/ferry" --version >/dev/null 2>&1; then break; fi
    if [ $try = 5 ]; then
        echo "bench: $ferry does not run (being rebuilt?)" >&2
        exit 3
    fi
    sleep 3
done
cp "$(dirname "$ferry")"/*.qm "$work/bin/" 2>/dev/null || true
# The window's module (build/app/libferry_gui.so), so the copy can open a window as well.
if [ -f "$(dirname "$ferry")/libferry_gui.so" ]; then
    cp "$(dirname "$ferry")/libferry_gui.so" "$work/bin/"
fi
# The window's event-loop probe, built beside the app (build/bench/ferry_guistall).
guistall="$(dirname "$ferry")/../bench/ferry_guistall"
if [ -x "$guistall" ]; then
    cp "$guistall" "$work/bin/ferry_guistall"
fi

args=(--ferry "$work/bin/ferry" --ferry-origin "$ferry" --ferry-built "$built"
      --work "$work" --out "$out" --reps "$reps")
[ -x "$work/bin/ferry_guistall" ] && args+=(--guistall "$work/bin/ferry_guistall")
[ $quick = 1 ] && args+=(--quick)
[ $big = 1 ] && args+=(--big)
[ -n "$cases" ] && args+=(--cases "$cases")

# In the background with `wait`, so that the traps run at once on a signal and stop the harness
# (which then stops its servers) before the data is removed.
"$python" "$here/bench.py" "${args[@]}" &
pid=$!
set +e
wait "$pid"
rc=$?
set -e
pid=""
exit $rc
