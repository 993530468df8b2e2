// Csr: the compact, immutable graph the fast query engine (engine.h) walks, and NameTable, the
// byte-exact name -> node index map that goes with it. Built straight from edge arrays (source,
// target, type code, weight), without Entity/Relation objects, so a million relations load in a
// fraction of a second and take about 21 bytes each.
//
// Layout (n nodes, m edges, ids are uint32):
//   out_offsets[n+1]  out_target[m]  out_type[m] (uint8 code)  out_weight[m] (double)
//   in_offsets[n+1]   in_source[m]   in_arc[m] (position of the same edge among the out-arcs,
//                                               where its type and weight are)
// Out-arcs of a node keep the input order of its edges; so do in-arcs. Parallel edges and
// self-loops are kept as given (every edge is one arc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace relgraph::query {

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

  // Builds the CSR of `node_count` nodes from `edges`, releasing the arrays as it goes (peak
  // memory about 38 bytes per edge). Throws Error(kInput) when an id is >= node_count, a type
  // code is >= 64, the arrays differ in length, or there are 2^32 edges or more. O(n + m).
  static Csr Build(uint32_t node_count, EdgeArrays&& edges);

  uint32_t node_count() const { return out_offsets_.empty() ? 0 : static_cast<uint32_t>(out_offsets_.size() - 1); }
  uint32_t edge_count() const { return static_cast<uint32_t>(out_target_.size()); }

  // Out-arcs of u are positions [OutBegin(u), OutEnd(u)) of out_target/out_type/out_weight.
  uint32_t OutBegin(uint32_t u) const { return out_offsets_[u]; }
  uint32_t OutEnd(uint32_t u) const { return out_offsets_[u + 1]; }
  uint32_t OutDegree(uint32_t u) const { return OutEnd(u) - OutBegin(u); }
  // In-arcs of v are positions [InBegin(v), InEnd(v)) of in_source/in_arc.
  uint32_t InBegin(uint32_t v) const { return in_offsets_[v]; }
  uint32_t InEnd(uint32_t v) const { return in_offsets_[v + 1]; }
  uint32_t InDegree(uint32_t v) const { return InEnd(v) - InBegin(v); }

  const uint32_t* out_offsets() const { return out_offsets_.data(); }
  const uint32_t* out_target() const { return out_target_.data(); }
  const uint8_t* out_type() const { return out_type_.data(); }
  const double* out_weight() const { return out_weight_.data(); }
  const uint32_t* in_offsets() const { return in_offsets_.data(); }
  const uint32_t* in_source() const { return in_source_.data(); }
  const uint32_t* in_arc() const { return in_arc_.data(); }

  size_t MemoryBytes() const;

 private:
  std::vector<uint32_t> out_offsets_, out_target_, in_offsets_, in_source_, in_arc_;
  std::vector<uint8_t> out_type_;
  std::vector<double> out_weight_;
};

}  // namespace relgraph::query
