// Times the query engine on a large edge list (e.g. gen_graph.py's M preset: 100k entities,
// 1M relations). Loading is timed once and printed; each query is a Google Benchmark.
//   build/bench/relgraph_query_bench --csv /tmp/graphs/M.csv [benchmark flags]
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <memory>
#include <random>

#include "importers/importers.h"
#include "query/centrality.h"
#include "query/paths.h"
#include "query/query.h"

namespace {

using namespace relgraph;

std::unique_ptr<Graph> g_graph;
std::unique_ptr<query::Csr> g_view;
std::vector<std::pair<uint32_t, uint32_t>> g_pairs;

void Load(const std::string& path) {
  auto start = std::chrono::steady_clock::now();
  importers::SourceFile file = importers::ReadSourceFile(path);
  importers::ImportBatch batch = importers::ParseFile(file, importers::FileKind::kRelations, importers::DefaultSchema());
  auto parsed = std::chrono::steady_clock::now();
  g_graph = std::make_unique<Graph>(importers::DefaultSchema());
  ChangeSet changes;
  importers::MergeOptions options;
  options.create_missing_kind = "organization";
  importers::Merge(g_graph.get(), {batch}, &changes, options);
  auto merged = std::chrono::steady_clock::now();
  g_view = std::make_unique<query::Csr>(*g_graph);
  auto viewed = std::chrono::steady_clock::now();
  auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::cout << "loaded " << path << ": " << g_graph->entities().size() << " entities, " << g_graph->relations().size()
            << " relations; parse " << seconds(start, parsed) << " s, merge " << seconds(parsed, merged)
            << " s, CSR view " << seconds(merged, viewed) << " s\n";
  std::mt19937 generator(42);
  std::uniform_int_distribution<uint32_t> pick(0, g_view->node_count() - 1);
  for (int i = 0; i < 100; ++i) g_pairs.emplace_back(pick(generator), pick(generator));
}

void BM_PathFewestHops(benchmark::State& state) {
  query::PathOptions options;
  options.filter.direction = state.range(0) ? query::Direction::kOut : query::Direction::kBoth;
  size_t i = 0;
  for (auto _ : state) {
    auto [from, to] = g_pairs[i++ % g_pairs.size()];
    benchmark::DoNotOptimize(query::ShortestPaths(*g_view, from, to, options));
  }
}
BENCHMARK(BM_PathFewestHops)->Arg(0)->Arg(1)->ArgName("directed")->Unit(benchmark::kMillisecond);

void BM_PathWeighted(benchmark::State& state) {
  query::PathOptions options;
  options.weighted = true;
  size_t i = 0;
  for (auto _ : state) {
    auto [from, to] = g_pairs[i++ % g_pairs.size()];
    benchmark::DoNotOptimize(query::ShortestPaths(*g_view, from, to, options));
  }
}
BENCHMARK(BM_PathWeighted)->Unit(benchmark::kMillisecond);

void BM_PathKShortest(benchmark::State& state) {
  query::PathOptions options;
  options.k = static_cast<int>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    auto [from, to] = g_pairs[i++ % g_pairs.size()];
    benchmark::DoNotOptimize(query::ShortestPaths(*g_view, from, to, options));
  }
}
BENCHMARK(BM_PathKShortest)->Arg(3)->ArgName("k")->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_NeighborsDepth2(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(query::Neighborhood(*g_view, g_pairs[i++ % g_pairs.size()].first, 2, {}));
  }
}
BENCHMARK(BM_NeighborsDepth2)->Unit(benchmark::kMillisecond);

void BM_Common(benchmark::State& state) {
  size_t i = 0;
  query::ViewFilter filter{~uint64_t{0}, query::Direction::kBoth};
  for (auto _ : state) {
    auto [a, b] = g_pairs[i++ % g_pairs.size()];
    benchmark::DoNotOptimize(query::CommonNeighbors(*g_view, a, b, filter));
  }
}
BENCHMARK(BM_Common)->Unit(benchmark::kMillisecond);

void BM_Centrality(benchmark::State& state) {
  auto measure = static_cast<query::Measure>(state.range(0));
  query::CentralityOptions options;
  if (measure == query::Measure::kBetweenness) options.sample = 256;
  state.SetLabel(query::MeasureName(measure) + (options.sample ? " (256 pivots, 2 threads)" : ""));
  for (auto _ : state) benchmark::DoNotOptimize(query::Centrality(*g_view, measure, options));
}
BENCHMARK(BM_Centrality)
    ->Arg(static_cast<int>(query::Measure::kDegree))
    ->Arg(static_cast<int>(query::Measure::kPageRank))
    ->Arg(static_cast<int>(query::Measure::kBetweenness))
    ->ArgName("measure")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  std::string csv;
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--csv") == 0 && i + 1 < argc) {
      csv = argv[++i];
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (csv.empty()) {
    std::cerr << "usage: relgraph_query_bench --csv EDGES.csv [benchmark flags]\n"
                 "  EDGES.csv: source,target,relation[,weight], e.g. from gen_graph.py M\n";
    return 2;
  }
  Load(csv);
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
