#!/usr/bin/env bash
# Builds Ferry with AddressSanitizer+UndefinedBehaviorSanitizer (build-asan) and with
# ThreadSanitizer (build-tsan), and runs the whole ctest suite under each. Non-zero if a
# build, a test or a sanitizer fails. Usage: tools/sanitize.sh [asan] [tsan] [-- ctest args]
# With FERRY_QT_PREFIX set to a Qt built with TSan (tools/qt-tsan.sh), the tsan kind builds
# against that Qt instead, in build-tsan-qt.
set -euo pipefail
FERRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$FERRY_ROOT/tools/deps.sh"
# shellcheck disable=SC2086
ferry_ensure_packages $FERRY_BUILD_PACKAGES $FERRY_TEST_PACKAGES

kinds=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do kinds+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#kinds[@]} -eq 0 ] && kinds=(asan tsan)
jobs="${FERRY_JOBS:-2}"

export QT_QPA_PLATFORM=offscreen
# Any report fails the test that triggered it.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$FERRY_ROOT/tools/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Sanitized code runs several times slower; tests that wait for a big download wait longer.
export FERRY_TEST_TIME_FACTOR="${FERRY_TEST_TIME_FACTOR:-5}"
# die_after_fork=0: Qt 6.4's QProcess starts children with clone(CLONE_VM|CLONE_VFORK), which
# TSan doesn't intercept; the child runs TSan's code on the parent's memory and leaves it
# believing a multi-threaded fork happened, so the test itself would die at its next thread.
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$FERRY_ROOT/tools/tsan.supp:print_suppressions=0"

status=0
for kind in "${kinds[@]}"; do
    case "$kind" in
        asan) sanitize="address,undefined" ;;
        tsan) sanitize="thread" ;;
        *) echo "sanitize.sh: unknown kind $kind (asan or tsan)" >&2; exit 2 ;;
    esac
    dir="$FERRY_ROOT/build-$kind"
    qt_args=()
    if [ "$kind" = tsan ] && [ -n "${FERRY_QT_PREFIX:-}" ]; then
        # A Qt built with TSan (tools/qt-tsan.sh): its locks and atomics are then visible.
        dir="$FERRY_ROOT/build-tsan-qt"
        # That Qt has no Linguist tools (they are in qttools); Debian's lupdate and lrelease
        # do, and Qt finds add-on packages only under a prefix ending in lib/cmake.
        linguist=$(ls -d /usr/lib/*/cmake/Qt6LinguistTools | head -n 1)
        mkdir -p "$dir-extra/lib/cmake"
        ln -sfn "$linguist" "$dir-extra/lib/cmake/Qt6LinguistTools"
        qt_args=(-DCMAKE_PREFIX_PATH="$FERRY_QT_PREFIX"
            -DQT_ADDITIONAL_PACKAGES_PREFIX_PATH="$dir-extra")
    fi
    echo "== $kind: -fsanitize=$sanitize in $dir" >&2
    cmake -S "$FERRY_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DFERRY_SANITIZE="$sanitize" "${qt_args[@]}" >/dev/null
    cmake --build "$dir" --parallel "$jobs"
    # Binaries built against another Qt find it through their RUNPATH; no LD_LIBRARY_PATH,
    # which would hand that Qt to Debian's lupdate as well.
    if ! (cd "$dir" && ctest --output-on-failure --timeout 900 "$@"); then
        echo "== $kind: FAILED" >&2
        status=1
    else
        echo "== $kind: clean" >&2
    fi
done
exit $status
