// Centrality on the connection graph of a Csr, with NetworkX's definitions.
//
// The connection graph: every entity is a node; one arc u->v when at least one selected
// relation lets one walk from u to v (a symmetric relation gives both arcs); filter.direction
// kOut keeps it directed, kBoth makes it undirected. Parallel relations are one arc; weights are
// not used; self-loops are left out (a relation of an entity with itself says nothing about its
// place among others).
//
// Measures (n = number of nodes; "distance" = hops):
// - kDegree: |predecessors ∪ successors|, NetworkX degree of the undirected graph.
//   normalized: divided by n-1 (degree_centrality).
// - kInDegree / kOutDegree: |predecessors| / |successors| (directed only). normalized: / (n-1).
// - kBetweenness: Brandes (2001): sum over ordered pairs s != v != t of sigma_st(v)/sigma_st.
//   Undirected graphs count each unordered pair once (halved). normalized: directed
//   / ((n-1)(n-2)), undirected * 2 / ((n-1)(n-2)); n <= 2 gives 0. With `sample` = k pivots
//   (chosen by a seeded generator) the sums run over those sources only and are scaled as
//   NetworkX >= 3.5 does with endpoints=False: pivots by (n-1)/(k-1), others by (n-1)/k (then
//   halved and normalised as above). O(nm) time exact, O(km) sampled; O(n + m) memory per thread.
// - kCloseness: Wasserman–Faust closeness of incoming distances (NetworkX closeness_centrality,
//   wf_improved=True): with r nodes that reach u (u excluded) at total distance D,
//   C(u) = (r / D) * (r / (n-1)), 0 when r = 0. O(nm).
// - kHarmonic: sum over v != u that reach u of 1 / d(v, u) (NetworkX harmonic_centrality).
//   O(nm).
// - kPageRank: power iteration on the directed connection graph (both arcs when undirected),
//   damping 0.85, uniform teleport, the rank of nodes without successors spread uniformly.
//   Iterates until the L1 change is below 1e-13 (or 10,000 rounds), so each score is within
//   1e-6 of the fixed point NetworkX converges to. O(m) per round.
// Results are indexed by entity index.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "query/csr.h"

namespace relgraph::query {

enum class Measure { kDegree, kInDegree, kOutDegree, kBetweenness, kCloseness, kHarmonic, kPageRank };

// "degree", "in-degree", ...; throws Error(kUsage) on an unknown name.
Measure ParseMeasure(const std::string& name);
std::string MeasureName(Measure measure);

struct CentralityOptions {
  ViewFilter filter{~uint64_t{0}, Direction::kOut};  // kOut: directed; kBoth: undirected
  bool normalized = false;
  uint32_t sample = 0;  // betweenness pivots; 0 or >= n: exact
  uint64_t seed = 0;    // for the pivots
  int threads = 2;      // betweenness, closeness, harmonic
  // Called now and then during betweenness, closeness and harmonic (one search per source)
  // with the number of sources done and their total, last with done == total; from the calling
  // thread only. Empty: not called.
  std::function<void(size_t done, size_t total)> progress;
};

// Throws Error(kUsage) for in-degree / out-degree with an undirected filter.
std::vector<double> Centrality(const Csr& view, Measure measure, const CentralityOptions& options);

}  // namespace relgraph::query
