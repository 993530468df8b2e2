// Communities of the undirected connection graph (a SimpleGraph, see structure.h): Leiden and
// Louvain maximising modularity, and modularity itself. Our own kernels: BGL has no community
// detection.
//
// Modularity (NetworkX modularity(G, communities, resolution=R) on the unweighted graph):
//   Q = sum over communities c of  L_c / m  -  R * (d_c / (2m))^2
// with m the number of edges, L_c the edges inside c and d_c the sum of its members' degrees.
// A graph without edges has Q = 0 (NetworkX divides by zero there).
//
// Louvain (Blondel et al. 2008): move single nodes to the neighbouring community of largest
// modularity gain (a queue of nodes to revisit, as Leiden's fast local moving) until no move
// gains; aggregate every community into one node; repeat on the aggregate until nothing moves.
// Louvain may leave a community internally disconnected.
//
// Leiden (Traag, Waltman, van Eck 2019, "From Louvain to Leiden"): the same fast local moving,
// then a refinement of each community, starting from singletons, that merges only
// well-connected nodes into well-connected sub-communities inside it (choosing among merges
// with non-negative gain at random, weight exp(gain / 0.01), i.e. nearly greedily); the graph
// is aggregated on the refined partition while the unrefined one is its starting assignment;
// repeat until every community is one aggregate node. Leiden iterations are repeated from the
// previous answer while an iteration raises modularity by a relative 1e-6 (at most 50); on
// graphs of more than 100,000 edges, where each costs seconds, by 0.5% (at most 10; at least
// two iterations either way, as igraph's default). Graphs up to 100,000 edges get four such
// runs from different visiting orders and keep the one of highest modularity. Every community is connected
// (the algorithm's guarantee; a final pass also splits any community that is not, which can
// only raise modularity).
//
// Randomness (node visiting order, refinement choices) comes from a splitmix64 generator
// seeded with `seed`, so an answer depends only on the graph, method, resolution and seed.
// Time: O(m) per local-moving pass and level; in practice O(m log n) per iteration.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "query/structure.h"

namespace relgraph::query {

enum class CommunityMethod { kLeiden, kLouvain };

struct CommunityOptions {
  CommunityMethod method = CommunityMethod::kLeiden;
  double resolution = 1.0;  // R >= 0, finite
  uint64_t seed = 0;
};

struct CommunityResult {
  // Members ascending; communities largest first, ties by smallest member. Every node is in
  // exactly one (isolated nodes alone).
  std::vector<std::vector<uint32_t>> communities;
  std::vector<uint32_t> membership;  // node -> position in `communities`
  double modularity = 0;
};

// Throws Error(kUsage) when the resolution is negative or not finite. `graph` is undirected.
CommunityResult DetectCommunities(const SimpleGraph& graph, const CommunityOptions& options);

// Modularity of a partition given as node -> community label (any labels < node count).
double Modularity(const SimpleGraph& graph, const std::vector<uint32_t>& membership, double resolution);

// Communities that split or merged between two versions of a graph. Communities are given as
// lists of entity ids (positions = community numbers); only entities present in both versions
// count. A *piece* is the overlap of an old community A and a new community B; it is
// substantial when it holds at least 2 entities and at least 20% of A's (for a split) or B's
// (for a merge) entities present in both versions.
// - A split: an old community with two or more substantial pieces in different new ones.
// - A merge: a new community with two or more substantial pieces from different old ones.
// Each change lists the pieces (community numbers and shared sizes), largest first, ties by
// number; changes come in order of the old (splits) or new (merges) community number.
// O(total members * log).
struct CommunityPiece {
  uint32_t community;  // number in its version
  uint32_t shared;     // entities shared with the other side of the change
};
struct CommunityChange {
  uint32_t community;                 // the community that split (old) or formed (new)
  std::vector<CommunityPiece> parts;  // where it went (split) or came from (merge)
};
struct CommunityChanges {
  std::vector<CommunityChange> splits, merges;
};
CommunityChanges CompareCommunities(const std::vector<std::vector<std::string>>& before,
                                    const std::vector<std::vector<std::string>>& after);

}  // namespace relgraph::query
