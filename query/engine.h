// The fast query engine: algorithms over a query::Csr (csr.h) for large graphs. Nodes are Csr
// indices; an edge u->v is one arc (parallel edges and self-loops count as they are), and
// weights are the Csr's (cost of an edge = its weight, not 1/weight as in paths.h).
// The CLI's NetworkX-defined queries stay in paths.h / centrality.h over a Csr.
//
// Point queries take a SearchWorkspace: scratch state reused across queries whose visited
// marks are epoch stamps, so a query costs what it touches, not O(n). Whole-graph kernels
// (PageRank, betweenness, closeness) take a thread count and keep per-thread state.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_set>
#include <utility>
#include <vector>

#include "query/csr.h"

namespace relgraph::query {

constexpr uint64_t kAllTypes = ~uint64_t{0};

// Scratch state for point queries on graphs of up to `node_count` nodes. Not thread-safe: one
// workspace per thread. Memory: about 45 bytes per node, 8 more once a search kept a path.
class SearchWorkspace {
 public:
  explicit SearchWorkspace(uint32_t node_count);

  // Distances of the last BreadthFirst() call with record_distances, -1 where unreached (empty
  // before the first such call).
  std::span<const int32_t> distances() const { return distance_; }

  // Engine internals (engine.cpp).
  uint32_t NextEpoch();  // a fresh pair of marks (epoch, epoch + 1); clears on wrap-around
  struct Dist {
    double forward, backward;
    uint32_t forward_stamp, backward_stamp;
  };
  uint32_t node_count_;
  uint32_t epoch_ = 0;
  RawVector<uint32_t> mark_;  // RawVector: one huge page rather than a hundred small ones
  std::vector<Dist> dist_;
  std::vector<std::pair<double, uint32_t>> heap_forward_, heap_backward_;
  std::vector<uint32_t> queue_, next_;
  std::vector<uint64_t> visited_, front_, next_bits_;
  std::vector<int32_t> distance_;
  RawVector<uint32_t> parent_;           // HopDistance's path and WeightedDistance's forward side,
  RawVector<uint32_t> parent_backward_;  // and its backward side: allocated on first use
};

// Fewest edges on a path from `from` to `to` walking arcs whose type is in `types` (bit c =
// type code c): kOut follows arrows, kIn walks against them, kBoth ignores them. -1 when
// unreachable, 0 when from == to. Bidirectional breadth-first search expanding the side whose
// frontier has fewer arcs; O(arcs touched).
// With `path`, one shortest path from `from` to `to` (its nodes, both ends included; empty when
// unreachable) is left there.
int32_t HopDistance(const Csr& graph, uint32_t from, uint32_t to, const ViewFilter& filter, SearchWorkspace& workspace,
                    std::vector<uint32_t>* path = nullptr);
inline int32_t HopDistance(const Csr& graph, uint32_t from, uint32_t to, Direction direction, uint64_t types,
                           SearchWorkspace& workspace) {
  return HopDistance(graph, from, to, ViewFilter{types, direction}, workspace);
}

// What a hop of a weighted search costs: the arc's weight (the engine's convention, as igraph
// and graph-tool take it), or 1/weight (the CLI's, paths.h: a strong relation is a short hop).
// Among parallel arcs the cheapest counts.
enum class ArcCost { kWeight, kInverseWeight };

// What a search must not use (Yen's spur searches, paths.h): nodes by index (empty: none), and
// hops u->v in the walking direction, as (u << 32) | v.
struct SearchBlocks {
  std::vector<uint8_t> nodes;
  std::unordered_set<uint64_t> arcs;
  bool Arc(uint32_t u, uint32_t v) const { return !arcs.empty() && arcs.count((uint64_t{u} << 32) | v) > 0; }
  bool Node(uint32_t u) const { return !nodes.empty() && nodes[u]; }
  bool empty() const { return nodes.empty() && arcs.empty(); }
};

// Smallest sum of arc costs on a path from `from` to `to` (same walking rules), -1 when
// unreachable, 0 when from == to. Bidirectional Dijkstra with binary heaps, stopping when the
// two smallest keys add up to the best meeting found; O(touched * log touched). The one
// Dijkstra of relgraph: the benchmark worker's pairs and the CLI's `path --weighted` (with
// `path`: the nodes of one cheapest path, both ends included, empty when unreachable; with
// `blocks`: avoiding those nodes and hops; `from` and `to` must not be blocked).
double WeightedDistance(const Csr& graph, uint32_t from, uint32_t to, const ViewFilter& filter, SearchWorkspace& workspace,
                        ArcCost cost = ArcCost::kWeight, std::vector<uint32_t>* path = nullptr,
                        const SearchBlocks* blocks = nullptr);
inline double WeightedDistance(const Csr& graph, uint32_t from, uint32_t to, Direction direction, uint64_t types,
                               SearchWorkspace& workspace) {
  return WeightedDistance(graph, from, to, ViewFilter{types, direction}, workspace);
}

struct BfsSummary {
  uint32_t reached = 0;       // nodes at finite distance, the source included
  uint64_t distance_sum = 0;  // sum of their distances
  uint32_t eccentricity = 0;  // the largest distance
};

// Breadth-first search over out-arcs from `source` (all types). With record_distances the
// distance of every node is left in workspace.distances(). Direction-optimising (Beamer et al.
// 2012): top-down steps while the frontier is small, bottom-up steps over in-arcs while it is
// large. O(n + m) per call.
BfsSummary BreadthFirst(const Csr& graph, uint32_t source, bool record_distances, SearchWorkspace& workspace);

// Number of nodes within `depth` steps of `center` (center included), walking as in
// HopDistance with all types. O(arcs of the nodes within depth - 1).
uint32_t NeighbourhoodSize(const Csr& graph, uint32_t center, int depth, const ViewFilter& filter, SearchWorkspace& workspace);
inline uint32_t NeighbourhoodSize(const Csr& graph, uint32_t center, int depth, Direction direction,
                                  SearchWorkspace& workspace) {
  return NeighbourhoodSize(graph, center, depth, ViewFilter{kAllTypes, direction}, workspace);
}

// Weakly connected components: component[v] is the smallest node index of v's component.
struct Components {
  std::vector<uint32_t> component;
  uint32_t count = 0;
  uint32_t largest = 0;
};
// Union-find with the Afforest sampling of Sutton et al. 2018; O(n + m) in practice.
Components WeakComponents(const Csr& graph);

// in-degree + out-degree of every node into degree[0, n). O(n).
void TotalDegree(const Csr& graph, std::span<uint32_t> degree);

struct PageRankOptions {
  double damping = 0.85;         // in [0, 1)
  double tolerance = 1e-6;       // stop when sum |PR_new - PR_old| < tolerance
  int max_iterations = 1000;
  int threads = 1;
};
// PageRank over out-arcs, unweighted (each arc counts; parallel arcs count twice), uniform
// teleport, the rank of nodes without out-arcs spread uniformly, sum 1:
//   PR(v) = (1-d)/n + d * (sum over arcs u->v of PR(u)/outdeg(u) + sum over dangling u of PR(u)/n)
// Power iteration from 1/n pulling over in-arcs (no atomics), node ranges split by in-arcs
// over `threads`; the per-node shares PR(u)/outdeg(u) are gathered as floats (1e-7 relative
// rounding, far below the stopping change). O(m) per iteration, 3 arrays of n. Throws
// Error(kInput) for a damping outside [0, 1).
std::vector<double> PageRank(const Csr& graph, const PageRankOptions& options);

// Directed, unweighted, unnormalised betweenness over out-arcs (Brandes 2001) with the given
// sources: BC(v) = sum over s in sources, t != s, s != v != t of sigma_st(v) / sigma_st; every
// node of the graph as sources gives exact betweenness. No rescaling for sampled sources.
// Parallel arcs count as distinct shortest paths. Sources are shared out dynamically over
// `threads`, each with its own state; the shortest-path DAG found by the forward search is
// kept, so the backward pass reads only its arcs. O(|sources| * m) time, O(n + m) memory per
// thread.
std::vector<double> Betweenness(const Csr& graph, std::span<const uint32_t> sources, int threads);

// Out-closeness: with r nodes reachable from v over out-arcs (v included) at total distance s,
// (r - 1) / s, 0 when r = 1 (igraph normalized=true, graph-tool norm=true). O(n * m).
std::vector<double> OutCloseness(const Csr& graph, int threads);

}  // namespace relgraph::query
