#!/usr/bin/env bash
# Latency of `relgraph serve`'s JSON API: each question asked N times with curl, one after
# another, on a running server; prints median, min and max of curl's time_total in ms.
#   bash bench/serve_latency.sh URL [N] [FROM] [TO]
# e.g. on the 1M-relation graph (../shared/bench/gen_graph.py M):
#   python3 gen_graph.py M /tmp/g/M.csv
#   ./build/relgraph --db /tmp/g/m.db -q import /tmp/g/M.csv --create-missing
#   ./build/relgraph --db /tmp/g/m.db serve --port 8772 &
#   bash bench/serve_latency.sh http://127.0.0.1:8772 20 org_014225 org_098078
set -euo pipefail
url=${1:?usage: serve_latency.sh URL [N] [FROM] [TO]}
n=${2:-20}
from=${3:-org_014225}
to=${4:-org_098078}
questions=(
  "search?q=${from:0:9}"
  "entity?name=$from"
  "neighbors?name=$from"
  "neighbors?name=$from&depth=2"
  "path?from=$from&to=$to"
  "path?from=$from&to=$to&k=3"
  "info"
)
printf '%-40s %8s %8s %8s %s\n' question median_ms min_ms max_ms status
for q in "${questions[@]}"; do
  times=()
  status=""
  for ((i = 0; i < n; i++)); do
    line=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$url/api/$q")
    status=${line% *}
    times+=("${line#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v q="$q" -v s="$status" '
    { t[NR] = $1 * 1000 }
    END { printf "%-40s %8.0f %8.0f %8.0f %s\n", q, (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[1], t[NR], s }'
done
