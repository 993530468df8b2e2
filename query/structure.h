// The structure of the connection graph: connected pieces, cores, brokers (articulation
// points) and vertex-disjoint paths. Communities are in communities.h.
//
// Every measure here runs on a SimpleGraph: a compact compressed-sparse-row image of the
// connection graph (one arc u->v when at least one selected relation lets one walk from u to v,
// a symmetric relation both ways; parallel relations one arc; self-loops left out). Undirected
// (both arcs for every related pair) unless made with `directed`. ConnectionGraph is the one
// function that reads a Csr; everything else sees only the arrays. SimpleGraph models
// Boost.Graph's VertexListGraph, EdgeListGraph-free IncidenceGraph and AdjacencyGraph concepts
// (query/bgl_graph.h, private to query/), so BGL algorithms run on it without a copy.
//
// Which code does the work:
// - ConnectedComponents: our own BFS over the arrays (O(n + m); one flat queue, no visitor
//   indirection, faster than boost::connected_components' DFS with a colour map).
// - StrongComponents: boost::strong_components (Tarjan, O(n + m)).
// - CoreNumbers: boost::core_numbers (Batagelj–Zaversnik bucket algorithm, O(n + m)).
// - Components, strong components and cores straight on a Csr: our own loops (below), which the
//   CLI and the benchmark worker run.
// - Brokers: boost::biconnected_components (Hopcroft–Tarjan, O(n + m)) with its discover-time,
//   low-point and predecessor maps, from which the pieces are sized in O(n).
// - DisjointPaths: boost::boykov_kolmogorov_max_flow on a split-vertex network (each entity an
//   in-node and an out-node joined by capacity 1), O(paths * m) on unit capacities.
#pragma once

#include <cstdint>
#include <vector>

#include "query/csr.h"

namespace relgraph::query {

// Arcs of node u: neighbours[offsets[u] .. offsets[u+1]), sorted ascending, no duplicates, no
// self-loop. Undirected graphs list every edge at both ends.
struct SimpleGraph {
  bool directed = false;
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> neighbours;

  uint32_t node_count() const { return static_cast<uint32_t>(offsets.size() - 1); }
  // Undirected: number of edges; directed: number of arcs.
  uint64_t edge_count() const { return directed ? neighbours.size() : neighbours.size() / 2; }
  uint32_t degree(uint32_t node) const { return offsets[node + 1] - offsets[node]; }
  const uint32_t* begin(uint32_t node) const { return neighbours.data() + offsets[node]; }
  const uint32_t* end(uint32_t node) const { return neighbours.data() + offsets[node + 1]; }
};

// The connection graph of the view restricted to the relation types in `types` (a
// Csr::TypeMask): undirected (`centrality --direction both`) or, with directed, one arc
// per direction a selected relation may be walked (`--direction out`). O(n + m).
SimpleGraph ConnectionGraph(const Csr& view, uint64_t types, bool directed);

// Connected components (weakly connected for a directed graph, whose arcs are then read both
// ways only if the caller built it undirected: pass an undirected graph), each sorted by node;
// components ordered largest first, ties by smallest node. Isolated nodes are components of one.
std::vector<std::vector<uint32_t>> ConnectedComponents(const SimpleGraph& graph);

// Strongly connected components of a directed graph (NetworkX strongly_connected_components),
// ordered as ConnectedComponents.
std::vector<std::vector<uint32_t>> StrongComponents(const SimpleGraph& graph);

// Core number of every node of an undirected graph (NetworkX core_number): the largest k such
// that the node is in a subgraph where every node has degree >= k. Isolated nodes: 0.
std::vector<uint32_t> CoreNumbers(const SimpleGraph& graph);

// The same three on the Csr itself, walked under the type mask with no connection graph built
// (what `relgraph components|core` run): equal to the functions above on ConnectionGraph(view,
// types, false) (components, cores) or ConnectionGraph(view, types, true) (strong components).
// - ConnectedComponents: union-find over the selected out-arcs (path halving, union by index),
//   O(m α(n)); parallel arcs and self-loops change nothing.
// - StrongComponents: Tarjan's algorithm, iterative, over the selected out-arcs and the
//   in-arcs of symmetric types (walked against their arrow), O(n + m).
// - CoreNumbers: Batagelj–Zaversnik bucket peeling over each node's distinct neighbours (its
//   raw out- and in-arcs, repeats dropped by a stamp per node), O(n + m).
std::vector<std::vector<uint32_t>> ConnectedComponents(const Csr& view, uint64_t types);
std::vector<std::vector<uint32_t>> StrongComponents(const Csr& view, uint64_t types);
std::vector<uint32_t> CoreNumbers(const Csr& view, uint64_t types);

// An articulation point of an undirected graph: removing it splits its connected component
// into `pieces` >= 2 connected pieces; `cut_off` counts the entities in all the pieces but the
// largest (those the removal separates from the main body; the broker itself not counted).
struct Broker {
  uint32_t node;
  uint32_t pieces;
  uint32_t cut_off;
};
// Every articulation point, by cut_off descending, ties by node.
std::vector<Broker> Brokers(const SimpleGraph& graph);

// A largest set of paths from `from` to `to` that share no node but their ends (NetworkX
// node_disjoint_paths; their number is the local node connectivity). On a directed graph the
// paths follow arcs. An edge from-to is one path of one hop. Each path lists its nodes from `from` to `to`; paths
// ordered by length, then by their node sequence. Empty when from == to or no path exists.
std::vector<std::vector<uint32_t>> DisjointPaths(const SimpleGraph& graph, uint32_t from, uint32_t to);

}  // namespace relgraph::query
