#!/usr/bin/env bash
# Installs, with apt-get, everything relgraph needs to build, run and test on Debian 12.
# Runs as root, or through sudo when not root. Does nothing when all is already installed.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libboost-graph-dev libsqlite3-dev nlohmann-json3-dev libicu-dev libcli11-dev
  libgraphviz-dev graphviz fonts-noto-cjk
  libcpp-httplib-dev
  nodejs chromium
  libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-networkx python3-igraph
  sqlite3
  clang libclang-rt-14-dev llvm
)
# npm fetches the HTML view's libraries (export/html/package-lock.json) at build time. Debian 12
# packages it apart from nodejs; a NodeSource nodejs brings its own npm (and conflicts with it).
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
