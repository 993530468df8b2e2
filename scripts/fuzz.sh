#!/usr/bin/env bash
# Runs fuzz targets built in build-fuzz/ for SECONDS each, two at a time, on a scratch copy of
# their seed corpus (fuzz/corpus/NAME); a crash input is saved to fuzz/regressions/NAME/ so
# that ctest replays it from then on. Usage: scripts/fuzz.sh SECONDS [NAME ...]
# Hangs and memory blow-ups are failures like crashes: every input gets at most
# RELGRAPH_FUZZ_TIMEOUT seconds (libFuzzer -timeout, default 10; a slower input is saved as
# timeout-*) and the process at most RELGRAPH_FUZZ_RSS_MB MB (-rss_limit_mb, default 2048; also
# the limit of one allocation, -malloc_limit_mb).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
timeout=${RELGRAPH_FUZZ_TIMEOUT:-10}
rss_mb=${RELGRAPH_FUZZ_RSS_MB:-2048}
shift || true
targets=${*:-$( (ls fuzz/corpus; echo article) | sort -u)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run() {
  local name=$1 work="$scratch/$1"
  mkdir -p "$work/corpus" "$work/crashes"
  [ -d "fuzz/corpus/$name" ] && cp -r "fuzz/corpus/$name/." "$work/corpus/"
  # The article target also starts from the project's own articles (not copied into fuzz/).
  if [ "$name" = article ]; then
    cp data/articles/* "$work/corpus/"
    find tests/news/corpus -type f ! -name '*.expected.csv' -exec cp {} "$work/corpus/" \;
  fi
  if ./build-fuzz/fuzz/"fuzz_$name" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss_mb" \
      -malloc_limit_mb="$rss_mb" -print_final_stats=1 -artifact_prefix="$work/crashes/" "$work/corpus" >"$work/log" 2>&1; then
    local runs cov
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1)
    echo "fuzz $name: ok, $runs runs in ${seconds}s, $cov"
  else
    echo "fuzz $name: FAILED; the input is saved in fuzz/regressions/$name/" >&2
    mkdir -p "fuzz/regressions/$name"
    cp "$work"/crashes/* "fuzz/regressions/$name/" 2>/dev/null
    tail -40 "$work/log" >&2
    return 1
  fi
}

status=0
pids=()
for name in $targets; do
  run "$name" &
  pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
