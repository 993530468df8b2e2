// Csr: the one graph structure every query walks, the CLI's paths, neighbourhoods, shared
// neighbours and centrality as well as the fast kernels of engine.h that the benchmark worker
// times; and NameTable, the byte-exact name -> node index map that goes with it. Built straight
// from edge arrays (source, target, type code, weight), from a Topology, from a Graph, or (the
// cold path of every CLI question) from the store's graph image, whose relations come grouped by
// source (GroupedTopology, store/image.h): there two counting sorts replace any comparison sort,
// without copying any text.
//
// Layout (n nodes, m edges = relations, ids are uint32):
//   out_offsets[n+1]  out_target[m]  out_type[m] (uint8 code)  out_weight[m] (double)
//   out_relation[m]   (relation index of each arc; empty when arc position = relation index)
//   in_offsets[n+1]   in_source[m]   in_arc[m] (position of the same edge among the out-arcs,
//                                               where its type, weight and relation are)
// Each node's out-arcs are sorted by target, then by relation index; its in-arcs by source,
// then by out position (so by relation index too). Parallel edges and self-loops are kept as
// given (every edge is one arc). A relation is one out-arc of its source and one in-arc of its
// target; a symmetric relation type (bit set in symmetric()) is also walked from target to
// source. Relation-type and direction filters (ViewFilter) are masks tested while walking, never
// copies of the graph: 21 bytes per relation plus 4 for out_relation when kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "common/raw_vector.h"
#include "graph/graph.h"
#include "graph/topology.h"

namespace relgraph::query {

// Which way relations may be walked. A symmetric relation is walked both ways in every mode.
enum class Direction { kOut, kIn, kBoth };

// The relation types a question uses, as a bitmask over the graph's type codes, and the way it
// walks them.
struct ViewFilter {
  uint64_t types = ~uint64_t{0};
  Direction direction = Direction::kOut;
};

// Node names: byte strings (compared byte for byte: no trimming, folding or normalisation) kept
// in one arena and found through an open-addressing hash table. Indices are dense, in order of
// first Intern(). Not thread-safe for writing; const methods may be called concurrently.
class NameTable {
 public:
  NameTable() = default;
  // Index of `name`, adding it when new. Amortised O(|name|).
  uint32_t Intern(std::string_view name);
  // Intern() of names[0..count) in that order into ids[0..count). Faster for bulk loads: the
  // hash-table and name lookups of the whole batch are prefetched before any is used.
  void InternBatch(const std::string_view* names, size_t count, uint32_t* ids);
  // Index of `name`, or nothing. O(|name|) expected.
  std::optional<uint32_t> Find(std::string_view name) const;
  std::string_view Name(uint32_t index) const {
    return {bytes_.data() + offsets_[index], offsets_[index + 1] - offsets_[index]};
  }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size() - 1); }
  // Call once all names are in: gives back the arena's spare capacity and moves lookups from
  // the loading table (8 bytes a slot, half full, a hash tag per slot so probes rarely touch
  // names) to a compact one (4 bytes a slot, 3/4 full): 5.3 instead of 16 bytes per name.
  // A later Intern() rebuilds the loading table first.
  void ShrinkToFit();
  size_t MemoryBytes() const;

 private:
  void Grow();
  void RebuildLoadingTable();
  uint32_t Intern(std::string_view name, uint64_t hash);
  std::vector<char> bytes_;
  std::vector<uint32_t> offsets_{0};
  std::vector<uint64_t> slots_;    // loading table: 0 = empty; else (hash >> 32) << 32 | (index + 1)
  std::vector<uint32_t> compact_;  // after ShrinkToFit: 0 = empty; else index + 1
};

// RawVector and its allocator (large arrays on transparent huge pages) live in
// common/raw_vector.h, shared with the store's grouped topology.
using relgraph::AllocateLarge;
using relgraph::FreeLarge;
using relgraph::kLargeBytes;
using relgraph::RawVector;
using relgraph::UninitializedAllocator;

// Edges as parallel arrays: the input of Csr::Build.
struct EdgeArrays {
  std::vector<uint32_t> source, target;
  std::vector<uint8_t> type;  // relation type code, < 64 (so that filters are 64-bit masks)
  std::vector<double> weight;
  size_t size() const { return source.size(); }
};

class Csr {
 public:
  Csr() = default;

  // Builds the CSR of `node_count` nodes from `edges` (edge e is relation e), releasing the
  // arrays as it goes (peak memory about 38 bytes per edge). With keep_relation_index the
  // relation index of every arc is kept (out_relation); without it RelationOf(arc) is the arc
  // position, which saves 4 bytes an edge where nobody needs the input order. Throws
  // Error(kInput) when an id is >= node_count, a type code is >= 64, the arrays differ in
  // length, or there are 2^32 edges or more. O(n + m).
  static Csr Build(uint32_t node_count, EdgeArrays&& edges, bool keep_relation_index = false);
  // The same from arrays the caller keeps (edge e is relation e; nothing is copied first).
  static Csr Build(uint32_t node_count, std::span<const uint32_t> source, std::span<const uint32_t> target,
                   std::span<const uint8_t> type, std::span<const double> weight, bool keep_relation_index);
  // The graph of a store's topology (or of a Graph): node and relation indices are the
  // topology's, type codes the schema's positions. Throws Error(kInput) when the schema has
  // more than 64 relation types.
  Csr(const Schema& schema, const Topology& topology);
  explicit Csr(const Graph& graph);
  // The same from a topology grouped by source (the store's graph image, GroupedTopology):
  // relation indices are its positions. Each node's relations (in key order: by type, then
  // target) are put in target order where they lie, which is sequential and cheap (a node's
  // relations are few, and with one type already in order); one counting sort then reads the
  // in-arcs off the out-arcs. O(n + m log(max out-degree)). Weights are `weight`, or
  // weight_table[weight_code[r]] (codes < table size), or all 1 when both are empty. Throws
  // Error(kInput) as Build does, and when the offsets or codes are not consistent.
  Csr(const Schema& schema, const GroupedTopology& grouped);
  static Csr FromGrouped(std::span<const uint32_t> out_offsets, std::span<const uint32_t> target,
                         std::span<const uint8_t> type, std::span<const double> weight /* empty: all 1 */,
                         std::span<const double> weight_table = {}, std::span<const uint16_t> weight_code = {});
  // The same, taking the grouped arrays over (ids are not used): the relations are put in
  // order where they lie, so the out-arcs cost no new memory but out_relation and the weights
  // (a cold question pays for every page it fills). out_offsets must have node count + 1
  // entries.
  static Csr FromGrouped(GroupedTopology&& grouped);

  uint32_t node_count() const { return out_offsets_.empty() ? 0 : static_cast<uint32_t>(out_offsets_.size() - 1); }
  uint32_t edge_count() const { return static_cast<uint32_t>(out_target_.size()); }

  // Relation type names by code and the codes of symmetric types (none unless set).
  void SetTypes(std::vector<std::string> type_names, uint64_t symmetric);
  const std::vector<std::string>& type_names() const { return type_names_; }
  uint64_t symmetric() const { return symmetric_; }
  // Bitmask of the given relation type names (empty: all). Unknown names are ignored: callers
  // validate names against the schema first.
  uint64_t TypeMask(const std::vector<std::string>& type_names) const;

  // Out-arcs of u are positions [OutBegin(u), OutEnd(u)) of out_target/out_type/out_weight.
  uint32_t OutBegin(uint32_t u) const { return out_offsets_[u]; }
  uint32_t OutEnd(uint32_t u) const { return out_offsets_[u + 1]; }
  uint32_t OutDegree(uint32_t u) const { return OutEnd(u) - OutBegin(u); }
  // In-arcs of v are positions [InBegin(v), InEnd(v)) of in_source/in_arc.
  uint32_t InBegin(uint32_t v) const { return in_offsets_[v]; }
  uint32_t InEnd(uint32_t v) const { return in_offsets_[v + 1]; }
  uint32_t InDegree(uint32_t v) const { return InEnd(v) - InBegin(v); }
  // The relation index of out-arc `arc`.
  RelationIndex RelationOf(uint32_t arc) const { return out_relation_.empty() ? arc : out_relation_[arc]; }

  const uint32_t* out_offsets() const { return out_offsets_.data(); }
  const uint32_t* out_target() const { return out_target_.data(); }
  const uint8_t* out_type() const { return out_type_.data(); }
  // Built on first use when the weights came coded (or all 1) from a graph image: a question
  // that never weighs an arc (a breadth-first path) does not pay for 8 bytes a relation.
  // Thread-safe.
  const double* out_weight() const { return Weights(); }
  const uint32_t* in_offsets() const { return in_offsets_.data(); }
  const uint32_t* in_source() const { return in_source_.data(); }
  const uint32_t* in_arc() const { return in_arc_.data(); }

  // Masks of the arcs a walk may take under a filter: forward = along the arrow (an out-arc
  // walked from its source), reverse = against it (an in-arc walked from its target).
  uint64_t ForwardMask(const ViewFilter& filter) const {
    return filter.direction == Direction::kIn ? (filter.types & symmetric_) : filter.types;
  }
  uint64_t ReverseMask(const ViewFilter& filter) const {
    return filter.direction == Direction::kOut ? (filter.types & symmetric_) : filter.types;
  }

  // The connection-graph view the CLI's NetworkX-defined questions use. Calls
  // fn(neighbour, min_cost, relation_index_of_a_cheapest_arc) once per distinct neighbour that
  // `node` can step to under the filter (successors), or that can step to `node`
  // (predecessors). Cost of an arc is 1 / weight. Self-loops are skipped. Neighbours come in
  // increasing order. Direction::kBoth gives the undirected neighbours.
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

  size_t MemoryBytes() const;

 private:
  // Merges a node's out- and in-lists (both sorted by neighbour), keeping accepted arcs and
  // reporting each neighbour once with its cheapest arc.
  template <typename Fn>
  void Merge(uint32_t node, const ViewFilter& filter, bool successors, Fn& fn) const {
    // For successors, out-arcs walk forward and in-arcs walk against their arrow; for
    // predecessors the roles swap.
    const uint64_t out_mask = successors ? ForwardMask(filter) : ReverseMask(filter);
    const uint64_t in_mask = successors ? ReverseMask(filter) : ForwardMask(filter);
    const uint8_t* type = out_type_.data();
    const double* weight = Weights();
    uint32_t i = out_mask ? out_offsets_[node] : out_offsets_[node + 1], out_end = out_offsets_[node + 1];
    uint32_t j = in_mask ? in_offsets_[node] : in_offsets_[node + 1], in_end = in_offsets_[node + 1];
    while (true) {
      // Skip arcs the filter rejects and self-loops.
      while (i < out_end && (!((out_mask >> type[i]) & 1) || out_target_[i] == node)) ++i;
      while (j < in_end && (!((in_mask >> type[in_arc_[j]]) & 1) || in_source_[j] == node)) ++j;
      if (i == out_end && j == in_end) return;
      uint32_t neighbour = (j == in_end || (i < out_end && out_target_[i] <= in_source_[j])) ? out_target_[i] : in_source_[j];
      double best = 1e300;
      uint32_t best_arc = 0;
      for (; i < out_end && out_target_[i] == neighbour; ++i) {
        if (((out_mask >> type[i]) & 1) && 1.0 / weight[i] < best) best = 1.0 / weight[i], best_arc = i;
      }
      for (; j < in_end && in_source_[j] == neighbour; ++j) {
        uint32_t arc = in_arc_[j];
        if (((in_mask >> type[arc]) & 1) && 1.0 / weight[arc] < best) best = 1.0 / weight[arc], best_arc = arc;
      }
      fn(neighbour, best, RelationOf(best_arc));
    }
  }

  static Csr FromGroupedArrays(RawVector<uint32_t>&& out_offsets, RawVector<uint32_t>&& target, RawVector<uint8_t>&& type,
                               RawVector<double>&& weight, std::vector<double>&& weight_table,
                               RawVector<uint16_t>&& weight_code);
  const double* Weights() const {
    if (weights_once_) std::call_once(*weights_once_, [this] { BuildWeights(); });
    return out_weight_.data();
  }
  void BuildWeights() const;

  RawVector<uint32_t> out_offsets_, out_target_, out_relation_, in_offsets_, in_source_, in_arc_;
  RawVector<uint8_t> out_type_;
  mutable RawVector<double> out_weight_;
  // Until out_weight_ is built (weights_once_ set): the weight of relation r is
  // weight_table_[weight_code_[r]], or 1 when there are no codes.
  std::unique_ptr<std::once_flag> weights_once_;
  mutable std::vector<double> weight_table_;
  mutable RawVector<uint16_t> weight_code_;
  std::vector<std::string> type_names_;  // code -> name
  uint64_t symmetric_ = 0;               // codes of symmetric types
};

}  // namespace relgraph::query
