#!/usr/bin/env bash
# The main job: installs what is missing, builds, imports the embedded default data (data/)
# into a fresh store and asks it a few real questions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DRELGRAPH_BUILD_TESTS=OFF

mkdir -p out
db=out/demo.db
rm -f "$db"
relgraph() { ./build/relgraph --db "$db" "$@"; }
ask() { printf '\n\033[1m$ relgraph %s\033[0m\n' "$*"; relgraph "$@"; }

ask import data/entities.csv data/relations.csv
ask info
ask snapshot save default --note "the embedded default data"
# News articles (Korean, Chinese, English scrapes): typed relations, each with its sentence.
ask import data/articles/ko_naver_snu.txt data/articles/zh_baai.txt data/articles/en_microsoft_openai.md
ask entity 黄铁军
# Who is connected to whom, and how?
ask path Naver 베이징AI연구원 --k 2
ask path Microsoft Anthropic --direction out
# Who backs both OpenAI and Anthropic?
ask common OpenAI Anthropic --relation invests_in --direction in
# Who is central?
ask centrality --measure pagerank --top 8
ask centrality --measure betweenness --direction both --top 8
# Which camps exist? Who is the only bridge between parts? Who is in the tight core? What is cut off?
ask communities --top 6
ask brokers --top 6
ask core --k 4
ask components --direction out
# How many independent routes (no shared go-between) lead from Naver to BAAI?
ask path Naver BAAI --disjoint --format csv
# What changed in the camps since the default data (the articles imported above)?
ask snapshot diff default --rank-changes degree --top 5
ask entity 베이징AI연구원
ask neighbors Naver --depth 1
ask search 대학교
# What did the map look like before 2020?
ask --as-of 2019 info
printf '\nThe store is %s; try: ./build/relgraph --db %s entity OpenAI\n' "$db" "$db"

# Diagrams of the default data, rendered in-process by Graphviz's library (no dot binary needed).
ask export svg -o out/demo-paths.svg --path Naver BAAI --k 3
ask export png -o out/demo-naver.png --focus Naver --depth 1
ask export svg -o out/demo-communities.svg --focus Naver --depth 2 --cluster-by community
printf '\nDiagrams: out/demo-paths.svg (the 3 shortest paths from Naver to BAAI; hover for evidence)\n'
printf 'out/demo-communities.svg (Naver and two hops around it, boxed by community, brokers with a double border)\n'
printf '          out/demo-naver.png (Naver and its neighbours within 1 hop)\n'

# The whole map as one interactive page (no network needed), nodes sized by PageRank.
ask export html -o out/demo.html --size-by pagerank
printf '\nInteractive: open out/demo.html in a browser (search, filters, evidence on click), or explore\n'
printf 'the store from a local web app: ./build/relgraph --db %s serve   (then open http://127.0.0.1:8750/)\n' "$db"
