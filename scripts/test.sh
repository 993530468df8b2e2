#!/usr/bin/env bash
# Installs what is missing, builds relgraph and runs every test, three ways:
#   1. build/       Release with -Werror: the whole ctest suite;
#   2. build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer, no recovery: the suite again;
#   3. build-fuzz/  clang + libFuzzer: a 60-second smoke run of every fuzz target, two at a time,
#                   each input limited to 10 s and each process to 2 GB (scripts/fuzz.sh).
# RELGRAPH_QUICK=1 runs step 1 only; RELGRAPH_FUZZ_SECONDS changes the smoke-run length.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

echo "== 1/3: release build and tests"
bash scripts/build.sh -DRELGRAPH_BUILD_TESTS=ON -DRELGRAPH_WERROR=ON
ctest --test-dir build --output-on-failure -j "$jobs"
[ "${RELGRAPH_QUICK:-0}" = 1 ] && exit 0

echo "== 2/3: sanitizer build (ASan + UBSan) and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELGRAPH_SANITIZE=ON \
  -DRELGRAPH_BUILD_TESTS=ON >/dev/null
cmake --build build-asan -j "$jobs"
# A leak is a failure too. tests/sanitizers/*.supp name the third-party libraries (Graphviz,
# fontconfig) whose own leaks and one known use-after-free are not ours to fix.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:suppressions=$PWD/tests/sanitizers/asan.supp \
LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== 3/3: fuzz smoke runs"
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELGRAPH_FUZZ=ON \
  -DRELGRAPH_BUILD_TESTS=OFF >/dev/null
targets=$(ls fuzz/corpus; echo article)
targets=$(echo "$targets" | sort -u)
cmake --build build-fuzz -j "$jobs" --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done)
# Per input at most 10 s (a hang is a failure, saved as timeout-*), per process at most 2 GB.
RELGRAPH_FUZZ_TIMEOUT="${RELGRAPH_FUZZ_TIMEOUT:-10}" RELGRAPH_FUZZ_RSS_MB="${RELGRAPH_FUZZ_RSS_MB:-2048}" \
  bash scripts/fuzz.sh "${RELGRAPH_FUZZ_SECONDS:-60}" $targets
