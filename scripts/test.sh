#!/usr/bin/env bash
# Installs what is missing, builds relgraph with its tests and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DRELGRAPH_BUILD_TESTS=ON -DRELGRAPH_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"
