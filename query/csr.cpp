#include "query/csr.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "common/error.h"

namespace relgraph::query {
namespace {

// Eight bytes at a time with a multiply-xorshift mix: names are short (10-40 bytes), and a
// byte-at-a-time hash (FNV) costs more than the rest of the CSV parse.
inline uint64_t HashName(std::string_view name) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  const char* p = name.data();
  const size_t size = name.size();
  size_t len = size;
  uint64_t h = 0x243F6A8885A308D3ULL ^ (size * kMul);
  auto mix = [&](uint64_t word) {
    h = (h ^ word) * kMul;
    h ^= h >> 32;
  };
  auto load64 = [](const char* at) {
    uint64_t word;
    std::memcpy(&word, at, 8);
    return word;
  };
  auto load32 = [](const char* at) {
    uint32_t word;
    std::memcpy(&word, at, 4);
    return uint64_t{word};
  };
  while (len > 8) {
    mix(load64(p));
    p += 8;
    len -= 8;
  }
  // The tail without a variable-length copy: the last 8 bytes (overlapping what was mixed)
  // when the name has 8 or more, else two overlapping 4-byte loads, else three single bytes.
  if (size >= 8) {
    mix(load64(name.data() + size - 8));
  } else if (len >= 4) {
    mix(load32(p) | (load32(p + len - 4) << 32));
  } else if (len > 0) {
    mix(uint64_t{static_cast<unsigned char>(p[0])} | uint64_t{static_cast<unsigned char>(p[len / 2])} << 8 |
        uint64_t{static_cast<unsigned char>(p[len - 1])} << 16);
  }
  h *= 0xD6E8FEB86659FD93ULL;
  return h ^ (h >> 29);
}

// Home slot of a name from the high half of its hash (the part kept in the slot).
inline uint64_t SlotOf(uint64_t tag, uint64_t mask) { return (tag * 0x9E3779B97F4A7C15ULL >> 7) & mask; }

// Equality of short byte strings without a call to memcmp for the common sizes.
inline bool SameBytes(std::string_view a, std::string_view b) {
  size_t len = a.size();
  if (len != b.size()) return false;
  if (len >= 8 && len <= 16) {
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a.data(), 8);
    std::memcpy(&b0, b.data(), 8);
    std::memcpy(&a1, a.data() + len - 8, 8);
    std::memcpy(&b1, b.data() + len - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  return std::memcmp(a.data(), b.data(), len) == 0;
}

}  // namespace

void NameTable::Grow() {
  size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  std::vector<uint64_t> slots(capacity, 0);
  uint64_t mask = capacity - 1;
  for (uint64_t slot : slots_) {
    if (slot == 0) continue;
    // The stored high half of the hash is enough to place the name again.
    uint64_t at = SlotOf(slot >> 32, mask);
    while (slots[at] != 0) at = (at + 1) & mask;
    slots[at] = slot;
  }
  slots_.swap(slots);
}

uint32_t NameTable::Intern(std::string_view name) { return Intern(name, HashName(name)); }

void NameTable::RebuildLoadingTable() {
  std::vector<uint32_t>().swap(compact_);
  size_t capacity = 1024;
  while (capacity < (static_cast<size_t>(size()) + 1) * 2) capacity *= 2;
  slots_.assign(capacity, 0);
  uint64_t mask = capacity - 1;
  for (uint32_t index = 0; index < size(); ++index) {
    uint64_t tag = HashName(Name(index)) >> 32;
    uint64_t at = SlotOf(tag, mask);
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = (tag << 32) | (uint64_t{index} + 1);
  }
}

uint32_t NameTable::Intern(std::string_view name, uint64_t hash) {
  if (slots_.empty() && size() > 0) RebuildLoadingTable();
  if ((static_cast<size_t>(size()) + 1) * 2 > slots_.size()) Grow();
  uint64_t tag = hash >> 32;
  uint64_t mask = slots_.size() - 1;
  uint64_t at = SlotOf(tag, mask);
  while (true) {
    uint64_t slot = slots_[at];
    if (slot == 0) break;
    if ((slot >> 32) == tag) {
      uint32_t index = static_cast<uint32_t>(slot) - 1;
      if (SameBytes(Name(index), name)) return index;
    }
    at = (at + 1) & mask;
  }
  uint32_t index = size();
  if (bytes_.size() + name.size() > UINT32_MAX) throw Error(ErrorKind::kInput, "node names exceed 4 GiB");
  bytes_.insert(bytes_.end(), name.begin(), name.end());
  offsets_.push_back(static_cast<uint32_t>(bytes_.size()));
  slots_[at] = (tag << 32) | (uint64_t{index} + 1);
  return index;
}

void NameTable::InternBatch(const std::string_view* names, size_t count, uint32_t* ids) {
  // Three rounds of prefetches, one per dependent memory access of a lookup (slot, offset,
  // name bytes), so the cache misses of a batch overlap instead of queueing one after another:
  // with 100k+ names the table and the arena do not fit in L2, and this halves the load time.
  constexpr size_t kBatch = 64;
  uint64_t hashes[kBatch];
  if (slots_.empty() && size() > 0) RebuildLoadingTable();
  for (size_t first = 0; first < count; first += kBatch) {
    size_t batch = std::min(kBatch, count - first);
    if ((static_cast<size_t>(size()) + batch) * 2 > slots_.size()) Grow();
    uint64_t mask = slots_.size() - 1;
    for (size_t i = 0; i < batch; ++i) {
      hashes[i] = HashName(names[first + i]);
      __builtin_prefetch(&slots_[SlotOf(hashes[i] >> 32, mask)]);
    }
    for (size_t i = 0; i < batch; ++i) {
      uint64_t slot = slots_[SlotOf(hashes[i] >> 32, mask)];
      if (slot != 0) __builtin_prefetch(&offsets_[static_cast<uint32_t>(slot) - 1]);
    }
    for (size_t i = 0; i < batch; ++i) {
      uint64_t slot = slots_[SlotOf(hashes[i] >> 32, mask)];
      if (slot != 0) __builtin_prefetch(bytes_.data() + offsets_[static_cast<uint32_t>(slot) - 1]);
    }
    for (size_t i = 0; i < batch; ++i) ids[first + i] = Intern(names[first + i], hashes[i]);
  }
}

// Home of a name in the compact table: the high half of its hash scaled to the table size.
inline size_t CompactHome(uint64_t hash, size_t capacity) { return static_cast<size_t>(((hash >> 32) * capacity) >> 32); }

std::optional<uint32_t> NameTable::Find(std::string_view name) const {
  if (!slots_.empty()) {
    uint64_t tag = HashName(name) >> 32;
    uint64_t mask = slots_.size() - 1;
    for (uint64_t at = SlotOf(tag, mask);; at = (at + 1) & mask) {
      uint64_t slot = slots_[at];
      if (slot == 0) return std::nullopt;
      if ((slot >> 32) == tag && SameBytes(Name(static_cast<uint32_t>(slot) - 1), name)) return static_cast<uint32_t>(slot) - 1;
    }
  }
  if (compact_.empty()) return std::nullopt;
  size_t capacity = compact_.size();
  for (size_t at = CompactHome(HashName(name), capacity);; at = at + 1 == capacity ? 0 : at + 1) {
    uint32_t slot = compact_[at];
    if (slot == 0) return std::nullopt;
    if (SameBytes(Name(slot - 1), name)) return slot - 1;
  }
}

void NameTable::ShrinkToFit() {
  bytes_.shrink_to_fit();
  offsets_.shrink_to_fit();
  if (slots_.empty()) return;
  std::vector<uint64_t>().swap(slots_);
  size_t capacity = std::max<size_t>(16, static_cast<size_t>(size()) * 4 / 3 + 1);
  compact_.assign(capacity, 0);
  for (uint32_t index = 0; index < size(); ++index) {
    size_t at = CompactHome(HashName(Name(index)), capacity);
    while (compact_[at] != 0) at = at + 1 == capacity ? 0 : at + 1;
    compact_[at] = index + 1;
  }
}

size_t NameTable::MemoryBytes() const {
  return bytes_.capacity() + offsets_.capacity() * sizeof(uint32_t) + slots_.capacity() * sizeof(uint64_t) +
         compact_.capacity() * sizeof(uint32_t);
}

Csr Csr::Build(uint32_t node_count, EdgeArrays&& edges, bool keep_relation_index) {
  size_t m = edges.source.size();
  if (edges.target.size() != m || edges.type.size() != m || edges.weight.size() != m) {
    throw Error(ErrorKind::kInternal, "Csr::Build: edge arrays differ in length");
  }
  Csr csr = Build(node_count, edges.source, edges.target, edges.type, edges.weight, keep_relation_index);
  edges = EdgeArrays{};
  return csr;
}

Csr Csr::Build(uint32_t node_count, std::span<const uint32_t> source, std::span<const uint32_t> target,
               std::span<const uint8_t> type, std::span<const double> weight, bool keep_relation_index) {
  size_t m = source.size();
  if (target.size() != m || type.size() != m || weight.size() != m) {
    throw Error(ErrorKind::kInternal, "Csr::Build: edge arrays differ in length");
  }
  if (m >= UINT32_MAX) throw Error(ErrorKind::kInput, "at most 2^32 - 2 edges are supported, found " + std::to_string(m));
  Csr csr;
  csr.out_offsets_.assign(size_t{node_count} + 1, 0);
  csr.in_offsets_.assign(size_t{node_count} + 1, 0);
  for (size_t e = 0; e < m; ++e) {
    uint32_t s = source[e], t = target[e];
    if (s >= node_count || t >= node_count) {
      throw Error(ErrorKind::kInput, "edge " + std::to_string(e) + " names node " + std::to_string(std::max(s, t)) +
                                         " of a graph with " + std::to_string(node_count) + " nodes");
    }
    if (type[e] >= 64) throw Error(ErrorKind::kInput, "relation type code " + std::to_string(type[e]) + " >= 64");
    ++csr.out_offsets_[s + 1];
    ++csr.in_offsets_[t + 1];
  }
  for (uint32_t u = 0; u < node_count; ++u) {
    csr.out_offsets_[u + 1] += csr.out_offsets_[u];
    csr.in_offsets_[u + 1] += csr.in_offsets_[u];
  }
  // Out-arcs placed in edge order (one sequential pass over the edges), then each node's arcs
  // sorted by target, stably (so by edge index among equal targets); most nodes' arcs are few
  // or already in order. The in-arcs are then read off the out-arcs in position order, which
  // sorts each node's in-arcs by source.
  RawVector<uint32_t> next(csr.out_offsets_.begin(), csr.out_offsets_.end() - 1);
  csr.out_target_.resize(m);
  csr.out_type_.resize(m);
  csr.out_weight_.resize(m);
  if (keep_relation_index) csr.out_relation_.resize(m);
  for (size_t e = 0; e < m; ++e) {
    uint32_t at = next[source[e]]++;
    csr.out_target_[at] = target[e];
    csr.out_type_[at] = type[e];
    csr.out_weight_[at] = weight[e];
    if (keep_relation_index) csr.out_relation_[at] = static_cast<uint32_t>(e);
  }
  std::vector<uint64_t> keys;
  std::vector<uint32_t> targets, relations;
  std::vector<uint8_t> types;
  std::vector<double> weights;
  for (uint32_t u = 0; u < node_count; ++u) {
    uint32_t begin = csr.out_offsets_[u], end = csr.out_offsets_[u + 1];
    if (std::is_sorted(csr.out_target_.begin() + begin, csr.out_target_.begin() + end)) continue;
    uint32_t count = end - begin;
    keys.resize(count);
    for (uint32_t i = 0; i < count; ++i) keys[i] = (uint64_t{csr.out_target_[begin + i]} << 32) | i;
    std::sort(keys.begin(), keys.end());
    targets.assign(csr.out_target_.begin() + begin, csr.out_target_.begin() + end);
    types.assign(csr.out_type_.begin() + begin, csr.out_type_.begin() + end);
    weights.assign(csr.out_weight_.begin() + begin, csr.out_weight_.begin() + end);
    if (keep_relation_index) relations.assign(csr.out_relation_.begin() + begin, csr.out_relation_.begin() + end);
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t from = static_cast<uint32_t>(keys[i]);
      csr.out_target_[begin + i] = targets[from];
      csr.out_type_[begin + i] = types[from];
      csr.out_weight_[begin + i] = weights[from];
      if (keep_relation_index) csr.out_relation_[begin + i] = relations[from];
    }
  }
  next.assign(csr.in_offsets_.begin(), csr.in_offsets_.end() - 1);
  csr.in_source_.resize(m);
  csr.in_arc_.resize(m);
  for (uint32_t u = 0; u < node_count; ++u) {
    for (uint32_t i = csr.out_offsets_[u], end = csr.out_offsets_[u + 1]; i < end; ++i) {
      uint32_t at = next[csr.out_target_[i]]++;
      csr.in_source_[at] = u;
      csr.in_arc_[at] = i;
    }
  }
  return csr;
}

Csr::Csr(const Schema& schema, const Topology& topology) {
  const auto& types = schema.relation_types();
  if (types.size() > 64) {
    throw Error(ErrorKind::kInput, "at most 64 relation types are supported, the schema has " + std::to_string(types.size()));
  }
  *this = Build(static_cast<uint32_t>(topology.entity_ids.size()), topology.source, topology.target, topology.type,
                topology.weight, /*keep_relation_index=*/true);
  std::vector<std::string> names;
  uint64_t symmetric = 0;
  for (size_t code = 0; code < types.size(); ++code) {
    names.push_back(types[code].name);
    if (types[code].symmetric) symmetric |= uint64_t{1} << code;
  }
  SetTypes(std::move(names), symmetric);
}

Csr Csr::FromGrouped(std::span<const uint32_t> out_offsets, std::span<const uint32_t> target, std::span<const uint8_t> type,
                     std::span<const double> weight, std::span<const double> weight_table, std::span<const uint16_t> weight_code) {
  return FromGroupedArrays(RawVector<uint32_t>(out_offsets.begin(), out_offsets.end()), RawVector<uint32_t>(target.begin(), target.end()),
                           RawVector<uint8_t>(type.begin(), type.end()), RawVector<double>(weight.begin(), weight.end()),
                           std::vector<double>(weight_table.begin(), weight_table.end()),
                           RawVector<uint16_t>(weight_code.begin(), weight_code.end()));
}

Csr Csr::FromGrouped(GroupedTopology&& grouped) {
  Csr csr = FromGroupedArrays(std::move(grouped.out_offsets), std::move(grouped.target), std::move(grouped.type),
                              std::move(grouped.weight), std::move(grouped.weight_table), std::move(grouped.weight_code));
  grouped = GroupedTopology{};
  return csr;
}

Csr Csr::FromGroupedArrays(RawVector<uint32_t>&& out_offsets, RawVector<uint32_t>&& target, RawVector<uint8_t>&& type,
                           RawVector<double>&& weight, std::vector<double>&& weight_table, RawVector<uint16_t>&& weight_code) {
  if (out_offsets.empty()) throw Error(ErrorKind::kInternal, "Csr::FromGrouped: no offsets");
  const uint32_t n = static_cast<uint32_t>(out_offsets.size() - 1);
  const size_t m = target.size();
  const bool coded = !weight_code.empty(), weighted = !weight.empty();
  if (type.size() != m || (weighted && weight.size() != m) || (coded && (weight_code.size() != m || weighted))) {
    throw Error(ErrorKind::kInternal, "Csr::FromGrouped: edge arrays differ in length");
  }
  if (m >= UINT32_MAX) throw Error(ErrorKind::kInput, "at most 2^32 - 2 edges are supported, found " + std::to_string(m));
  if (out_offsets[0] != 0 || out_offsets[n] != m) throw Error(ErrorKind::kInput, "Csr::FromGrouped: inconsistent offsets");
  for (uint32_t u = 0; u < n; ++u) {
    if (out_offsets[u + 1] < out_offsets[u]) throw Error(ErrorKind::kInput, "Csr::FromGrouped: inconsistent offsets");
  }
  for (size_t e = 0; e < m; ++e) {
    if (target[e] >= n) {
      throw Error(ErrorKind::kInput, "edge " + std::to_string(e) + " names node " + std::to_string(target[e]) +
                                         " of a graph with " + std::to_string(n) + " nodes");
    }
    if (type[e] >= 64) throw Error(ErrorKind::kInput, "relation type code " + std::to_string(type[e]) + " >= 64");
    if (coded && weight_code[e] >= weight_table.size()) throw Error(ErrorKind::kInput, "Csr::FromGrouped: unknown weight code");
  }
  Csr csr;
  csr.out_offsets_ = std::move(out_offsets);
  csr.out_target_ = std::move(target);
  csr.out_type_ = std::move(type);
  if (weighted) {
    csr.out_weight_ = std::move(weight);
  } else {
    // Coded or all 1: out_weight_ is built when first asked for (Weights()).
    csr.weights_once_ = std::make_unique<std::once_flag>();
    csr.weight_table_ = std::move(weight_table);
    csr.weight_code_ = std::move(weight_code);
  }
  csr.out_relation_.resize(m);
  csr.in_offsets_.assign(size_t{n} + 1, 0);
  uint32_t* out_target = csr.out_target_.data();
  uint8_t* out_type = csr.out_type_.data();
  double* out_weight = csr.out_weight_.data();
  uint32_t* out_relation = csr.out_relation_.data();
  // Out-arcs: each node's relations put in order where they lie, by target and then relation
  // index. They come by type, then target: one run in target order per type, so most nodes'
  // arcs are few or already in order.
  std::vector<uint64_t> keys;
  std::vector<uint8_t> types;
  std::vector<double> weights;
  for (uint32_t u = 0; u < n; ++u) {
    const uint32_t begin = csr.out_offsets_[u], end = csr.out_offsets_[u + 1];
    bool in_order = true;
    for (uint32_t e = begin; e < end; ++e) {
      ++csr.in_offsets_[out_target[e] + 1];
      if (e > begin && out_target[e] < out_target[e - 1]) in_order = false;
    }
    if (in_order) {
      for (uint32_t e = begin; e < end; ++e) out_relation[e] = e;
      continue;
    }
    keys.resize(end - begin);
    for (uint32_t e = begin; e < end; ++e) keys[e - begin] = (uint64_t{out_target[e]} << 32) | e;
    std::sort(keys.begin(), keys.end());
    types.assign(out_type + begin, out_type + end);
    if (weighted) weights.assign(out_weight + begin, out_weight + end);
    for (uint32_t at = begin; at < end; ++at) {
      const uint32_t relation = static_cast<uint32_t>(keys[at - begin]);
      out_target[at] = static_cast<uint32_t>(keys[at - begin] >> 32);
      out_type[at] = types[relation - begin];
      if (weighted) out_weight[at] = weights[relation - begin];
      out_relation[at] = relation;
    }
  }
  // In-arcs: one counting sort of the out-arcs by target, read in position order, so each
  // node's in-arcs come by source and then by out position (so by relation index too).
  for (uint32_t v = 0; v < n; ++v) csr.in_offsets_[v + 1] += csr.in_offsets_[v];
  RawVector<uint32_t> next(csr.in_offsets_.begin(), csr.in_offsets_.end() - 1);
  csr.in_source_.resize(m);
  csr.in_arc_.resize(m);
  for (uint32_t u = 0; u < n; ++u) {
    for (uint32_t i = csr.out_offsets_[u], end = csr.out_offsets_[u + 1]; i < end; ++i) {
      const uint32_t at = next[out_target[i]]++;
      csr.in_source_[at] = u;
      csr.in_arc_[at] = i;
    }
  }
  return csr;
}

Csr::Csr(const Schema& schema, const GroupedTopology& grouped) {
  const auto& types = schema.relation_types();
  if (types.size() > 64) {
    throw Error(ErrorKind::kInput, "at most 64 relation types are supported, the schema has " + std::to_string(types.size()));
  }
  if (grouped.out_offsets.size() != grouped.entity_count() + 1) {
    throw Error(ErrorKind::kInternal, "Csr: grouped topology offsets do not match its entities");
  }
  *this = FromGrouped(grouped.out_offsets, grouped.target, grouped.type, grouped.weight, grouped.weight_table, grouped.weight_code);
  std::vector<std::string> names;
  uint64_t symmetric = 0;
  for (size_t code = 0; code < types.size(); ++code) {
    names.push_back(types[code].name);
    if (types[code].symmetric) symmetric |= uint64_t{1} << code;
  }
  SetTypes(std::move(names), symmetric);
}

Csr::Csr(const Graph& graph) : Csr(graph.schema(), TopologyOf(graph)) {}

void Csr::SetTypes(std::vector<std::string> type_names, uint64_t symmetric) {
  type_names_ = std::move(type_names);
  symmetric_ = symmetric;
}

uint64_t Csr::TypeMask(const std::vector<std::string>& type_names) const {
  if (type_names.empty()) return ~uint64_t{0};
  uint64_t mask = 0;
  for (const std::string& name : type_names) {
    for (size_t code = 0; code < type_names_.size() && code < 64; ++code) {
      if (type_names_[code] == name) mask |= uint64_t{1} << code;
    }
  }
  return mask;
}

std::vector<std::pair<RelationIndex, bool>> Csr::RelationsBetween(uint32_t a, uint32_t b, const ViewFilter& filter) const {
  std::vector<std::pair<RelationIndex, bool>> found;
  uint64_t forward = ForwardMask(filter), reverse = ReverseMask(filter);
  for (uint32_t i = OutBegin(a); i < OutEnd(a); ++i) {
    if (out_target_[i] == b && ((forward >> out_type_[i]) & 1)) found.emplace_back(RelationOf(i), true);
  }
  for (uint32_t j = InBegin(a); j < InEnd(a); ++j) {
    uint32_t arc = in_arc_[j];
    if (in_source_[j] == b && ((reverse >> out_type_[arc]) & 1)) {
      // A self-loop a->a was already found as an out-arc.
      if (a != b) found.emplace_back(RelationOf(arc), false);
    }
  }
  return found;
}

void Csr::BuildWeights() const {
  const size_t m = out_target_.size();
  out_weight_.resize(m);
  for (size_t arc = 0; arc < m; ++arc) {
    out_weight_[arc] = weight_code_.empty() ? 1.0 : weight_table_[weight_code_[RelationOf(static_cast<uint32_t>(arc))]];
  }
  RawVector<uint16_t>().swap(weight_code_);
  std::vector<double>().swap(weight_table_);
}

size_t Csr::MemoryBytes() const {
  return (out_offsets_.capacity() + out_target_.capacity() + out_relation_.capacity() + in_offsets_.capacity() +
          in_source_.capacity() + in_arc_.capacity()) *
             sizeof(uint32_t) +
         out_type_.capacity() + out_weight_.capacity() * sizeof(double) + weight_code_.capacity() * sizeof(uint16_t) +
         weight_table_.capacity() * sizeof(double);
}

}  // namespace relgraph::query
