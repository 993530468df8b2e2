// The fast engine (query/csr.h, edge_list.h, engine.h): the worked example of the benchmark
// protocol by hand, the edge-list CSV reader's quoting and errors, and every algorithm against a
// slow textbook implementation (or the NetworkX-checked centrality.h) on random graphs.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <queue>
#include <random>
#include <set>
#include <tuple>

#include "common/error.h"
#include "query/centrality.h"
#include "query/edge_list.h"
#include "query/engine.h"
#include "tests/query/graph_builder.h"
#include "tests/test_util.h"

namespace relgraph::query {
namespace {

// The example of WORKER_PROTOCOL.md section 10 ("E, Inc." needs quoting).
constexpr const char* kTinyCsv =
    "source,target,relation,weight\n"
    "A,B,invests_in,1.5\n"
    "B,C,partners_with,2.0\n"
    "A,C,backs,4.0\n"
    "C,A,develops,1.0\n"
    "C,D,member_of,0.5\n"
    "\"E, Inc.\",D,backs,1.25\n";

struct Loaded {
  EdgeListGraph graph;
  uint32_t Id(const std::string& name) const { return *graph.names.Find(name); }
};

Loaded LoadText(const std::string& text) {
  EdgeListCsv parsed = ParseEdgeListCsv("test.csv", text);
  Loaded loaded;
  uint32_t n = parsed.names.size();
  loaded.graph.csr = Csr::Build(n, std::move(parsed.edges));
  loaded.graph.names = std::move(parsed.names);
  loaded.graph.type_names = std::move(parsed.type_names);
  return loaded;
}

TEST(EdgeListCsv, ReadsTheProtocolExample) {
  Loaded tiny = LoadText(kTinyCsv);
  const Csr& g = tiny.graph.csr;
  EXPECT_EQ(g.node_count(), 5u);
  EXPECT_EQ(g.edge_count(), 6u);
  EXPECT_EQ(tiny.graph.names.Name(tiny.Id("E, Inc.")), "E, Inc.");
  EXPECT_EQ(tiny.graph.type_names, (std::vector<std::string>{"invests_in", "partners_with", "backs", "develops", "member_of"}));
  // A's out-arcs: B (1.5, invests_in) then C (4.0, backs), sorted by target.
  uint32_t a = tiny.Id("A");
  ASSERT_EQ(g.OutDegree(a), 2u);
  EXPECT_EQ(g.out_target()[g.OutBegin(a)], tiny.Id("B"));
  EXPECT_EQ(g.out_weight()[g.OutBegin(a)], 1.5);
  EXPECT_EQ(g.out_type()[g.OutBegin(a) + 1], 2);
  // D's in-arcs come from C and "E, Inc."; in_arc points at the same edge among out-arcs.
  uint32_t d = tiny.Id("D");
  ASSERT_EQ(g.InDegree(d), 2u);
  uint32_t arc = g.in_arc()[g.InBegin(d) + 1];
  EXPECT_EQ(g.in_source()[g.InBegin(d) + 1], tiny.Id("E, Inc."));
  EXPECT_EQ(g.out_weight()[arc], 1.25);
}

TEST(EdgeListCsv, KeepsNamesByteForByteThroughQuotesAndLineBreaks) {
  // Doubled quotes, a quoted line break, CRLF, an empty line, spaces kept, no final newline,
  // extra columns ignored, a header that says something else.
  std::string text =
      "from,to,kind,w\r\n"
      "\"say \"\"hi\"\"\", b ,x,1\r\n"
      "\r\n"
      "\"two\nlines\",\"b \",y,2.5,extra\n"
      " b ,\"say \"\"hi\"\"\",x,0.25";
  Loaded loaded = LoadText(text);
  const NameTable& names = loaded.graph.names;
  ASSERT_EQ(names.size(), 4u);
  EXPECT_EQ(names.Name(0), "say \"hi\"");
  EXPECT_EQ(names.Name(1), " b ");
  EXPECT_EQ(names.Name(2), "two\nlines");
  EXPECT_EQ(names.Name(3), "b ");
  EXPECT_EQ(loaded.graph.csr.edge_count(), 3u);
  EXPECT_EQ(loaded.graph.type_names, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(loaded.graph.csr.out_target()[loaded.graph.csr.OutBegin(1)], 0u);
}

std::string ErrorOf(const std::string& text) {
  try {
    ParseEdgeListCsv("g.csv", text);
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

TEST(EdgeListCsv, ReportsWhereARecordIsBad) {
  EXPECT_EQ(ErrorOf("s,t,r,w\nA,B,x,1\nA,B\n"), "g.csv:3:1: expected 4 fields (source,target,relation,weight), found 2");
  EXPECT_EQ(ErrorOf("s,t,r,w\nA,B,x,heavy\n"), "g.csv:2:1: expected a weight > 0 in field 4, found 'heavy'");
  EXPECT_EQ(ErrorOf("s,t,r,w\nA,B,x,0\n"), "g.csv:2:1: expected a weight > 0 in field 4, found '0'");
  // The unterminated quote is reported where its field began, not at the end of the file.
  EXPECT_EQ(ErrorOf("s,t,r,w\nA,B,x,1\nA,\"B\nC,x,1\n"), "g.csv:3:3: unterminated quoted field");
  EXPECT_EQ(ErrorOf("s,t,r,w\n\"A\"x,B,x,1\n"), "g.csv:2:4: expected ',' or the end of the line after a closing quote, found 'x'");
}

TEST(EdgeListCsv, WeightsAreTheDoublesFromCharsGives) {
  // The loader's fast path for plain decimals must give the same double as the general parser,
  // and forms outside it (exponents, many digits) still parse.
  std::vector<std::string> texts = {"0.01", "3.40", "10.00", "7", "0.1", "2.675", "123456.789012345", "1e-3",
                                    "1234567890.123456789", "5.", "0.000000000000001"};
  std::string csv = "s,t,r,w\n";
  for (const std::string& text : texts) csv += "a,b,x," + text + "\n";
  Loaded loaded = LoadText(csv);
  const Csr& g = loaded.graph.csr;
  ASSERT_EQ(g.edge_count(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    double expected = 0;
    std::from_chars(texts[i].data(), texts[i].data() + texts[i].size(), expected);
    EXPECT_EQ(g.out_weight()[g.OutBegin(0) + i], expected) << texts[i];
  }
}

TEST(EdgeListCsv, MissingFileIsNotFound) {
  try {
    ReadEdgeListCsv("/nonexistent/relgraph/edges.csv");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kNotFound);
  }
}

TEST(EdgeListCsv, ReadsAFileLikeTheText) {
  testing::TempDir dir;
  EdgeListGraph graph = LoadEdgeListGraph(dir.Write("tiny.csv", kTinyCsv));
  EXPECT_EQ(graph.csr.node_count(), 5u);
  EXPECT_EQ(graph.csr.edge_count(), 6u);
  EXPECT_TRUE(graph.names.Find("E, Inc.").has_value());
  EXPECT_FALSE(graph.names.Find("E").has_value());
}

TEST(NameTable, InternsManyNamesAndFindsEachAgain) {
  NameTable names;
  for (int i = 0; i < 50000; ++i) EXPECT_EQ(names.Intern("org_" + std::to_string(i)), static_cast<uint32_t>(i));
  EXPECT_EQ(names.Intern("org_123"), 123u);
  for (int i = 0; i < 50000; i += 7) EXPECT_EQ(names.Find("org_" + std::to_string(i)), static_cast<uint32_t>(i));
  EXPECT_FALSE(names.Find("org_50000").has_value());
  EXPECT_FALSE(names.Find("").has_value());
  EXPECT_EQ(names.Intern(""), 50000u);
  EXPECT_EQ(names.Find(""), 50000u);
  // The compact lookup table after loading finds the same, and interning still works after it.
  size_t loading_bytes = names.MemoryBytes();
  names.ShrinkToFit();
  EXPECT_LT(names.MemoryBytes(), loading_bytes);
  for (int i = 0; i < 50000; i += 3) EXPECT_EQ(names.Find("org_" + std::to_string(i)), static_cast<uint32_t>(i));
  EXPECT_FALSE(names.Find("org_50000").has_value());
  EXPECT_EQ(names.Find(""), 50000u);
  EXPECT_EQ(names.Intern("org_77"), 77u);
  EXPECT_EQ(names.Intern("org_50000"), 50001u);
  EXPECT_EQ(names.Find("org_49999"), 49999u);
  NameTable empty;
  empty.ShrinkToFit();
  EXPECT_FALSE(empty.Find("x").has_value());
  EXPECT_EQ(empty.Intern("x"), 0u);
}

// Every answer of the protocol's worked example, reasons in WORKER_PROTOCOL.md section 10.
TEST(Engine, AnswersTheProtocolExample) {
  Loaded tiny = LoadText(kTinyCsv);
  const Csr& g = tiny.graph.csr;
  uint32_t a = tiny.Id("A"), b = tiny.Id("B"), c = tiny.Id("C"), d = tiny.Id("D"), e = tiny.Id("E, Inc.");
  SearchWorkspace ws(g.node_count());
  std::vector<uint32_t> degree(5);
  TotalDegree(g, degree);
  EXPECT_EQ(degree[a], 3u);
  EXPECT_EQ(degree[c], 4u);
  EXPECT_EQ(degree[e], 1u);
  Components components = WeakComponents(g);
  EXPECT_EQ(components.count, 1u);
  EXPECT_EQ(components.largest, 5u);
  EXPECT_EQ(HopDistance(g, a, d, Direction::kOut, kAllTypes, ws), 2);
  EXPECT_EQ(HopDistance(g, d, a, Direction::kOut, kAllTypes, ws), -1);
  EXPECT_EQ(HopDistance(g, b, e, Direction::kOut, kAllTypes, ws), -1);
  EXPECT_EQ(HopDistance(g, a, d, Direction::kBoth, kAllTypes, ws), 2);
  EXPECT_EQ(HopDistance(g, d, a, Direction::kBoth, kAllTypes, ws), 2);
  EXPECT_EQ(HopDistance(g, b, e, Direction::kBoth, kAllTypes, ws), 3);
  EXPECT_EQ(HopDistance(g, d, a, Direction::kIn, kAllTypes, ws), 2);
  EXPECT_EQ(HopDistance(g, a, a, Direction::kOut, kAllTypes, ws), 0);
  // A->B->C->D = 1.5 + 2.0 + 0.5 beats A->C->D = 4.5.
  EXPECT_DOUBLE_EQ(WeightedDistance(g, a, d, Direction::kOut, kAllTypes, ws), 4.0);
  EXPECT_EQ(WeightedDistance(g, d, a, Direction::kOut, kAllTypes, ws), -1);
  // Without invests_in (code 0) A must take A->C->D.
  EXPECT_DOUBLE_EQ(WeightedDistance(g, a, d, Direction::kOut, kAllTypes & ~uint64_t{1}, ws), 4.5);
  // B's only in-arc is A's invests_in: without it B cannot be reached.
  EXPECT_EQ(HopDistance(g, a, b, Direction::kOut, kAllTypes & ~uint64_t{1}, ws), -1);
  BfsSummary from_a = BreadthFirst(g, a, true, ws);
  EXPECT_EQ(from_a.reached, 4u);
  EXPECT_EQ(from_a.distance_sum, 4u);
  EXPECT_EQ(from_a.eccentricity, 2u);
  EXPECT_EQ(ws.distances()[e], -1);
  EXPECT_EQ(ws.distances()[d], 2);
  BfsSummary from_d = BreadthFirst(g, d, true, ws);
  EXPECT_EQ(from_d.reached, 1u);
  EXPECT_EQ(from_d.distance_sum, 0u);
  EXPECT_EQ(NeighbourhoodSize(g, c, 2, Direction::kBoth, ws), 5u);
  EXPECT_EQ(NeighbourhoodSize(g, a, 2, Direction::kBoth, ws), 4u);
  // PageRank as igraph (PRPACK) gives it.
  std::vector<double> rank = PageRank(g, PageRankOptions{});
  EXPECT_NEAR(rank[c], 0.29735851105022082, 1e-6);
  EXPECT_NEAR(rank[e], 0.075104525781733711, 1e-6);
  // Closeness: A 3/4, B 3/5, C 3/4, D 0, E 1.
  std::vector<double> closeness = OutCloseness(g, 2);
  EXPECT_DOUBLE_EQ(closeness[a], 0.75);
  EXPECT_DOUBLE_EQ(closeness[b], 0.6);
  EXPECT_DOUBLE_EQ(closeness[d], 0.0);
  EXPECT_DOUBLE_EQ(closeness[e], 1.0);
  // Betweenness exact: C 3 (B->A, B->D, A->D), A 1 (C->B). Pivots A, B only: C 3, rest 0.
  std::vector<uint32_t> all = {0, 1, 2, 3, 4};
  std::vector<double> exact = Betweenness(g, all, 2);
  EXPECT_DOUBLE_EQ(exact[c], 3);
  EXPECT_DOUBLE_EQ(exact[a], 1);
  EXPECT_DOUBLE_EQ(exact[b] + exact[d] + exact[e], 0);
  std::vector<uint32_t> pivots = {a, b};
  std::vector<double> sampled = Betweenness(g, pivots, 1);
  EXPECT_DOUBLE_EQ(sampled[c], 3);
  EXPECT_DOUBLE_EQ(sampled[a], 0);
}

// A random directed graph without parallel arcs or self-loops, as CSV text, plus its arcs.
struct RandomGraph {
  std::string csv;
  uint32_t n;
  std::vector<std::tuple<uint32_t, uint32_t, double>> arcs;
};

RandomGraph MakeRandom(uint32_t n, uint32_t m, uint64_t seed) {
  std::mt19937_64 generator(seed);
  std::uniform_int_distribution<uint32_t> node(0, n - 1);
  std::uniform_int_distribution<int> cents(1, 1000);
  RandomGraph graph{"source,target,relation,weight\n", n, {}};
  // Name every node first so that index = v.
  for (uint32_t v = 0; v + 1 < n; v += 2) {
    graph.arcs.emplace_back(v, v + 1, 1.0);
  }
  std::set<std::pair<uint32_t, uint32_t>> seen;
  for (auto& [u, v, w] : graph.arcs) seen.insert({u, v});
  while (graph.arcs.size() < m) {
    // Skewed sources and targets, so that hubs and a bottom-up BFS phase appear.
    uint32_t u = std::min(node(generator), node(generator)), v = std::min(node(generator), node(generator));
    if (u == v || !seen.insert({u, v}).second) continue;
    graph.arcs.emplace_back(u, v, cents(generator) / 100.0);
  }
  for (auto& [u, v, w] : graph.arcs) {
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.2f", w);
    graph.csv += "v" + std::to_string(u) + ",v" + std::to_string(v) + "," + (u % 3 ? "backs" : "invests_in") + "," + weight + "\n";
    w = std::strtod(weight, nullptr);
  }
  return graph;
}

// Textbook single-source searches over an adjacency list.
std::vector<double> ReferenceDistances(const RandomGraph& graph, uint32_t source, Direction direction, bool weighted) {
  std::vector<std::vector<std::pair<uint32_t, double>>> adjacency(graph.n);
  for (auto [u, v, w] : graph.arcs) {
    if (direction != Direction::kIn) adjacency[u].emplace_back(v, weighted ? w : 1.0);
    if (direction != Direction::kOut) adjacency[v].emplace_back(u, weighted ? w : 1.0);
  }
  std::vector<double> distance(graph.n, -1);
  using Item = std::pair<double, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  std::vector<double> best(graph.n, std::numeric_limits<double>::infinity());
  best[source] = 0;
  heap.emplace(0.0, source);
  while (!heap.empty()) {
    auto [d, u] = heap.top();
    heap.pop();
    if (d > best[u]) continue;
    distance[u] = d;
    for (auto [v, w] : adjacency[u]) {
      if (d + w < best[v]) best[v] = d + w, heap.emplace(d + w, v);
    }
  }
  return distance;
}

TEST(Engine, PointQueriesMatchTextbookSearchesOnRandomGraphs) {
  for (uint64_t seed : {1, 2, 3}) {
    RandomGraph random = MakeRandom(600, 2400, seed);
    Loaded loaded = LoadText(random.csv);
    const Csr& g = loaded.graph.csr;
    ASSERT_EQ(g.node_count(), random.n);
    SearchWorkspace ws(g.node_count());
    std::mt19937 generator(static_cast<uint32_t>(seed));
    for (int query = 0; query < 40; ++query) {
      uint32_t from = generator() % random.n;
      for (Direction direction : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
        std::vector<double> hops = ReferenceDistances(random, from, direction, false);
        std::vector<double> cost = ReferenceDistances(random, from, Direction::kOut, true);
        for (int target = 0; target < 10; ++target) {
          uint32_t to = generator() % random.n;
          EXPECT_EQ(HopDistance(g, loaded.Id("v" + std::to_string(from)), loaded.Id("v" + std::to_string(to)), direction,
                                kAllTypes, ws),
                    static_cast<int32_t>(hops[to]))
              << from << " -> " << to;
          double weighted = WeightedDistance(g, loaded.Id("v" + std::to_string(from)), loaded.Id("v" + std::to_string(to)),
                                             Direction::kOut, kAllTypes, ws);
          EXPECT_NEAR(weighted, cost[to], 1e-9) << from << " -> " << to;
        }
      }
    }
  }
}

// The Dijkstra the CLI's `path --weighted` runs: every direction, the path it leaves, both cost
// conventions, against the textbook search (hop costs w, or 1/w, cheapest of the arcs a hop may
// take). Weights are cents, so many paths tie; any cheapest path is right.
TEST(Engine, WeightedPathsMatchTextbookDijkstraInEveryDirection) {
  for (uint64_t seed : {4, 5}) {
    RandomGraph random = MakeRandom(500, 2000, seed);
    Loaded loaded = LoadText(random.csv);
    const Csr& g = loaded.graph.csr;
    SearchWorkspace ws(g.node_count());
    std::map<std::pair<uint32_t, uint32_t>, double> arc_weight;  // by our node indices
    for (auto [u, v, w] : random.arcs) arc_weight[{loaded.Id("v" + std::to_string(u)), loaded.Id("v" + std::to_string(v))}] = w;
    std::mt19937 generator(static_cast<uint32_t>(seed));
    for (ArcCost convention : {ArcCost::kWeight, ArcCost::kInverseWeight}) {
      RandomGraph costed = random;
      if (convention == ArcCost::kInverseWeight) {
        for (auto& [u, v, w] : costed.arcs) w = 1.0 / w;
      }
      for (int query = 0; query < 20; ++query) {
        uint32_t from = generator() % random.n;
        for (Direction direction : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
          std::vector<double> cost = ReferenceDistances(costed, from, direction, true);
          for (int target = 0; target < 8; ++target) {
            uint32_t to = generator() % random.n;
            uint32_t a = loaded.Id("v" + std::to_string(from)), b = loaded.Id("v" + std::to_string(to));
            std::vector<uint32_t> path;
            double got = WeightedDistance(g, a, b, ViewFilter{kAllTypes, direction}, ws, convention, &path);
            EXPECT_NEAR(got, cost[to], 1e-9) << from << " -> " << to;
            if (cost[to] < 0) {
              EXPECT_TRUE(path.empty());
              continue;
            }
            ASSERT_FALSE(path.empty());
            EXPECT_EQ(path.front(), a);
            EXPECT_EQ(path.back(), b);
            double sum = 0;
            for (size_t i = 0; i + 1 < path.size(); ++i) {
              double best = std::numeric_limits<double>::infinity();
              auto take = [&](uint32_t x, uint32_t y) {
                auto it = arc_weight.find({x, y});
                if (it != arc_weight.end()) best = std::min(best, convention == ArcCost::kWeight ? it->second : 1.0 / it->second);
              };
              if (direction != Direction::kIn) take(path[i], path[i + 1]);
              if (direction != Direction::kOut) take(path[i + 1], path[i]);
              ASSERT_LT(best, std::numeric_limits<double>::infinity()) << "no arc for a hop of the path";
              sum += best;
            }
            EXPECT_NEAR(sum, cost[to], 1e-9) << from << " -> " << to;
          }
        }
      }
    }
  }
}

TEST(Engine, BreadthFirstMatchesTextbookSearchInBothPhases) {
  // Dense enough that the direction-optimising search goes bottom-up and back.
  RandomGraph random = MakeRandom(3000, 30000, 7);
  Loaded loaded = LoadText(random.csv);
  const Csr& g = loaded.graph.csr;
  SearchWorkspace ws(g.node_count());
  for (uint32_t from : {0u, 1u, 17u, 1500u, 2999u}) {
    std::vector<double> expected = ReferenceDistances(random, from, Direction::kOut, false);
    BfsSummary summary = BreadthFirst(g, loaded.Id("v" + std::to_string(from)), true, ws);
    uint32_t reached = 0, eccentricity = 0;
    uint64_t sum = 0;
    for (uint32_t v = 0; v < random.n; ++v) {
      EXPECT_EQ(ws.distances()[loaded.Id("v" + std::to_string(v))], static_cast<int32_t>(expected[v])) << v;
      if (expected[v] >= 0) ++reached, sum += static_cast<uint64_t>(expected[v]), eccentricity = std::max(eccentricity, static_cast<uint32_t>(expected[v]));
    }
    EXPECT_EQ(summary.reached, reached);
    EXPECT_EQ(summary.distance_sum, sum);
    EXPECT_EQ(summary.eccentricity, eccentricity);
  }
}

TEST(Engine, WorkspaceSurvivesEpochWrapAround) {
  RandomGraph random = MakeRandom(200, 800, 11);
  Loaded loaded = LoadText(random.csv);
  SearchWorkspace ws(loaded.graph.csr.node_count());
  SearchWorkspace fresh(loaded.graph.csr.node_count());
  ws.epoch_ = UINT32_MAX - 7;
  for (uint32_t query = 0; query < 20; ++query) {
    uint32_t from = query * 7 % 200, to = query * 13 % 200;
    EXPECT_EQ(HopDistance(loaded.graph.csr, from, to, Direction::kBoth, kAllTypes, ws),
              HopDistance(loaded.graph.csr, from, to, Direction::kBoth, kAllTypes, fresh));
    EXPECT_EQ(WeightedDistance(loaded.graph.csr, from, to, Direction::kOut, kAllTypes, ws),
              WeightedDistance(loaded.graph.csr, from, to, Direction::kOut, kAllTypes, fresh));
  }
}

TEST(Engine, NeighbourhoodSizeCountsWithinDepth) {
  RandomGraph random = MakeRandom(500, 1500, 5);
  Loaded loaded = LoadText(random.csv);
  SearchWorkspace ws(loaded.graph.csr.node_count());
  for (uint32_t center : {0u, 3u, 250u}) {
    std::vector<double> hops = ReferenceDistances(random, center, Direction::kBoth, false);
    for (int depth : {1, 2, 3}) {
      uint32_t expected = 0;
      for (double h : hops) expected += h >= 0 && h <= depth;
      EXPECT_EQ(NeighbourhoodSize(loaded.graph.csr, loaded.Id("v" + std::to_string(center)), depth, Direction::kBoth, ws), expected);
    }
  }
}

// A CSR with the nodes numbered like a Graph built by graph_builder.h, for cross-checks with
// the NetworkX-tested centrality.h.
struct Twin {
  Graph graph;
  Loaded loaded;
};

Twin MakeTwin(const RandomGraph& random) {
  std::vector<std::string> ids;
  for (uint32_t v = 0; v < random.n; ++v) ids.push_back("v" + std::to_string(v));
  std::vector<testing::Edge> edges;
  for (auto [u, v, w] : random.arcs) edges.push_back({ids[u], ids[v], "backs", w});
  return Twin{testing::MakeGraph(ids, edges), LoadText(random.csv)};
}

TEST(Engine, WholeGraphKernelsMatchTheNetworkXCheckedDefinitions) {
  // On a simple digraph (no parallel arcs, no self-loops) the raw exact Brandes sum equals
  // centrality.h's unnormalised directed betweenness, and PageRank is the same fixed point.
  RandomGraph random = MakeRandom(400, 2000, 21);
  Twin twin = MakeTwin(random);
  Csr view(twin.graph);
  CentralityOptions options;
  options.filter.direction = Direction::kOut;
  std::vector<double> betweenness = Centrality(view, query::Measure::kBetweenness, options);
  std::vector<double> pagerank = Centrality(view, query::Measure::kPageRank, options);
  const Csr& g = twin.loaded.graph.csr;
  std::vector<uint32_t> all(g.node_count());
  for (uint32_t v = 0; v < g.node_count(); ++v) all[v] = v;
  for (int threads : {1, 2}) {
    std::vector<double> fast = Betweenness(g, all, threads);
    PageRankOptions pagerank_options;
    pagerank_options.threads = threads;
    pagerank_options.tolerance = 1e-12;
    std::vector<double> fast_rank = PageRank(g, pagerank_options);
    for (uint32_t v = 0; v < random.n; ++v) {
      uint32_t id = twin.loaded.Id("v" + std::to_string(v));
      EXPECT_NEAR(fast[id], betweenness[v], 1e-9 * std::max(1.0, betweenness[v])) << v;
      EXPECT_NEAR(fast_rank[id], pagerank[v], 1e-9) << v;
    }
  }
  // Closeness against the textbook search; components against a search over both directions.
  std::vector<double> closeness = OutCloseness(g, 2);
  for (uint32_t v = 0; v < random.n; v += 9) {
    std::vector<double> distance = ReferenceDistances(random, v, Direction::kOut, false);
    double reached = 0, sum = 0;
    for (double d : distance) {
      if (d > 0) reached += 1, sum += d;
    }
    EXPECT_NEAR(closeness[twin.loaded.Id("v" + std::to_string(v))], reached > 0 ? reached / sum : 0.0, 1e-12) << v;
  }
}

TEST(Engine, KernelsWalkTheCliGraphWithItsFiltersAndSymmetricTypes) {
  // One structure for the CLI and the engine: a Csr of a typed graph. Relations (hand-made):
  // a -partners_with-> b (symmetric), b -invests_in-> c, d -backs-> c, c -backs-> c (a
  // self-loop), and two parallel relations a -> e (backs 2, invests_in 4).
  Graph graph = testing::MakeGraph({"a", "b", "c", "d", "e"}, {{"a", "b", "partners_with"},
                                                             {"b", "c", "invests_in"},
                                                             {"d", "c", "backs"},
                                                             {"c", "c", "backs"},
                                                             {"a", "e", "backs", 2.0},
                                                             {"a", "e", "invests_in", 4.0}});
  Csr csr(graph);
  SearchWorkspace ws(csr.node_count());
  const uint32_t a = 0, b = 1, c = 2, d = 3, e = 4;
  const uint64_t invests = csr.TypeMask({"invests_in"}), partners = csr.TypeMask({"partners_with"});
  // --direction out: arrows, but partners_with both ways (b -> a is a hop).
  EXPECT_EQ(HopDistance(csr, b, a, ViewFilter{kAllTypes, Direction::kOut}, ws), 1);
  EXPECT_EQ(HopDistance(csr, c, a, ViewFilter{kAllTypes, Direction::kOut}, ws), -1);
  EXPECT_EQ(HopDistance(csr, c, a, ViewFilter{kAllTypes, Direction::kIn}, ws), 2);
  EXPECT_EQ(HopDistance(csr, d, a, ViewFilter{kAllTypes, Direction::kBoth}, ws), 3);
  // Type filters are masks: without partners_with, a cannot reach c.
  EXPECT_EQ(HopDistance(csr, a, c, ViewFilter{invests, Direction::kOut}, ws), -1);
  EXPECT_EQ(HopDistance(csr, a, c, ViewFilter{invests | partners, Direction::kOut}, ws), 2);
  // The path the CLI prints comes from the same search.
  std::vector<uint32_t> path;
  EXPECT_EQ(HopDistance(csr, d, a, ViewFilter{kAllTypes, Direction::kBoth}, ws, &path), 3);
  EXPECT_EQ(path, (std::vector<uint32_t>{d, c, b, a}));
  EXPECT_EQ(HopDistance(csr, c, a, ViewFilter{kAllTypes, Direction::kOut}, ws, &path), -1);
  EXPECT_TRUE(path.empty());
  // Weighted: cost = weight in the engine; the cheaper parallel relation a -> e counts.
  EXPECT_EQ(WeightedDistance(csr, a, e, ViewFilter{kAllTypes, Direction::kOut}, ws), 2.0);
  EXPECT_EQ(WeightedDistance(csr, a, e, ViewFilter{invests, Direction::kOut}, ws), 4.0);
  // The CLI's neighbour view of the same arcs: distinct neighbours, cheapest cost 1/weight,
  // self-loops skipped; a's successors are b (symmetric) and e (cost 1/4 via invests_in).
  std::vector<std::tuple<uint32_t, double, RelationIndex>> seen;
  csr.ForEachSuccessor(a, ViewFilter{kAllTypes, Direction::kOut},
                       [&](uint32_t v, double cost, RelationIndex r) { seen.emplace_back(v, cost, r); });
  EXPECT_EQ(seen, (std::vector<std::tuple<uint32_t, double, RelationIndex>>{{b, 1.0, 0}, {e, 0.25, 5}}));
  seen.clear();
  csr.ForEachSuccessor(c, ViewFilter{kAllTypes, Direction::kBoth},
                       [&](uint32_t v, double cost, RelationIndex r) { seen.emplace_back(v, cost, r); });
  EXPECT_EQ(seen, (std::vector<std::tuple<uint32_t, double, RelationIndex>>{{b, 1.0, 1}, {d, 1.0, 2}}));
  EXPECT_EQ(NeighbourhoodSize(csr, c, 1, ViewFilter{kAllTypes, Direction::kBoth}, ws), 3u);
}

TEST(Engine, WeakComponentsCountsIslands) {
  // Three islands: a path 0-1-2 (arrows mixed), a pair 3<-4, and 5 alone with a self-loop.
  Loaded loaded = LoadText("s,t,r,w\nv0,v1,x,1\nv2,v1,x,1\nv4,v3,x,1\nv5,v5,x,1\n");
  Components components = WeakComponents(loaded.graph.csr);
  EXPECT_EQ(components.count, 3u);
  EXPECT_EQ(components.largest, 3u);
  EXPECT_EQ(components.component[loaded.Id("v2")], components.component[loaded.Id("v0")]);
  EXPECT_NE(components.component[loaded.Id("v3")], components.component[loaded.Id("v0")]);
  // A bigger random graph: the count equals that of a plain search.
  RandomGraph random = MakeRandom(2000, 1500, 3);
  Loaded big = LoadText(random.csv);
  Components found = WeakComponents(big.graph.csr);
  std::vector<int> seen(random.n, 0);
  uint32_t count = 0, largest = 0;
  for (uint32_t v = 0; v < random.n; ++v) {
    if (seen[v]) continue;
    ++count;
    std::vector<double> hops = ReferenceDistances(random, v, Direction::kBoth, false);
    uint32_t size = 0;
    for (uint32_t w = 0; w < random.n; ++w) {
      if (hops[w] >= 0) seen[w] = 1, ++size;
    }
    largest = std::max(largest, size);
  }
  EXPECT_EQ(found.count, count);
  EXPECT_EQ(found.largest, largest);
}

}  // namespace
}  // namespace relgraph::query
