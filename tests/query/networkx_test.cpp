// Our centrality and paths against NetworkX on random typed graphs. The answers come from
// tests/reference/networkx_reference.py, run here, never from our own output.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "query/centrality.h"
#include "query/paths.h"
#include "tests/query/graph_builder.h"
#include "tests/test_util.h"

namespace relgraph::query {
namespace {

using nlohmann::json;

json RunReference(int seed) {
  return json::parse(relgraph::testing::RunPythonReference("networkx_reference.py", {"--seed", std::to_string(seed)}, "python3-networkx"));
}

void ExpectClose(double ours, double theirs, double relative, const std::string& what) {
  double tolerance = relative * std::max(1.0, std::abs(theirs));
  EXPECT_NEAR(ours, theirs, tolerance) << what;
}

class NetworkxAgreement : public ::testing::TestWithParam<int> {};

TEST_P(NetworkxAgreement, CentralityAndPathsMatch) {
  json reference = RunReference(GetParam());
  std::vector<std::string> ids = reference["nodes"];
  std::vector<testing::Edge> edges;
  for (const json& relation : reference["relations"]) {
    edges.push_back({relation[0], relation[1], relation[2], relation[3]});
  }
  Graph graph = testing::MakeGraph(ids, edges);
  Csr view(graph);
  auto index = [&](const std::string& id) { return *graph.FindEntity(id); };

  for (const json& item : reference["cases"]) {
    std::string label = "seed " + std::to_string(GetParam()) + ", direction " + item["direction"].get<std::string>() +
                        ", types " + item["types"].dump();
    ViewFilter filter;
    filter.direction = item["direction"] == "out" ? Direction::kOut : item["direction"] == "in" ? Direction::kIn : Direction::kBoth;
    filter.types = item["types"].is_null() ? ~uint64_t{0} : view.TypeMask(item["types"].get<std::vector<std::string>>());

    auto compare = [&](Measure measure, bool normalized, const char* key, double relative) {
      CentralityOptions options;
      options.filter = filter;
      options.normalized = normalized;
      std::vector<double> ours = Centrality(view, measure, options);
      for (const auto& [id, value] : item[key].items()) {
        ExpectClose(ours[index(id)], value.get<double>(), relative, label + ", " + key + " of " + id);
      }
    };
    if (item.contains("degree")) {  // the "in" cases have paths only
      compare(Measure::kDegree, false, "degree", 1e-12);
      compare(Measure::kDegree, true, "degree_normalized", 1e-12);
      compare(Measure::kBetweenness, false, "betweenness", 1e-9);
      compare(Measure::kBetweenness, true, "betweenness_normalized", 1e-9);
      compare(Measure::kCloseness, false, "closeness", 1e-9);
      compare(Measure::kHarmonic, false, "harmonic", 1e-9);
      compare(Measure::kPageRank, false, "pagerank", 1e-6);
      if (filter.direction == Direction::kOut) {
        compare(Measure::kInDegree, false, "in_degree", 1e-12);
        compare(Measure::kOutDegree, false, "out_degree", 1e-12);
      }
    }

    for (const json& pair : item["paths"]) {
      std::string what = label + ", path " + pair["from"].get<std::string>() + " -> " + pair["to"].get<std::string>();
      PathOptions options;
      options.filter = filter;
      options.k = 4;
      uint32_t from = index(pair["from"]), to = index(pair["to"]);
      std::vector<Path> hops = ShortestPaths(view, from, to, options);
      if (pair["hops"].is_null()) {
        EXPECT_TRUE(hops.empty()) << what;
        continue;
      }
      ASSERT_FALSE(hops.empty()) << what;
      std::vector<int> our_hops;
      for (const Path& path : hops) our_hops.push_back(path.hops());
      EXPECT_EQ(our_hops[0], pair["hops"].get<int>()) << what;
      EXPECT_EQ(our_hops, pair["k_hops"].get<std::vector<int>>()) << what;
      options.weighted = true;
      std::vector<Path> cheapest = ShortestPaths(view, from, to, options);
      std::vector<double> their_costs = pair["k_costs"];
      ASSERT_EQ(cheapest.size(), their_costs.size()) << what;
      for (size_t i = 0; i < cheapest.size(); ++i) ExpectClose(cheapest[i].cost, their_costs[i], 1e-9, what + " cost " + std::to_string(i));
      ExpectClose(cheapest[0].cost, pair["cost"].get<double>(), 1e-9, what + " dijkstra");
    }
  }
}

INSTANTIATE_TEST_SUITE_P(RandomGraphs, NetworkxAgreement, ::testing::Values(1, 2, 3, 4, 5, 6, 7, 8));

}  // namespace
}  // namespace relgraph::query
