// Our betweenness and weighted paths against Boost.Graph's implementations (Brandes 2001 and
// Dijkstra), an independent reference that needs no Python, on random simple digraphs.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <gtest/gtest.h>

#include <random>

#include "query/centrality.h"
#include "query/paths.h"
#include "tests/query/graph_builder.h"

namespace relgraph::query {
namespace {

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                         boost::property<boost::edge_weight_t, double>>;

class BoostAgreement : public ::testing::TestWithParam<unsigned> {};

TEST_P(BoostAgreement, BetweennessAndDijkstraMatch) {
  std::mt19937 generator(GetParam());
  const int n = 60;
  std::uniform_int_distribution<int> node(0, n - 1);
  std::uniform_real_distribution<double> weight(0.2, 5.0);
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back("v" + std::to_string(i));
  // A simple digraph (no parallel arcs, no self-loops): one backs relation per arc.
  std::set<std::pair<int, int>> arcs;
  while (arcs.size() < 180) {
    int a = node(generator), b = node(generator);
    if (a != b) arcs.insert({a, b});
  }
  std::vector<testing::Edge> edges;
  BoostGraph boost_graph(n);
  for (auto [a, b] : arcs) {
    double w = weight(generator);
    edges.push_back({ids[a], ids[b], "backs", w});
    boost::add_edge(a, b, 1.0 / w, boost_graph);  // our hop cost is 1/weight
  }
  Graph graph = testing::MakeGraph(ids, edges);
  Csr view(graph);

  std::vector<double> boost_betweenness(n, 0.0);
  boost::brandes_betweenness_centrality(
      boost_graph, boost::centrality_map(boost::make_iterator_property_map(boost_betweenness.begin(),
                                                                           boost::get(boost::vertex_index, boost_graph))));
  CentralityOptions options;
  options.filter.direction = Direction::kOut;
  std::vector<double> ours = Centrality(view, Measure::kBetweenness, options);
  for (int v = 0; v < n; ++v) {
    EXPECT_NEAR(ours[*graph.FindEntity(ids[v])], boost_betweenness[v], 1e-9) << "node " << v;
  }

  PathOptions path_options;
  path_options.filter.direction = Direction::kOut;
  path_options.weighted = true;
  for (int source = 0; source < n; source += 7) {
    std::vector<double> distance(n);
    boost::dijkstra_shortest_paths(boost_graph, source, boost::distance_map(distance.data()));
    for (int target = 0; target < n; ++target) {
      if (target == source) continue;
      auto paths = ShortestPaths(view, *graph.FindEntity(ids[source]), *graph.FindEntity(ids[target]), path_options);
      if (distance[target] == std::numeric_limits<double>::max()) {
        EXPECT_TRUE(paths.empty()) << source << " -> " << target;
      } else {
        ASSERT_EQ(paths.size(), 1u) << source << " -> " << target;
        EXPECT_NEAR(paths[0].cost, distance[target], 1e-9) << source << " -> " << target;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(RandomDigraphs, BoostAgreement, ::testing::Values(1u, 2u, 3u));

}  // namespace
}  // namespace relgraph::query
