// Paths between two entities on a Csr: fewest hops (bidirectional breadth-first search),
// cheapest (Dijkstra, cost 1/weight per hop), and the k shortest loopless paths (Yen). Both
// searches are the engine's kernels (engine.h: HopDistance, WeightedDistance), the ones the
// benchmark worker times; only Yen's spur searches without weights use a breadth-first search
// of their own that honours blocked nodes and hops.
//
// Definitions. A path is a sequence of distinct entities; a hop u->v exists when at least one
// selected relation lets one walk from u to v under the filter's direction (a symmetric
// relation both ways; Direction::kBoth ignores arrows). Parallel relations between u and v are
// one hop whose cost is the smallest 1/weight among them. Unweighted cost = hops. Paths are
// distinct as entity sequences and come in order of cost, then hops, then entity indices.
// This equals NetworkX's shortest_path_length / dijkstra_path_length and the order of costs of
// shortest_simple_paths on the DiGraph (or Graph, for kBoth) with one arc per hop.
// Complexity: O(V + E) per breadth-first search, O(E log V) per Dijkstra; Yen runs k * hops
// searches.
#pragma once

#include <cstdint>
#include <vector>

#include "query/csr.h"

namespace relgraph::query {

class SearchWorkspace;  // engine.h

struct PathOptions {
  ViewFilter filter{~uint64_t{0}, Direction::kBoth};
  bool weighted = false;  // cost 1/weight per hop instead of 1
  int k = 1;              // how many paths, >= 1
  int max_hops = 0;       // 0: no limit; otherwise paths with more hops are not reported
  // Scratch of the engine's breadth-first search (engine.h), sized for the graph, reused by
  // every question that passes it; nullptr: ShortestPaths makes its own when it needs one.
  SearchWorkspace* workspace = nullptr;
};

struct Path {
  std::vector<uint32_t> nodes;  // entity indices, from first to last
  double cost = 0;              // hops, or the sum of 1/weight with PathOptions::weighted
  int hops() const { return static_cast<int>(nodes.size()) - 1; }
};

// Up to k paths from `from` to `to`, cheapest first; empty when `to` cannot be reached (within
// max_hops). from == to gives one path of zero hops.
std::vector<Path> ShortestPaths(const Csr& view, uint32_t from, uint32_t to, const PathOptions& options);

// Distances in hops from `source` to every node (successors), or to `source` from every node
// (predecessors); -1 where unreachable.
std::vector<int32_t> HopDistances(const Csr& view, uint32_t source, const ViewFilter& filter, bool towards_source);

}  // namespace relgraph::query
