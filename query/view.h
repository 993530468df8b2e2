// GraphView: an immutable compressed-sparse-row (CSR) image of a graph's topology that every
// query walks. Built once per graph, from a Graph or from the Topology the store keeps (so a
// large stored graph is searched without loading its text); relation-type and direction
// filters are applied while walking (a bitmask test per arc), never by copying the graph.
// Node and relation indices are the topology's (for a Graph: its entity and relation indices).
//
// Layout: for each entity, its outgoing arcs and its incoming arcs, each sorted by neighbour,
// with the relation's type code (< 64), weight and index in parallel arrays. A relation is one
// outgoing arc of its source and one incoming arc of its target; a symmetric relation is also
// walked from target to source.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "graph/topology.h"

namespace relgraph::query {

// Which way relations may be walked. A symmetric relation is walked both ways in every mode.
enum class Direction { kOut, kIn, kBoth };

// The relation types a question uses, as a bitmask over the view's type codes.
struct ViewFilter {
  uint64_t types = ~uint64_t{0};
  Direction direction = Direction::kOut;
};

class GraphView {
 public:
  // Throw Error(kInput) when the schema has more than 64 relation types.
  explicit GraphView(const Graph& graph);
  GraphView(const Schema& schema, const Topology& topology);

  uint32_t node_count() const { return static_cast<uint32_t>(out_offsets_.size() - 1); }

  // Bitmask of the given relation type names (empty: all). Unknown names are ignored: callers
  // validate names against the schema first.
  uint64_t TypeMask(const std::vector<std::string>& type_names) const;

  // Calls fn(neighbour, min_cost, relation_index_of_a_cheapest_arc) once per distinct
  // neighbour that `node` can step to under the filter (successors), or that can step to
  // `node` (predecessors). Cost of an arc is 1 / weight. Self-loops are skipped. Neighbours
  // come in increasing order.
  template <typename Fn>
  void ForEachSuccessor(uint32_t node, const ViewFilter& filter, Fn&& fn) const {
    Merge(node, filter, /*successors=*/true, fn);
  }
  template <typename Fn>
  void ForEachPredecessor(uint32_t node, const ViewFilter& filter, Fn&& fn) const {
    Merge(node, filter, /*successors=*/false, fn);
  }

  // Every relation between a and b that the filter lets one walk from a to b, as
  // (relation index, forward) where forward says the relation points from a to b.
  std::vector<std::pair<RelationIndex, bool>> RelationsBetween(uint32_t a, uint32_t b, const ViewFilter& filter) const;

 private:
  struct ArcRange {
    uint32_t begin, end;
  };
  ArcRange Out(uint32_t node) const { return {out_offsets_[node], out_offsets_[node + 1]}; }
  ArcRange In(uint32_t node) const { return {in_offsets_[node], in_offsets_[node + 1]}; }

  // Arcs an out-list (or in-list) contributes in the direction asked for.
  uint64_t ForwardMask(const ViewFilter& filter) const {
    return filter.direction == Direction::kIn ? (filter.types & symmetric_) : filter.types;
  }
  uint64_t ReverseMask(const ViewFilter& filter) const {
    return filter.direction == Direction::kOut ? (filter.types & symmetric_) : filter.types;
  }

  // Merges a node's out- and in-lists (both sorted by neighbour), keeping accepted arcs and
  // reporting each neighbour once with its cheapest arc.
  template <typename Fn>
  void Merge(uint32_t node, const ViewFilter& filter, bool successors, Fn& fn) const {
    // For successors, out-arcs walk forward and in-arcs walk against their arrow; for
    // predecessors the roles swap.
    uint64_t out_mask = successors ? ForwardMask(filter) : ReverseMask(filter);
    uint64_t in_mask = successors ? ReverseMask(filter) : ForwardMask(filter);
    ArcRange out = Out(node), in = In(node);
    uint32_t i = out.begin, j = in.begin;
    while (true) {
      // Skip arcs the filter rejects and self-loops.
      while (i < out.end && (!((out_mask >> out_type_[i]) & 1) || out_target_[i] == node)) ++i;
      while (j < in.end && (!((in_mask >> in_type_[j]) & 1) || in_source_[j] == node)) ++j;
      if (i == out.end && j == in.end) return;
      uint32_t neighbour = (j == in.end || (i < out.end && out_target_[i] <= in_source_[j])) ? out_target_[i] : in_source_[j];
      double best = 1e300;
      RelationIndex best_relation = 0;
      for (; i < out.end && out_target_[i] == neighbour; ++i) {
        if (((out_mask >> out_type_[i]) & 1) && out_cost_[i] < best) best = out_cost_[i], best_relation = out_relation_[i];
      }
      for (; j < in.end && in_source_[j] == neighbour; ++j) {
        if (((in_mask >> in_type_[j]) & 1) && in_cost_[j] < best) best = in_cost_[j], best_relation = in_relation_[j];
      }
      fn(neighbour, best, best_relation);
    }
  }

  std::vector<std::string> type_names_;  // code -> name
  uint64_t symmetric_ = 0;               // codes of symmetric types
  std::vector<uint32_t> out_offsets_, out_target_, out_relation_;
  std::vector<uint8_t> out_type_;
  std::vector<double> out_cost_;
  std::vector<uint32_t> in_offsets_, in_source_, in_relation_;
  std::vector<uint8_t> in_type_;
  std::vector<double> in_cost_;
};

}  // namespace relgraph::query
