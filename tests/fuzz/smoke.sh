#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang in BUILD_DIR and runs each briefly on its seed
# corpus. Part of ctest when clang++ can link -fsanitize=fuzzer; also the way to start a long
# run: smoke.sh BUILD_DIR [libFuzzer flags...], e.g. -runs=10000000 -jobs=1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:?usage: smoke.sh BUILD_DIR [libFuzzer flags]}"
shift
flags=("$@")
[ ${#flags[@]} -eq 0 ] && flags=(-runs=2000 -max_total_time=20)

# Core is built with -fsanitize=fuzzer-no-link,address (FERRY_FUZZ), the harnesses link
# libFuzzer. Only the harnesses are built.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFERRY_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --parallel "${FERRY_JOBS:-2}" --target fuzz_decoder fuzz_serversession fuzz_announcement

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export QT_QPA_PLATFORM=offscreen
for harness in fuzz_decoder fuzz_serversession fuzz_announcement; do
    # New inputs go to a scratch folder; the committed corpus is only read.
    scratch="$build/corpus-$harness"
    mkdir -p "$scratch"
    echo "== $harness ${flags[*]}" >&2
    "$build/tests/fuzz/$harness" -max_len=65536 -artifact_prefix="$build/$harness-" \
        "${flags[@]}" "$scratch" "$here/corpus/$harness"
done
