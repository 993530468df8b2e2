// Query algorithms on small named graphs whose answers are worked out by hand in the comments.
#include <gtest/gtest.h>

#include "query/centrality.h"
#include "query/paths.h"
#include "query/query.h"
#include "tests/query/graph_builder.h"

namespace relgraph::query {
namespace {

using testing::Edge;
using testing::MakeGraph;
using testing::MakeUndirected;

std::vector<double> Measure(const Graph& graph, Measure measure, Direction direction, bool normalized = false) {
  Csr view(graph);
  CentralityOptions options;
  options.filter.direction = direction;
  options.normalized = normalized;
  return Centrality(view, measure, options);
}

void ExpectNear(const std::vector<double>& actual, const std::vector<double>& expected, double tolerance = 1e-9) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(actual[i], expected[i], tolerance) << "node " << i;
}

// Directed path a -> b -> c -> d.
Graph DirectedPath() {
  return MakeGraph({"a", "b", "c", "d"}, {{"a", "b", "backs"}, {"b", "c", "backs"}, {"c", "d", "backs"}});
}

TEST(Betweenness, DirectedPathCountsPairsThroughEachInnerNode) {
  // b lies on a->c and a->d; c on a->d and b->d: 2 each, ends 0.
  ExpectNear(Measure(DirectedPath(), Measure::kBetweenness, Direction::kOut), {0, 2, 2, 0});
  // Normalized by (n-1)(n-2) = 6.
  ExpectNear(Measure(DirectedPath(), Measure::kBetweenness, Direction::kOut, true), {0, 2.0 / 6, 2.0 / 6, 0});
  // Undirected: the same pairs, counted once each: still 2; normalized 2 * 2 / 6.
  ExpectNear(Measure(DirectedPath(), Measure::kBetweenness, Direction::kBoth), {0, 2, 2, 0});
  ExpectNear(Measure(DirectedPath(), Measure::kBetweenness, Direction::kBoth, true), {0, 4.0 / 6, 4.0 / 6, 0});
}

TEST(Betweenness, StarCentreLiesOnEveryPairOfLeaves) {
  // Star with centre 0 and 4 leaves: C(4,2) = 6 leaf pairs all pass through 0.
  Graph star = MakeUndirected(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
  ExpectNear(Measure(star, Measure::kBetweenness, Direction::kBoth), {6, 0, 0, 0, 0});
  // Closeness: the centre is 1 from everyone: 1. A leaf: distances 1 + 2 + 2 + 2 = 7, so 4/7.
  ExpectNear(Measure(star, Measure::kCloseness, Direction::kBoth), {1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7});
  // Harmonic: centre 4 * 1; leaf 1 + 3 * 1/2 = 2.5.
  ExpectNear(Measure(star, Measure::kHarmonic, Direction::kBoth), {4, 2.5, 2.5, 2.5, 2.5});
  ExpectNear(Measure(star, Measure::kDegree, Direction::kBoth), {4, 1, 1, 1, 1});
}

TEST(Betweenness, FiveCycleSplitsNothing) {
  // C5: each pair at distance 2 has one shortest path, through the node between them; there
  // are 5 such pairs, one per middle node: 1 each. Closeness: distances 1,1,2,2 -> 4/6.
  Graph cycle = MakeUndirected(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}});
  ExpectNear(Measure(cycle, Measure::kBetweenness, Direction::kBoth), {1, 1, 1, 1, 1});
  ExpectNear(Measure(cycle, Measure::kCloseness, Direction::kBoth), std::vector<double>(5, 4.0 / 6));
}

TEST(Betweenness, EvenCycleSharesBetweenTwoPaths) {
  // C4: opposite pairs (0,2) and (1,3) each have two shortest paths, one through each of the
  // other two nodes. Node 0 lies on one of the two 1-3 paths: 1/2; likewise every node.
  Graph cycle = MakeUndirected(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
  ExpectNear(Measure(cycle, Measure::kBetweenness, Direction::kBoth), {0.5, 0.5, 0.5, 0.5});
}

TEST(Centrality, KrackhardtKiteMatchesPublishedValues) {
  // Krackhardt (1990) kite: Andre 0, Beverly 1, Carol 2, Diane 3, Ed 4, Fernando 5, Garth 6,
  // Heather 7, Ike 8, Jane 9. Published normalized betweenness and closeness (3 decimals).
  Graph kite = MakeUndirected(10, {{0, 1}, {0, 2}, {0, 3}, {0, 5}, {1, 3}, {1, 4}, {1, 6}, {2, 3}, {2, 5},
                                   {3, 4}, {3, 5}, {3, 6}, {4, 6}, {5, 6}, {5, 7}, {6, 7}, {7, 8}, {8, 9}});
  ExpectNear(Measure(kite, Measure::kBetweenness, Direction::kBoth, true),
             {0.023, 0.023, 0.000, 0.102, 0.000, 0.231, 0.231, 0.389, 0.222, 0.000}, 0.0005);
  ExpectNear(Measure(kite, Measure::kCloseness, Direction::kBoth),
             {0.529, 0.529, 0.500, 0.600, 0.500, 0.643, 0.643, 0.600, 0.429, 0.310}, 0.0005);
  // Diane has the most ties: 6.
  EXPECT_EQ(Measure(kite, Measure::kDegree, Direction::kBoth)[3], 6);
}

TEST(Closeness, DirectedUsesIncomingDistances) {
  // a -> b -> c -> d: d is reached by 3 nodes at distances 1,2,3: (3/6) * (3/3) = 0.5;
  // c by 2 at 1,2: (2/3) * (2/3); b by 1 at 1: 1 * 1/3; a by none: 0.
  ExpectNear(Measure(DirectedPath(), Measure::kCloseness, Direction::kOut), {0, 1.0 / 3, 4.0 / 9, 0.5});
  // Harmonic of d: 1 + 1/2 + 1/3.
  ExpectNear(Measure(DirectedPath(), Measure::kHarmonic, Direction::kOut), {0, 1, 1.5, 1 + 0.5 + 1.0 / 3});
}

TEST(PageRank, DanglingRankIsSpreadUniformly) {
  // a -> b, b has no successors. With x_a + x_b = 1:
  // x_a = 0.15/2 + 0.85 * x_b/2 = 0.075 + 0.425 (1 - x_a)  =>  x_a = 0.5 / 1.425.
  Graph graph = MakeGraph({"a", "b"}, {{"a", "b", "backs"}});
  double a = 0.5 / 1.425;
  ExpectNear(Measure(graph, Measure::kPageRank, Direction::kOut), {a, 1 - a}, 1e-10);
  // Undirected: symmetric, so 1/2 each.
  ExpectNear(Measure(graph, Measure::kPageRank, Direction::kBoth), {0.5, 0.5}, 1e-10);
}

TEST(Centrality, ParallelRelationsAndSelfLoopsDoNotCount) {
  // Two relations a -> b and a self-loop on b: the connection graph is the single arc a -> b.
  Graph graph = MakeGraph({"a", "b"}, {{"a", "b", "backs"}, {"a", "b", "invests_in"}, {"b", "b", "backs"}});
  ExpectNear(Measure(graph, Measure::kOutDegree, Direction::kOut), {1, 0});
  ExpectNear(Measure(graph, Measure::kInDegree, Direction::kOut), {0, 1});
  ExpectNear(Measure(graph, Measure::kDegree, Direction::kOut), {1, 1});
  double a = 0.5 / 1.425;
  ExpectNear(Measure(graph, Measure::kPageRank, Direction::kOut), {a, 1 - a}, 1e-10);
}

TEST(Centrality, SymmetricRelationGivesBothArcs) {
  // a partners_with b: in the directed connection graph a -> b and b -> a.
  Graph graph = MakeGraph({"a", "b", "c"}, {{"a", "b", "partners_with"}, {"b", "c", "backs"}});
  ExpectNear(Measure(graph, Measure::kOutDegree, Direction::kOut), {1, 2, 0});
  ExpectNear(Measure(graph, Measure::kInDegree, Direction::kOut), {1, 1, 1});
  // b lies on a -> c only.
  ExpectNear(Measure(graph, Measure::kBetweenness, Direction::kOut), {0, 1, 0});
}

TEST(Centrality, OneNodeAndDisconnectedGraphs) {
  Graph one = MakeGraph({"a"}, {});
  ExpectNear(Measure(one, Measure::kPageRank, Direction::kOut), {1});
  ExpectNear(Measure(one, Measure::kCloseness, Direction::kOut), {0});
  ExpectNear(Measure(one, Measure::kBetweenness, Direction::kOut, true), {0});
  // Two separate edges: closeness is scaled by the reachable share (Wasserman-Faust).
  Graph two = MakeUndirected(4, {{0, 1}, {2, 3}});
  ExpectNear(Measure(two, Measure::kCloseness, Direction::kBoth), std::vector<double>(4, 1.0 / 3));
}

TEST(Centrality, InDegreeNeedsADirectedGraph) {
  Csr view(DirectedPath());
  CentralityOptions options;
  options.filter.direction = Direction::kBoth;
  EXPECT_THROW(Centrality(view, Measure::kInDegree, options), Error);
}

TEST(Centrality, SampledBetweennessWithAllPivotsIsExact) {
  Graph cycle = MakeUndirected(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}});
  Csr view(cycle);
  CentralityOptions options;
  options.filter.direction = Direction::kBoth;
  options.sample = 5;
  options.seed = 42;
  ExpectNear(Centrality(view, Measure::kBetweenness, options), {1, 1, 1, 1, 1});
  // Fewer pivots: deterministic for a seed.
  options.sample = 3;
  EXPECT_EQ(Centrality(view, Measure::kBetweenness, options), Centrality(view, Measure::kBetweenness, options));
}

std::vector<std::string> Names(const Graph& graph, const Path& path) {
  std::vector<std::string> names;
  for (uint32_t node : path.nodes) names.push_back(graph.entities()[node].id);
  return names;
}

TEST(Paths, FewestHopsIgnoresDirectionByDefault) {
  // a -> b <- c: from a to c only against an arrow.
  Graph graph = MakeGraph({"a", "b", "c"}, {{"a", "b", "backs"}, {"c", "b", "backs"}});
  Csr view(graph);
  PathOptions options;
  auto paths = ShortestPaths(view, 0, 2, options);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(Names(graph, paths[0]), (std::vector<std::string>{"a", "b", "c"}));
  options.filter.direction = Direction::kOut;
  EXPECT_TRUE(ShortestPaths(view, 0, 2, options).empty());
}

TEST(Paths, WeightedPrefersStrongRelations) {
  // a-b-d costs 1/1 + 1/1 = 2; a-c-d costs 1/4 + 1/4 = 0.5; hops tie, cost decides.
  Graph graph = MakeGraph({"a", "b", "c", "d"}, {{"a", "b", "backs", 1}, {"b", "d", "backs", 1},
                                                 {"a", "c", "backs", 4}, {"c", "d", "backs", 4}});
  Csr view(graph);
  PathOptions options;
  options.weighted = true;
  auto paths = ShortestPaths(view, 0, 3, options);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(Names(graph, paths[0]), (std::vector<std::string>{"a", "c", "d"}));
  EXPECT_DOUBLE_EQ(paths[0].cost, 0.5);
}

TEST(Paths, ParallelRelationsAreOneHopAtTheirCheapestCost) {
  // Two relations a -> b (weights 1 and 4): one path, cost 1/4; both listed for the hop.
  Graph graph = MakeGraph({"a", "b"}, {{"a", "b", "backs", 1}, {"a", "b", "invests_in", 4}});
  Csr view(graph);
  PathOptions options;
  options.weighted = true;
  options.k = 3;
  auto paths = ShortestPaths(view, 0, 1, options);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_DOUBLE_EQ(paths[0].cost, 0.25);
  EXPECT_EQ(view.RelationsBetween(0, 1, options.filter).size(), 2u);
  // Walking back b -> a sees them against their arrows.
  auto back = view.RelationsBetween(1, 0, options.filter);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_FALSE(back[0].second);
}

TEST(Paths, KShortestLooplessPathsInCostOrder) {
  // Square a-b-d, a-c-d plus the chord a-d: paths a-d (1 hop), then a-b-d and a-c-d (2 hops).
  Graph graph = MakeUndirected(4, {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 3}});
  Csr view(graph);
  PathOptions options;
  options.k = 5;
  auto paths = ShortestPaths(view, 0, 3, options);
  ASSERT_EQ(paths.size(), 3u);  // exactly three simple paths exist
  EXPECT_EQ(paths[0].hops(), 1);
  EXPECT_EQ(paths[1].hops(), 2);
  EXPECT_EQ(paths[2].hops(), 2);
  EXPECT_NE(paths[1].nodes, paths[2].nodes);
  options.max_hops = 1;
  EXPECT_EQ(ShortestPaths(view, 0, 3, options).size(), 1u);
}

TEST(Paths, RelationFilterAndUnreachableTargets) {
  Graph graph = MakeGraph({"a", "b", "c", "lonely"}, {{"a", "b", "backs"}, {"b", "c", "invests_in"}});
  Csr view(graph);
  PathOptions options;
  EXPECT_TRUE(ShortestPaths(view, 0, 3, options).empty());
  options.filter.types = view.TypeMask({"backs"});
  EXPECT_TRUE(ShortestPaths(view, 0, 2, options).empty());
  options.filter.types = view.TypeMask({"backs", "invests_in"});
  EXPECT_EQ(ShortestPaths(view, 0, 2, options).size(), 1u);
  // A path to itself has no hops.
  auto self = ShortestPaths(view, 1, 1, options);
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0].hops(), 0);
}

TEST(Neighborhood, DepthAndDirection) {
  Graph graph = DirectedPath();
  Csr view(graph);
  auto out = Neighborhood(view, 1, 5, {~uint64_t{0}, Direction::kOut});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].entity, 2u);
  EXPECT_EQ(out[1].distance, 2);
  auto in = Neighborhood(view, 1, 5, {~uint64_t{0}, Direction::kIn});
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].entity, 0u);
  EXPECT_EQ(Neighborhood(view, 1, 1, {~uint64_t{0}, Direction::kBoth}).size(), 2u);
}

TEST(CommonNeighbors, FindsSharedBackersWithTheirRelations) {
  // x backs a and b; y backs a only; a partners_with z, z partners_with b.
  Graph graph = MakeGraph({"a", "b", "x", "y", "z"}, {{"x", "a", "backs"}, {"x", "b", "invests_in"}, {"y", "a", "backs"},
                                                      {"a", "z", "partners_with"}, {"z", "b", "partners_with"}});
  Csr view(graph);
  auto backers = CommonNeighbors(view, 0, 1, {view.TypeMask({"backs", "invests_in"}), Direction::kOut});
  ASSERT_EQ(backers.size(), 1u);
  EXPECT_EQ(backers[0].entity, 2u);
  ASSERT_EQ(backers[0].with_a.size(), 1u);
  EXPECT_TRUE(backers[0].with_a[0].second);  // x -> a points at a
  auto any = CommonNeighbors(view, 0, 1, {~uint64_t{0}, Direction::kBoth});
  ASSERT_EQ(any.size(), 2u);  // x and z
  EXPECT_EQ(any[1].entity, 4u);
  // Against arrows only (a -> X and b -> X): nothing but the symmetric partner z.
  auto out = CommonNeighbors(view, 0, 1, {~uint64_t{0}, Direction::kIn});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].entity, 4u);
}

TEST(Centrality, ReportsProgressOverEverySourceWithoutChangingTheAnswer) {
  // 300 nodes on a path, 2 threads: progress counts sources (300), never goes back, and ends at
  // 300 of 300; the scores are those without a progress callback (inner node i of a directed
  // path lies on i * (299 - i) pairs).
  std::vector<std::string> ids;
  std::vector<testing::Edge> edges;
  for (int i = 0; i < 300; ++i) ids.push_back("n" + std::to_string(1000 + i));
  for (int i = 0; i + 1 < 300; ++i) edges.push_back({ids[i], ids[i + 1], "backs"});
  Csr view(testing::MakeGraph(ids, edges));
  for (query::Measure measure : {query::Measure::kBetweenness, query::Measure::kCloseness}) {
    CentralityOptions options;
    options.filter.direction = Direction::kOut;
    std::vector<std::pair<size_t, size_t>> calls;
    options.progress = [&](size_t done, size_t total) { calls.emplace_back(done, total); };
    std::vector<double> scores = Centrality(view, measure, options);
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.back(), (std::pair<size_t, size_t>{300, 300}));
    for (size_t i = 1; i < calls.size(); ++i) {
      EXPECT_LE(calls[i - 1].first, calls[i].first);
      EXPECT_EQ(calls[i].second, 300u);
    }
    options.progress = nullptr;
    EXPECT_EQ(scores, Centrality(view, measure, options));
    if (measure == query::Measure::kBetweenness) {
      for (int i = 0; i < 300; ++i) EXPECT_EQ(scores[static_cast<size_t>(i)], static_cast<double>(i * (299 - i))) << i;
    }
  }
}

}  // namespace
}  // namespace relgraph::query
